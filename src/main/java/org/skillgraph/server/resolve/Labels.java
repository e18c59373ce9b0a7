package org.skillgraph.server.resolve;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Labels of the {@code sg:} terms, read once from the ontology ({@code /ontology/skillgraph.ttl}
 * on the classpath). Associations are put in words by {@link org.skillgraph.mapping.Directions}.
 */
final class Labels {
    private static final Node RDFS_LABEL = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label");

    private static final class Holder {
        static final Labels INSTANCE = new Labels(load());
    }

    private final Map<Node, String> labels = new HashMap<>();

    static Labels get() { return Holder.INSTANCE; }

    private Labels(Graph onto) {
        Iterator<Triple> it = onto.find(Node.ANY, RDFS_LABEL, Node.ANY);
        while (it.hasNext()) {
            Triple t = it.next();
            if (t.getObject().isLiteral() && t.getSubject().isURI())
                labels.merge(t.getSubject(), t.getObject().getLiteralLexicalForm(), (a, b) -> a);
        }
    }

    /** The ontology's label of a term, or its local name split into words. */
    String label(Node term) {
        String l = labels.get(term);
        if (l != null) return l;
        String u = term.isURI() ? term.getURI() : term.toString();
        int cut = Math.max(u.lastIndexOf('#'), u.lastIndexOf('/'));
        return u.substring(cut + 1).replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
    }

    private static Graph load() {
        Graph g = GraphFactory.createGraphMem();
        try (InputStream in = Labels.class.getResourceAsStream("/ontology/skillgraph.ttl")) {
            if (in != null) RDFParser.source(in).lang(Lang.TURTLE).parse(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return g;
    }
}
