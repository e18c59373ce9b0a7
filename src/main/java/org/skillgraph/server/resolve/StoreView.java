package org.skillgraph.server.resolve;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.skillgraph.store.QuadReads;
import org.skillgraph.vocab.Iris;
import org.skillgraph.vocab.SG;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.*;

/**
 * Indexed look-ups on the registry's dataset inside one read transaction: every call is one
 * find on a quad index (no query parsing, no copies). Remembers which graphs its answers came
 * from, so that a representation can say when it last changed, and caches the catalog facts of
 * each graph for the length of one request.
 */
final class StoreView {

    /** What the catalog says about one framework graph. */
    record GraphFacts(Node graph, String identifier, Node document, String title, String publisher, String version,
                      String source, String hash, Instant importedAt, String importedAtLexical, Long items,
                      Long associations, Long importVersion) {}

    /**
     * Catalog facts kept across requests, keyed by graph and checked on every use against the
     * catalog's content hash and import time (two look-ups instead of a dozen).
     */
    static final class FactsCache {
        private static final int MAX = 10_000;
        private final java.util.concurrent.ConcurrentHashMap<Node, GraphFacts> map = new java.util.concurrent.ConcurrentHashMap<>();

        GraphFacts get(Node g, String hash, String importedAt) {
            GraphFacts f = map.get(g);
            return f != null && Objects.equals(f.hash(), hash) && Objects.equals(f.importedAtLexical(), importedAt) ? f : null;
        }

        void put(GraphFacts f) {
            if (map.size() >= MAX) map.clear();
            map.put(f.graph(), f);
        }
    }

    private final DatasetGraph dsg;
    private final FactsCache cache;
    private final Set<Node> touched = new LinkedHashSet<>();
    private final Map<Node, Optional<GraphFacts>> facts = new HashMap<>();

    StoreView(DatasetGraph dsg, FactsCache cache) {
        this.dsg = dsg;
        this.cache = cache;
    }

    DatasetGraph dataset() { return dsg; }

    /** The graph named {@code g} (the default graph for its names), as a view: no copy. */
    Graph graph(Node g) {
        return g == null || Quad.isDefaultGraph(g) ? dsg.getDefaultGraph() : dsg.getGraph(g);
    }

    /** Quads matching the pattern in any graph, the catalog's own graph excluded; {@code limit} at most. */
    List<Quad> find(Node s, Node p, Node o, int limit) { return QuadReads.find(dsg, s, p, o, limit, touched::add); }

    List<Quad> find(Node s, Node p, Node o) { return find(s, p, o, Integer.MAX_VALUE); }

    boolean contains(Node g, Node s, Node p, Node o) { return dsg.contains(g, s, p, o); }

    /** Objects of (s, p) in graph g. */
    List<Node> objects(Node g, Node s, Node p) { return QuadReads.objects(dsg, g, s, p); }

    Node object(Node g, Node s, Node p) { return QuadReads.object(dsg, g, s, p); }

    /** The lexical form of the first literal of (s, p) in g, or null. */
    String literal(Node g, Node s, Node p) { return QuadReads.literal(dsg, g, s, p); }

    /** The first literal of (s, p) in any graph, English or untagged first. */
    String literalAnywhere(Node s, Node p) { return QuadReads.literalAnywhere(dsg, s, p, touched::add); }

    Node objectAnywhere(Node s, Node p) {
        for (Quad q : find(s, p, Node.ANY, 1)) return q.getObject();
        return null;
    }

    /** Graphs that contributed to answers so far. */
    Set<Node> touched() { return touched; }

    void touch(Node g) { touched.add(g); }

    /** The catalog entry of a framework graph, if it has one. */
    Optional<GraphFacts> facts(Node g) {
        return facts.computeIfAbsent(g, this::readFacts);
    }

    private Optional<GraphFacts> readFacts(Node g) {
        Node c = Iris.CATALOG_GRAPH;
        if (g == null || !g.isURI()) return Optional.empty();
        String hash = literal(c, g, SG.contentHash);
        if (hash == null) return Optional.empty();
        String time = literal(c, g, SG.provGeneratedAtTime);
        GraphFacts known = cache.get(g, hash, time);
        if (known != null) return Optional.of(known);
        GraphFacts f = new GraphFacts(g, literal(c, g, SG.dctIdentifier), object(c, g, SG.foafPrimaryTopic),
                literal(c, g, SG.dctTitle), literal(c, g, SG.dctPublisher), literal(c, g, SG.dcatVersion),
                sourceOf(c, g), hash, instant(time), time,
                number(literal(c, g, SG.itemCount)), number(literal(c, g, SG.associationCount)),
                number(literal(c, g, SG.importVersion)));
        cache.put(f);
        return Optional.of(f);
    }

    private String sourceOf(Node c, Node g) {
        Node o = object(c, g, SG.dctSource);
        if (o == null) return null;
        return o.isURI() ? o.getURI() : o.isLiteral() ? o.getLiteralLexicalForm() : null;
    }

    /** The latest import time among the graphs touched so far (those in the catalog). */
    Instant lastImport() {
        Instant max = null;
        for (Node g : touched) {
            Instant t = facts(g).map(GraphFacts::importedAt).orElse(null);
            if (t != null && (max == null || t.isAfter(max))) max = t;
        }
        return max;
    }

    static Instant instant(String s) {
        if (s == null) return null;
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(s).toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    static Long number(String s) {
        if (s == null) return null;
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Node string(String s) { return NodeFactory.createLiteralString(s); }
}
