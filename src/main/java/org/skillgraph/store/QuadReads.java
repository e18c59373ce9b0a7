package org.skillgraph.store;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.skillgraph.vocab.Iris;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Direct index reads over the registry's dataset, shared by the handlers that answer one entity at
 * a time (URI resolution, credential checks). Call inside a read transaction. {@code seen} is told
 * the graph of every quad that contributed, so callers can compute cache validators.
 */
public final class QuadReads {
    private QuadReads() {}

    /** Quads matching the pattern in any graph but the catalog, at most {@code limit}. */
    public static List<Quad> find(DatasetGraph dsg, Node s, Node p, Node o, int limit, Consumer<Node> seen) {
        List<Quad> out = new ArrayList<>();
        Iterator<Quad> it = dsg.find(Node.ANY, s, p, o);
        try {
            while (it.hasNext() && out.size() < limit) {
                Quad q = it.next();
                if (q.getGraph().equals(Iris.CATALOG_GRAPH)) continue;
                out.add(q);
                seen.accept(q.getGraph());
            }
        } finally {
            Iter.close(it);
        }
        return out;
    }

    /** Objects of (s, p) in graph g. */
    public static List<Node> objects(DatasetGraph dsg, Node g, Node s, Node p) {
        List<Node> out = new ArrayList<>(2);
        Iterator<Quad> it = dsg.find(g, s, p, Node.ANY);
        try {
            while (it.hasNext()) out.add(it.next().getObject());
        } finally {
            Iter.close(it);
        }
        return out;
    }

    /** The first object of (s, p) in graph g, or null. */
    public static Node object(DatasetGraph dsg, Node g, Node s, Node p) {
        Iterator<Quad> it = dsg.find(g, s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            Iter.close(it);
        }
    }

    /** The lexical form of the first literal of (s, p) in g, or null. */
    public static String literal(DatasetGraph dsg, Node g, Node s, Node p) {
        Node o = object(dsg, g, s, p);
        return o != null && o.isLiteral() ? o.getLiteralLexicalForm() : null;
    }

    /** The first literal of (s, p) in any graph but the catalog, English or untagged first. */
    public static String literalAnywhere(DatasetGraph dsg, Node s, Node p, Consumer<Node> seen) {
        String any = null;
        Iterator<Quad> it = dsg.find(Node.ANY, s, p, Node.ANY);
        try {
            while (it.hasNext()) {
                Quad q = it.next();
                Node o = q.getObject();
                if (!o.isLiteral() || q.getGraph().equals(Iris.CATALOG_GRAPH)) continue;
                seen.accept(q.getGraph());
                String lang = o.getLiteralLanguage();
                if (lang.isEmpty() || lang.toLowerCase(Locale.ROOT).startsWith("en")) return o.getLiteralLexicalForm();
                if (any == null) any = o.getLiteralLexicalForm();
            }
        } finally {
            Iter.close(it);
        }
        return any;
    }
}
