package org.skillgraph.store;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIs;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.skillgraph.error.InputRejectedException;
import org.skillgraph.error.NotFoundException;
import org.skillgraph.mapping.Directions;
import org.skillgraph.vocab.SG;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An item's associations, or one association, in words: every association stated in any stored
 * framework with the item as origin or destination, each as a sentence with both statements
 * ({@code DA-3.2 "Write SQL to join tables" is part of JR-1.4 "Prepare data sets for analysis"}).
 */
public final class Explainer {
    private static final Node FULL_STATEMENT = SG.sg("fullStatement");
    private static final Node HUMAN_CODING_SCHEME = SG.sg("humanCodingScheme");
    private static final Node IDENTIFIER = SG.sg("identifier");
    private static final Node TITLE = SG.sg("title");
    private static final Node NO_IRI = NodeFactory.createURI("urn:skillgraph:none");

    private final Registry registry;

    public Explainer(Registry registry) { this.registry = registry; }

    /** One end of an association, or the explained item; {@code framework} is the title of its framework, if stored. */
    public record End(String iri, String identifier, String code, String statement, String framework) {
        /** {@code DA-3.2 "Write SQL to join tables"} */
        public String named() { return Directions.named(code, statement); }
    }

    /** One association as stated, and on which side of it the explained item is. */
    public record Stated(String iri, String identifier, String type, End origin, End destination, String statedIn,
                         boolean outgoing) {
        /** "A is part of B", as the association states it. */
        public String sentence() { return Directions.sentence(type, origin.named(), destination.named()); }

        /** "B has part A": the same association read from its destination. */
        public String inverseSentence() { return Directions.inverseSentence(type, origin.named(), destination.named()); }
    }

    /** What was explained ({@code item} or {@code association}), and the associations. */
    public record Explanation(String kind, End subject, List<Stated> associations) {}

    /**
     * Explains the item or association that {@code what} names (identifier, URI or humanCodingScheme
     * code), optionally only in the framework {@code framework} (identifier or URI).
     */
    public Explanation explain(String what, String framework) {
        String graph = framework == null ? null : registry.find(framework).graph();
        return registry.read(dsg -> {
            Map<Node, Node> found = find(what, graph);   // node -> class
            if (found.isEmpty())
                throw new NotFoundException("no item or association '" + what + "' in the store (looked for it as an identifier, a URI and a humanCodingScheme code"
                        + (framework != null ? " in framework " + framework : "") + ")");
            if (found.size() > 1) {
                List<String> names = new ArrayList<>();
                for (Node n : found.keySet()) {
                    End e = end(dsg, n);
                    names.add(e.named() + (e.framework() != null ? " in \"" + e.framework() + "\"" : "") + " (" + e.identifier() + ")");
                }
                throw new InputRejectedException(what, null, found.size() + " stored items or associations have this name: "
                        + String.join("; ", names) + ". Give the identifier, or --framework.");
            }
            Node node = found.keySet().iterator().next();
            boolean isAssociation = found.get(node).equals(SG.Association);
            if (isAssociation) {
                Node g = graphOf(dsg, node);
                return new Explanation("association", end(dsg, node), List.of(stated(dsg, g, node, true)));
            }
            End self = end(dsg, node);
            List<Stated> list = new ArrayList<>();
            Set<Node> seen = new LinkedHashSet<>();
            ParameterizedSparqlString q = new ParameterizedSparqlString(Queries.get("caseapi-item-associations"));
            q.setParam("item", node);
            q.setLiteral("identifier", self.identifier() == null ? "" : self.identifier());
            try (QueryExecution qe = registry.query(q.asQuery())) {
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) {
                    QuerySolution s = rs.next();
                    Node a = s.get("assoc").asNode();
                    if (!seen.add(a)) continue;
                    Node g = s.get("g").asNode();
                    Node origin = QuadReads.object(dsg, g, a, SG.originNode);
                    String originId = QuadReads.literal(dsg, g, a, SG.originNodeIdentifier);
                    boolean outgoing = node.equals(origin) || (self.identifier() != null && self.identifier().equals(originId));
                    list.add(stated(dsg, g, a, outgoing));
                }
            }
            list.sort(ORDER);
            return new Explanation("item", self, List.copyOf(list));
        });
    }

    /** Outgoing first; then by type in the order of CASE; then by the other end's code. */
    private static final Comparator<Stated> ORDER = Comparator
            .comparing((Stated s) -> !s.outgoing())
            .thenComparing(s -> typeRank(s.type()))
            .thenComparing(s -> {
                End other = s.outgoing() ? s.destination() : s.origin();
                return other.code() != null ? other.code() : other.named();
            });

    private static int typeRank(String type) {
        int i = SG.ASSOCIATION_TYPES.indexOf(type);
        return i < 0 ? SG.ASSOCIATION_TYPES.size() : i;
    }

    private Map<Node, Node> find(String what, String graph) {
        ParameterizedSparqlString q = new ParameterizedSparqlString(Queries.get("explain-find"));
        q.setLiteral("text", what);
        q.setLiteral("uri", what, XSDDatatype.XSDanyURI);
        q.setParam("iri", looksLikeIri(what) ? NodeFactory.createURI(what) : NO_IRI);
        Map<Node, Node> out = new LinkedHashMap<>();
        try (QueryExecution qe = registry.query(q.asQuery())) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                if (graph != null && !graph.equals(s.getResource("g").getURI())) continue;
                out.putIfAbsent(s.get("node").asNode(), s.get("class").asNode());
            }
        }
        return out;
    }

    private static boolean looksLikeIri(String s) {
        try {
            return s.contains(":") && !s.contains(" ") && IRIs.check(s);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Node graphOf(DatasetGraph dsg, Node node) {
        var it = dsg.find(Node.ANY, node, SG.associationType, Node.ANY);
        try {
            return it.hasNext() ? it.next().getGraph() : Node.ANY;
        } finally {
            org.apache.jena.atlas.iterator.Iter.close(it);
        }
    }

    private Stated stated(DatasetGraph dsg, Node g, Node a, boolean outgoing) {
        String type = QuadReads.literal(dsg, g, a, SG.associationType);
        End origin = withFallback(end(dsg, QuadReads.object(dsg, g, a, SG.originNode)),
                QuadReads.literal(dsg, g, a, SG.originNodeTitle), QuadReads.literal(dsg, g, a, SG.originNodeIdentifier));
        End destination = withFallback(end(dsg, QuadReads.object(dsg, g, a, SG.destinationNode)),
                QuadReads.literal(dsg, g, a, SG.destinationNodeTitle), QuadReads.literal(dsg, g, a, SG.destinationNodeIdentifier));
        Node doc = QuadReads.object(dsg, g, a, SG.framework);
        String statedIn = doc == null ? null : literal(dsg, doc, TITLE);
        return new Stated(a.isURI() ? a.getURI() : a.toString(), QuadReads.literal(dsg, g, a, IDENTIFIER),
                type == null ? "" : type, origin, destination, statedIn, outgoing);
    }

    private End end(DatasetGraph dsg, Node n) {
        if (n == null) return new End(null, null, null, null, null);
        String statement = literal(dsg, n, FULL_STATEMENT);
        if (statement == null) statement = literal(dsg, n, TITLE);
        Node fw = null;
        var it = dsg.find(Node.ANY, n, SG.framework, Node.ANY);
        try {
            if (it.hasNext()) fw = it.next().getObject();
        } finally {
            org.apache.jena.atlas.iterator.Iter.close(it);
        }
        String fwTitle = fw == null ? null : literal(dsg, fw, TITLE);
        return new End(n.isURI() ? n.getURI() : n.toString(), literal(dsg, n, IDENTIFIER), literal(dsg, n, HUMAN_CODING_SCHEME),
                statement, fwTitle);
    }

    private static End withFallback(End e, String title, String identifier) {
        return new End(e.iri(), e.identifier() != null ? e.identifier() : identifier, e.code(),
                e.statement() != null ? e.statement() : title, e.framework());
    }

    private static String literal(DatasetGraph dsg, Node s, Node p) {
        return QuadReads.literalAnywhere(dsg, s, p, g -> {});
    }
}
