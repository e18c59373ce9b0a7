package org.skillgraph.server.resolve;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.skillgraph.casejson.EntityType;
import org.skillgraph.vocab.Iris;
import org.skillgraph.vocab.SG;

import java.time.Instant;
import java.util.*;

/**
 * Finds the stored entity that a request names, by {@code sg:identifier} (one look-up on the
 * predicate-object index) or by IRI (one look-up on the subject index).
 * <p>
 * <b>When several stored nodes answer</b> (two frameworks hold an entity with the same identifier,
 * or the same IRI is described in two framework graphs), one is chosen by these rules, in order:
 * <ol>
 *   <li>an entity that its framework <em>defines</em> (it has {@code sg:framework} in that graph,
 *       or it is that graph's framework document) wins over a <em>stub</em>, the node a framework
 *       keeps (identifier, uri, title) for something it only links to;</li>
 *   <li>among definitions, the one in the framework imported most recently wins;</li>
 *   <li>then the lower graph IRI, then the lower node IRI, so that the answer is stable.</li>
 * </ol>
 * The others are kept in {@link Resolved#others()} so that pages can point at them (each
 * resolves exactly through {@code /resolve?uri=}).
 */
final class Resolver {
    private static final List<EntityType> TYPE_ORDER = List.of(EntityType.DOCUMENT, EntityType.ITEM, EntityType.ASSOCIATION,
            EntityType.ITEM_TYPE, EntityType.CONCEPT, EntityType.SUBJECT, EntityType.LICENSE,
            EntityType.ASSOCIATION_GROUPING, EntityType.RUBRIC, EntityType.RUBRIC_CRITERION, EntityType.RUBRIC_CRITERION_LEVEL);

    /** One stored node that carries the identifier or IRI asked for. */
    record Candidate(Node graph, Node node, String identifier, boolean defined, Instant importedAt) {}

    /** The entity a request resolved to. {@code type} is null for a stub of no CASE type. */
    record Resolved(Node node, Node graph, Node document, EntityType type, boolean defined, String identifier,
                    List<Candidate> others) {}

    private static final Comparator<Candidate> RANK = Comparator
            .comparing((Candidate c) -> !c.defined())
            .thenComparing(Candidate::importedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(c -> c.graph().toString())
            .thenComparing(c -> c.node().toString());

    private Resolver() {}

    static Optional<Resolved> byIdentifier(StoreView v, String identifier) {
        List<Candidate> cs = candidates(v, v.find(Node.ANY, SG.identifier, NodeFactory.createLiteralString(identifier), 64));
        if (cs.isEmpty() && Iris.UUID.matcher(identifier).matches()) {
            // UUIDs compare without regard to case; publishers write either.
            for (String alt : List.of(identifier.toLowerCase(Locale.ROOT), identifier.toUpperCase(Locale.ROOT))) {
                if (alt.equals(identifier)) continue;
                cs = candidates(v, v.find(Node.ANY, SG.identifier, NodeFactory.createLiteralString(alt), 64));
                if (!cs.isEmpty()) break;
            }
        }
        return choose(v, cs);
    }

    static Optional<Resolved> byIri(StoreView v, String iri) {
        if (iri == null || iri.isEmpty()) return Optional.empty();
        Node n = NodeFactory.createURI(iri);
        return choose(v, candidates(v, v.find(n, SG.identifier, Node.ANY, 64)));
    }

    /** How many distinct stored nodes carry this identifier (1 means /uri/{identifier} names exactly that node). */
    static int nodesWithIdentifier(StoreView v, String identifier) {
        Set<Node> nodes = new HashSet<>();
        for (Quad q : v.find(Node.ANY, SG.identifier, NodeFactory.createLiteralString(identifier), 16)) nodes.add(q.getSubject());
        return nodes.size();
    }

    private static List<Candidate> candidates(StoreView v, List<Quad> quads) {
        List<Candidate> out = new ArrayList<>(quads.size());
        for (Quad q : quads) {
            if (!q.getSubject().isURI() || !q.getObject().isLiteral()) continue;
            Node g = q.getGraph(), s = q.getSubject();
            boolean defined = v.contains(g, s, SG.framework, Node.ANY) || isDocument(v, g, s);
            Instant imported = v.facts(g).map(StoreView.GraphFacts::importedAt).orElse(null);
            out.add(new Candidate(g, s, q.getObject().getLiteralLexicalForm(), defined, imported));
        }
        return out;
    }

    private static Optional<Resolved> choose(StoreView v, List<Candidate> cs) {
        if (cs.isEmpty()) return Optional.empty();
        List<Candidate> sorted = new ArrayList<>(cs);
        sorted.sort(RANK);
        Candidate best = sorted.get(0);
        List<Candidate> others = new ArrayList<>();
        for (Candidate c : sorted.subList(1, sorted.size())) {
            // the same node described again as a stub elsewhere is not another entity
            if (c.node().equals(best.node()) && !c.defined()) continue;
            others.add(c);
        }
        EntityType type = typeOf(v, best.graph(), best.node());
        v.touch(best.graph());
        return Optional.of(new Resolved(best.node(), best.graph(), documentOf(v, best.graph(), best.node()),
                type, best.defined(), best.identifier(), List.copyOf(others)));
    }

    static boolean isDocument(StoreView v, Node g, Node s) {
        return v.contains(g, s, SG.rdfType, SG.Framework) && v.contains(g, s, SG.rdfType, SG.skosConceptScheme);
    }

    static EntityType typeOf(StoreView v, Node g, Node s) {
        List<Node> classes = v.objects(g, s, SG.rdfType);
        for (EntityType t : TYPE_ORDER) if (classes.contains(t.rdfClass())) return t;
        return null;
    }

    /** The framework document an entity belongs to: its sg:framework, itself, or the graph's document. */
    static Node documentOf(StoreView v, Node g, Node s) {
        Node d = v.object(g, s, SG.framework);
        if (d != null) return d;
        if (isDocument(v, g, s)) return s;
        Optional<StoreView.GraphFacts> f = v.facts(g);
        if (f.isPresent() && f.get().document() != null) return f.get().document();
        return documentBySchema(v, g, s);
    }

    private static Node documentBySchema(StoreView v, Node g, Node fallback) {
        Iterator<Quad> it = v.dataset().find(g, Node.ANY, SG.rdfType, SG.skosConceptScheme);
        try {
            return it.hasNext() ? it.next().getSubject() : fallback;
        } finally {
            Iter.close(it);
        }
    }
}
