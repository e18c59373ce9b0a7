package org.skillgraph.server.caseapi;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.skillgraph.casejson.EntityType;
import org.skillgraph.store.Queries;
import org.skillgraph.store.Registry;
import org.skillgraph.vocab.Iris;
import org.skillgraph.vocab.SG;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds CASE entities in the store by identifier: one indexed lookup of the identifier literal
 * (queries {@code caseapi-*.rq}, values bound, never spliced), then only that node's triples are
 * read, from a view of its framework's graph (nothing is copied). Call inside
 * {@link Registry#read}: everything here runs in the caller's read transaction.
 */
final class Lookup {
    static final int MAX_ID_LENGTH = 256;

    /** A stored entity: its node, the named graph of its framework, and the framework's document node. */
    record Found(Node node, Node graph, Node doc) {}

    private static final Node IDENTIFIER = SG.sg("identifier");
    private static final Node FULL_STATEMENT = SG.sg("fullStatement");
    private static final Node TITLE = SG.sg("title");

    private final Registry registry;

    Lookup(Registry registry) { this.registry = registry; }

    /** The entity of {@code type} with this identifier (the document for DOCUMENT). */
    Optional<Found> find(String identifier, EntityType type) {
        for (String id : variants(identifier)) {
            Optional<Found> f = type == EntityType.DOCUMENT ? document(id) : entity(id, type);
            if (f.isPresent()) return f;
        }
        return Optional.empty();
    }

    /** A UUID sent in upper case finds the entity stored in lower case, and the other way round. */
    private static List<String> variants(String id) {
        List<String> out = new ArrayList<>(2);
        out.add(id);
        if (Iris.UUID.matcher(id).matches()) {
            String lower = id.toLowerCase(Locale.ROOT);
            String other = lower.equals(id) ? id.toUpperCase(Locale.ROOT) : lower;
            if (!other.equals(id)) out.add(other);
        }
        return out;
    }

    private Optional<Found> entity(String id, EntityType type) {
        ParameterizedSparqlString q = new ParameterizedSparqlString(Queries.get("caseapi-entity"));
        q.setLiteral("identifier", id);
        q.setIri("class", type.rdfClass().getURI());
        try (QueryExecution qe = registry.query(q.asQuery())) {
            ResultSet rs = qe.execSelect();
            if (!rs.hasNext()) return Optional.empty();
            QuerySolution s = rs.next();
            return Optional.of(new Found(s.get("node").asNode(), s.get("g").asNode(), s.get("doc").asNode()));
        }
    }

    private Optional<Found> document(String id) {
        ParameterizedSparqlString q = new ParameterizedSparqlString(Queries.get("caseapi-document"));
        q.setLiteral("identifier", id);
        try (QueryExecution qe = registry.query(q.asQuery())) {
            ResultSet rs = qe.execSelect();
            if (!rs.hasNext()) return Optional.empty();
            QuerySolution s = rs.next();
            Node n = s.get("node").asNode();
            return Optional.of(new Found(n, s.get("g").asNode(), n));
        }
    }

    /** Every association, in any framework, with the item as origin or destination. */
    List<Found> itemAssociations(Found item, String identifier) {
        ParameterizedSparqlString q = new ParameterizedSparqlString(Queries.get("caseapi-item-associations"));
        q.setParam("item", item.node());
        q.setLiteral("identifier", identifier);
        List<Found> out = new ArrayList<>();
        try (QueryExecution qe = registry.query(q.asQuery())) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                out.add(new Found(s.get("assoc").asNode(), s.get("g").asNode(), s.get("doc").asNode()));
            }
        }
        return out;
    }

    /**
     * The definitions of the same type in the same framework below {@code parent} by hierarchy
     * code ({@code 1.2} has {@code 1.2.1}, {@code 1.2.1.3}), ordered by code, numbers as numbers.
     */
    List<Found> children(Found parent, EntityType type) {
        DatasetGraph dsg = registry.dataset();
        Iterator<Quad> codes = dsg.find(parent.graph(), parent.node(), SG.sg("hierarchyCode"), Node.ANY);
        if (!codes.hasNext()) return List.of();
        Node code = codes.next().getObject();
        if (!code.isLiteral() || code.getLiteralLexicalForm().isBlank()) return List.of();
        ParameterizedSparqlString q = new ParameterizedSparqlString(Queries.get("caseapi-definition-children"));
        q.setParam("g", parent.graph());
        q.setParam("doc", parent.doc());
        q.setIri("class", type.rdfClass().getURI());
        q.setLiteral("prefix", code.getLiteralLexicalForm() + ".");
        record Child(Found f, String code) {}
        List<Child> out = new ArrayList<>();
        try (QueryExecution qe = registry.query(q.asQuery())) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                Node n = s.get("node").asNode();
                if (!n.equals(parent.node()))
                    out.add(new Child(new Found(n, parent.graph(), parent.doc()), s.getLiteral("code").getLexicalForm()));
            }
        }
        out.sort((a, b) -> compareCodes(a.code(), b.code()));
        return out.stream().map(Child::f).toList();
    }

    /** Hierarchy codes part by part, numbers as numbers: 1.2 &lt; 1.10. */
    static int compareCodes(String a, String b) {
        String[] x = a.split("\\."), y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c;
            if (x[i].matches("\\d{1,9}") && y[i].matches("\\d{1,9}")) c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            else c = x[i].compareTo(y[i]);
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    }

    /**
     * The title of the entity with this identifier (an item's fullStatement, else its title),
     * looked up first in {@code graph}, then anywhere in the store; null when none is stored.
     */
    static String titleOf(DatasetGraph dsg, Node graph, String identifier) {
        Node lit = NodeFactory.createLiteralString(identifier);
        String t = titleIn(dsg, graph, lit);
        return t != null ? t : titleIn(dsg, Node.ANY, lit);
    }

    private static String titleIn(DatasetGraph dsg, Node graph, Node identifierLiteral) {
        Iterator<Quad> it = dsg.find(graph, Node.ANY, IDENTIFIER, identifierLiteral);
        int seen = 0;
        while (it.hasNext() && seen++ < 8) {
            Quad q = it.next();
            if (q.isDefaultGraph() || q.getGraph().equals(Quad.unionGraph)) continue;
            for (Node p : List.of(FULL_STATEMENT, TITLE)) {
                Iterator<Quad> t = dsg.find(q.getGraph(), q.getSubject(), p, Node.ANY);
                if (t.hasNext()) {
                    Node o = t.next().getObject();
                    if (o.isLiteral()) return o.getLiteralLexicalForm();
                }
            }
        }
        return null;
    }
}
