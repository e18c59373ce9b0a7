package org.skillgraph.server.resolve;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.skillgraph.vocab.SG;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The RDF description of one entity, as the registry's union of graphs holds it:
 * <ul>
 *   <li>every triple with the entity as subject (its fields, types, framework, direct association
 *       triples, and alignments such as skos:exactMatch stored in other graphs);</li>
 *   <li>the direct association and SKOS mapping triples that point at it from elsewhere
 *       (children, items of other frameworks matched to it), at most {@link #MAX_INCOMING};</li>
 *   <li>the labels (skos:prefLabel, skos:notation, sg:title, dct:title, rdfs:label) of every node
 *       it links to or is linked from, so a reader need not fetch them.</li>
 * </ul>
 * Written as Turtle, N-Triples or JSON-LD 1.1 (Jena's JSON-LD 1.1 writer, compacted with the
 * sg/skos/dct prefixes).
 */
final class EntityRdf {
    static final int MAX_INCOMING = 2_000;
    private static final int MAX_LINKED = 2_000;
    private static final Node RDFS_LABEL = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label");

    static final List<Node> SKOS_MATCHES = List.of(
            NodeFactory.createURI(SG.SKOS + "exactMatch"), NodeFactory.createURI(SG.SKOS + "closeMatch"),
            NodeFactory.createURI(SG.SKOS + "relatedMatch"), NodeFactory.createURI(SG.SKOS + "broadMatch"),
            NodeFactory.createURI(SG.SKOS + "narrowMatch"));
    private static final List<Node> LABELS = List.of(SG.skosPrefLabel, SG.skosNotation, SG.title, SG.dctTitle, RDFS_LABEL);

    private EntityRdf() {}

    static Graph describe(StoreView v, Resolver.Resolved r) {
        Graph out = GraphFactory.createDefaultGraph();
        out.getPrefixMapping().setNsPrefix("sg", SG.NS).setNsPrefix("skos", SG.SKOS).setNsPrefix("dct", SG.DCT)
                .setNsPrefix("xsd", SG.XSD).setNsPrefix("rdf", SG.RDF);
        Node n = r.node();
        Set<Node> linked = new LinkedHashSet<>();
        for (Quad q : v.find(n, Node.ANY, Node.ANY, 50_000)) {
            out.add(q.asTriple());
            if (q.getObject().isURI() && !q.getPredicate().equals(SG.rdfType)) linked.add(q.getObject());
        }
        int budget = MAX_INCOMING;
        List<Node> incoming = new ArrayList<>();
        for (String type : SG.ASSOCIATION_TYPES) incoming.add(SG.sg(type));
        incoming.addAll(SKOS_MATCHES);
        for (Node p : incoming) {
            if (budget <= 0) break;
            for (Quad q : v.find(Node.ANY, p, n, budget)) {
                out.add(q.asTriple());
                linked.add(q.getSubject());
                budget--;
            }
        }
        linked.remove(n);
        int count = 0;
        for (Node x : linked) {
            if (++count > MAX_LINKED) break;
            for (Node p : LABELS) for (Quad q : v.find(x, p, Node.ANY, 8)) out.add(Triple.create(x, p, q.getObject()));
        }
        return out;
    }

    static byte[] write(Graph g, Format f) {
        RDFFormat fmt = switch (f) {
            case TURTLE -> RDFFormat.TURTLE_PRETTY;
            case NTRIPLES -> RDFFormat.NTRIPLES_UTF8;
            case JSONLD -> RDFFormat.JSONLD11;
            default -> throw new IllegalArgumentException("not an RDF format: " + f);
        };
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        RDFWriter.source(g).format(fmt).output(bytes);
        return bytes.toByteArray();
    }
}
