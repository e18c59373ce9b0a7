package org.skillgraph.credentials;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.skillgraph.casejson.EntityType;
import org.skillgraph.store.QuadReads;
import org.skillgraph.vocab.Iris;
import org.skillgraph.vocab.SG;

import java.time.Instant;
import java.util.*;

/**
 * Indexed look-ups of stored entities for the credential check, inside the caller's read
 * transaction. Chooses among several stored nodes by the rules of the URI resolver
 * ({@code server.resolve.Resolver}, package-private there): an entity its framework defines wins over
 * a stub (a node a framework keeps only because it links to it), then the most recently imported
 * framework, then the lower graph and node IRI.
 */
final class RegistryLookup {
    static final Node RDFS_LABEL = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label");
    private static final int MAX = 64;

    private static final List<EntityType> TYPE_ORDER = List.of(EntityType.DOCUMENT, EntityType.ITEM, EntityType.ASSOCIATION,
            EntityType.ITEM_TYPE, EntityType.CONCEPT, EntityType.SUBJECT, EntityType.LICENSE,
            EntityType.ASSOCIATION_GROUPING, EntityType.RUBRIC, EntityType.RUBRIC_CRITERION, EntityType.RUBRIC_CRITERION_LEVEL);

    /** A stored node. {@code defined}: its framework holds it (not a stub); {@code type} null for a stub of no CASE type. */
    record Entity(Node node, Node graph, String identifier, boolean defined, EntityType type) {}

    private final DatasetGraph dsg;
    private final Map<Node, Instant> importTimes = new HashMap<>();

    RegistryLookup(DatasetGraph dsg) { this.dsg = dsg; }

    DatasetGraph dataset() { return dsg; }

    Optional<Entity> byIri(String iri) {
        if (iri == null || iri.isEmpty() || !Iris.isAbsolute(iri)) return Optional.empty();
        Node n = NodeFactory.createURI(iri);
        return choose(find(n, SG.identifier, Node.ANY, MAX));
    }

    Optional<Entity> byIdentifier(String identifier) {
        if (identifier == null || identifier.isEmpty() || identifier.length() > 1024) return Optional.empty();
        List<Quad> qs = find(Node.ANY, SG.identifier, NodeFactory.createLiteralString(identifier), MAX);
        if (qs.isEmpty() && Iris.UUID.matcher(identifier).matches()) {
            for (String alt : List.of(identifier.toLowerCase(Locale.ROOT), identifier.toUpperCase(Locale.ROOT))) {
                if (alt.equals(identifier)) continue;
                qs = find(Node.ANY, SG.identifier, NodeFactory.createLiteralString(alt), MAX);
                if (!qs.isEmpty()) break;
            }
        }
        return choose(qs);
    }

    private Optional<Entity> choose(List<Quad> quads) {
        Entity best = null;
        Instant bestTime = null;
        for (Quad q : quads) {
            if (!q.getSubject().isURI() || !q.getObject().isLiteral()) continue;
            Node g = q.getGraph(), s = q.getSubject();
            boolean defined = dsg.contains(g, s, SG.framework, Node.ANY) || isDocument(g, s);
            Entity e = new Entity(s, g, q.getObject().getLiteralLexicalForm(), defined, null);
            Instant t = importTime(g);
            if (best == null || better(e, t, best, bestTime)) {
                best = e;
                bestTime = t;
            }
        }
        if (best == null) return Optional.empty();
        return Optional.of(new Entity(best.node(), best.graph(), best.identifier(), best.defined(), typeOf(best.graph(), best.node())));
    }

    private static boolean better(Entity a, Instant ta, Entity b, Instant tb) {
        if (a.defined() != b.defined()) return a.defined();
        if (!Objects.equals(ta, tb)) {
            if (ta == null) return false;
            if (tb == null) return true;
            return ta.isAfter(tb);
        }
        int c = a.graph().toString().compareTo(b.graph().toString());
        if (c != 0) return c < 0;
        return a.node().toString().compareTo(b.node().toString()) < 0;
    }

    private Instant importTime(Node g) {
        return importTimes.computeIfAbsent(g, x -> {
            String s = literal(Iris.CATALOG_GRAPH, x, SG.provGeneratedAtTime);
            if (s == null) return null;
            try {
                return Instant.parse(s);
            } catch (RuntimeException e) {
                return null;
            }
        });
    }

    boolean isDocument(Node g, Node s) {
        return dsg.contains(g, s, SG.rdfType, SG.Framework) && dsg.contains(g, s, SG.rdfType, SG.skosConceptScheme);
    }

    EntityType typeOf(Node g, Node s) {
        List<Node> classes = objects(g, s, SG.rdfType);
        for (EntityType t : TYPE_ORDER) if (classes.contains(t.rdfClass())) return t;
        return null;
    }

    /** The framework document an entity belongs to: its sg:framework, itself, or its graph's document. */
    Node documentOf(Entity e) {
        Node d = object(e.graph(), e.node(), SG.framework);
        if (d != null) return d;
        if (isDocument(e.graph(), e.node())) return e.node();
        Node topic = object(Iris.CATALOG_GRAPH, e.graph(), SG.foafPrimaryTopic);
        return topic;
    }

    /** Quads matching in any graph but the catalog, at most {@code limit}. */
    List<Quad> find(Node s, Node p, Node o, int limit) { return QuadReads.find(dsg, s, p, o, limit, g -> {}); }

    List<Node> objects(Node g, Node s, Node p) { return QuadReads.objects(dsg, g, s, p); }

    Node object(Node g, Node s, Node p) { return QuadReads.object(dsg, g, s, p); }

    String literal(Node g, Node s, Node p) { return QuadReads.literal(dsg, g, s, p); }

    /** The first literal of (s, p) in any graph but the catalog, English or untagged first. */
    String literalAnywhere(Node s, Node p) { return QuadReads.literalAnywhere(dsg, s, p, g -> {}); }

    Node objectAnywhere(Node s, Node p) {
        for (Quad q : find(s, p, Node.ANY, 1)) return q.getObject();
        return null;
    }

    /** Whether some framework defines this node (not only a stub of it). */
    boolean definedAnywhere(Node s) {
        for (Quad q : find(s, SG.framework, Node.ANY, 1)) return true;
        for (Quad q : find(s, SG.rdfType, SG.Framework, 4)) if (isDocument(q.getGraph(), s)) return true;
        return false;
    }

    /** Hosts of the framework documents the registry holds (from the catalog). */
    Set<String> frameworkHosts() {
        Set<String> hosts = new HashSet<>();
        Iterator<Quad> it = dsg.find(Iris.CATALOG_GRAPH, Node.ANY, SG.foafPrimaryTopic, Node.ANY);
        try {
            while (it.hasNext()) {
                Node d = it.next().getObject();
                if (d.isURI()) {
                    String h = host(d.getURI());
                    if (h != null) hosts.add(h);
                }
            }
        } finally {
            Iter.close(it);
        }
        return hosts;
    }

    static String host(String url) {
        try {
            java.net.URI u = new java.net.URI(url);
            return u.getHost() == null ? null : u.getHost().toLowerCase(Locale.ROOT);
        } catch (Exception e) {
            return null;
        }
    }
}
