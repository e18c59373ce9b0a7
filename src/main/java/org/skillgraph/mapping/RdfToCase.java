package org.skillgraph.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.skillgraph.casejson.*;
import org.skillgraph.error.NotFoundException;
import org.skillgraph.vocab.SG;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.*;

/**
 * RDF to CASE model: the one code path by which stored frameworks become CASE JSON again
 * (export, CASE API, URI pages). The inverse of {@link CaseToRdf}.
 */
public final class RdfToCase {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Graph g;
    private final Node doc;

    private RdfToCase(Graph g, Node doc) {
        this.g = g;
        this.doc = doc;
    }

    /** The package of the framework {@code doc} described in graph {@code g}. */
    public static CasePackage toCase(Graph g, Node doc, String caseVersion) {
        if (!g.contains(doc, SG.rdfType, SG.Framework)) throw new NotFoundException("no framework " + doc + " in this graph");
        return new RdfToCase(g, doc).build(caseVersion);
    }

    /** One entity of a stored framework, as the CASE model, e.g. for the CASE API's CFItems/{id}. */
    public static CaseEntity entity(Graph g, Node doc, Node node, EntityType type) {
        return new RdfToCase(g, doc).entity(type, node);
    }

    /** The document node of the framework in a graph holding exactly one (a converted or exported file). */
    public static Node findDocument(Graph g) {
        List<Node> docs = new ArrayList<>();
        g.find(Node.ANY, SG.rdfType, SG.Framework).forEachRemaining(t -> {
            if (g.contains(t.getSubject(), SG.rdfType, SG.skosConceptScheme)) docs.add(t.getSubject());
        });
        if (docs.size() != 1) throw new NotFoundException("expected one framework in the graph, found " + docs.size());
        return docs.get(0);
    }

    private CasePackage build(String caseVersion) {
        CaseEntity document = entity(EntityType.DOCUMENT, doc);
        List<CaseEntity> items = members(EntityType.ITEM);
        List<CaseEntity> associations = members(EntityType.ASSOCIATION);
        Map<EntityType, List<CaseEntity>> defs = new EnumMap<>(EntityType.class);
        for (EntityType t : EntityType.DEFINITIONS) {
            List<CaseEntity> list = members(t);
            if (!list.isEmpty()) defs.put(t, list);
        }
        List<CaseEntity> rubrics = members(EntityType.RUBRIC);
        return new CasePackage(caseVersion, document, items, associations, defs, rubrics, null);
    }

    private List<CaseEntity> members(EntityType type) {
        List<Node> nodes = new ArrayList<>();
        g.find(Node.ANY, SG.framework, doc).forEachRemaining(t -> {
            if (g.contains(t.getSubject(), SG.rdfType, type.rdfClass())) nodes.add(t.getSubject());
        });
        List<CaseEntity> out = new ArrayList<>(nodes.size());
        for (Node n : nodes) out.add(entity(type, n));
        out.sort(Comparator.comparing(e -> String.valueOf(e.identifier())));
        return out;
    }

    private CaseEntity entity(EntityType type, Node n) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field f : type.fields()) {
            if (f.json().equals("CFDocumentURI")) {
                values.put(f.json(), linkTo(doc));
                continue;
            }
            List<Node> objects = objects(n, f.predicate());
            // Data written over SPARQL Update may not have the shape the mapping writes: skip what does not fit.
            if (f.kind() != FieldKind.LINK && f.kind() != FieldKind.LINK_LIST) objects.removeIf(x -> !x.isLiteral());
            else objects.removeIf(x -> !x.isURI());
            if (objects.isEmpty()) continue;
            Node o = objects.get(0);
            try {
            switch (f.kind()) {
                case STRING, TEXT, URL, DATE, DATE_TIME -> values.put(f.json(), o.getLiteralLexicalForm());
                case INTEGER -> values.put(f.json(), new BigInteger(o.getLiteralLexicalForm()));
                case NUMBER -> values.put(f.json(), new BigDecimal(o.getLiteralLexicalForm()));
                case STRING_LIST -> values.put(f.json(), objects.stream().map(Node::getLiteralLexicalForm).sorted().toList());
                case LINK -> values.put(f.json(), f.json().equals("CFPackageURI") ? packageLink(o) : linkTo(o));
                case LINK_LIST -> values.put(f.json(), objects.stream().map(this::linkTo)
                        .sorted(Comparator.comparing(l -> String.valueOf(l.uri()))).toList());
                case JSON -> values.put(f.json(), parse(o));
            }
            } catch (RuntimeException notOfItsKind) {
                // e.g. "x"^^xsd:integer or a JSON literal that is not JSON: left out of the CASE view
            }
        }
        if (type == EntityType.ASSOCIATION) {
            putEnd(values, "originNodeURI", n, SG.originNodeTitle, SG.originNodeIdentifier, SG.originNodeURI, SG.originNodeTargetType);
            putEnd(values, "destinationNodeURI", n, SG.destinationNodeTitle, SG.destinationNodeIdentifier, SG.destinationNodeURI, SG.destinationNodeTargetType);
        }
        List<CaseEntity> children = new ArrayList<>();
        if (type == EntityType.RUBRIC) objects(n, SG.criterion).forEach(c -> children.add(entity(EntityType.RUBRIC_CRITERION, c)));
        if (type == EntityType.RUBRIC_CRITERION) objects(n, SG.level).forEach(c -> children.add(entity(EntityType.RUBRIC_CRITERION_LEVEL, c)));
        children.sort(Comparator.comparing(e -> String.valueOf(e.identifier())));
        Map<String, JsonNode> unknown = new LinkedHashMap<>();
        Node extra = one(n, SG.unknownFields);
        if (extra != null) parse(extra).fields().forEachRemaining(e -> unknown.put(e.getKey(), e.getValue()));
        return new CaseEntity(type, null, values, children, unknown);
    }

    private void putEnd(Map<String, Object> values, String field, Node n, Node title, Node identifier, Node uri, Node targetType) {
        String u = lexical(n, uri), id = lexical(n, identifier);
        if (u == null && id == null) return;
        values.put(field, new Link(lexical(n, title), id, u, lexical(n, targetType)));
    }

    private Link linkTo(Node target) {
        Node titleProp = g.contains(target, SG.rdfType, SG.Competency) && one(target, SG.sg("fullStatement")) != null
                ? SG.sg("fullStatement") : SG.sg("title");
        String uri = lexical(target, SG.sg("uri"));
        return new Link(lexical(target, titleProp), lexical(target, SG.sg("identifier")), uri != null ? uri : target.getURI());
    }

    private Link packageLink(Node pkg) {
        Link d = linkTo(doc);
        String id = lexical(pkg, SG.sg("identifier"));
        String uri = lexical(pkg, SG.sg("uri"));
        return new Link(d.title(), id != null ? id : d.identifier(), uri != null && !pkg.equals(doc) ? uri : pkg.getURI());
    }

    private List<Node> objects(Node s, Node p) {
        List<Node> out = new ArrayList<>(2);
        ExtendedIterator<Triple> it = g.find(s, p, Node.ANY);
        try {
            while (it.hasNext()) out.add(it.next().getObject());
        } finally {
            it.close();
        }
        return out;
    }

    private Node one(Node s, Node p) {
        List<Node> o = objects(s, p);
        return o.isEmpty() ? null : o.get(0);
    }

    private String lexical(Node s, Node p) {
        Node o = one(s, p);
        return o == null || !o.isLiteral() ? null : o.getLiteralLexicalForm();
    }

    private static JsonNode parse(Node literal) {
        try {
            return JSON.readTree(literal.getLiteralLexicalForm());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored JSON literal is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
