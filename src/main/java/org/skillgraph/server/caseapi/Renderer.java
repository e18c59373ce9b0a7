package org.skillgraph.server.caseapi;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.skillgraph.casejson.CaseEntity;
import org.skillgraph.casejson.EntityType;
import org.skillgraph.casejson.Link;
import org.skillgraph.mapping.RdfToCase;
import org.skillgraph.vocab.SG;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.*;
import java.util.function.UnaryOperator;

/**
 * Turns stored entities into the JSON of one CASE API response: the model from
 * {@link RdfToCase}, written by the package writer of the version, then completed and trimmed to
 * the response's shape ({@link Shapes}). Runs inside the caller's read transaction.
 */
final class Renderer {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final DatasetGraph dsg;
    private final ApiVersion v;
    private final String apiBase;
    private final Map<Node, EntityGraph> readers = new HashMap<>();

    /** {@code apiBase} is the absolute address of this version's API, ending with '/'. */
    Renderer(DatasetGraph dsg, ApiVersion v, String apiBase) {
        this.dsg = dsg;
        this.v = v;
        this.apiBase = apiBase;
    }

    /** The graph of a framework, read in place. */
    Graph graph(Node g) { return dsg.getGraph(g); }

    /** One reader per framework graph, with the framework's document held in memory (every entity links to it). */
    private EntityGraph reader(Node graph, Node doc) {
        return readers.computeIfAbsent(graph, g -> {
            EntityGraph eg = new EntityGraph(dsg, g);
            eg.support(doc);
            return eg;
        });
    }

    /** One entity of {@code type}, as the response shape {@code shape} (e.g. CFItem, CFPckgAssociation). */
    ObjectNode entity(Lookup.Found f, EntityType type, String shape) {
        EntityGraph g = reader(f.graph(), f.doc()).focus(f.node());
        return render(RdfToCase.entity(g, f.doc(), f.node(), type), shape, f.graph());
    }

    /** A CFDocument (with CFPackageURI) for CFDocuments and CFDocuments/{id}. */
    ObjectNode document(Node graph, Node doc) {
        EntityGraph g = reader(graph, doc).focus(doc);
        return render(RdfToCase.entity(g, doc, doc, EntityType.DOCUMENT), "CFDocument", graph);
    }

    private ObjectNode render(CaseEntity e, String shape, Node graph) {
        ObjectNode o = v.writer().entity(e);
        Shapes.Shape s = Shapes.get(v, shape);
        // The package writer leaves out in 1.1 the links that single-entity responses have.
        if (s.prop("CFDocumentURI").isPresent() && !o.has("CFDocumentURI") && e.link("CFDocumentURI") != null)
            o.set("CFDocumentURI", link(e.link("CFDocumentURI")));
        if (s.prop("CFPackageURI").isPresent()) o.set("CFPackageURI", packageLink(e));
        return Shapes.conform(o, v, s, endTitles(graph));
    }

    /** The package's own link as stored (CASE 1.0 sources give one), else this API's CFPackages address. */
    private ObjectNode packageLink(CaseEntity doc) {
        Link stored = doc.link("CFPackageURI");
        String id = doc.identifier();
        ObjectNode o = F.objectNode();
        o.put("title", stored != null && stored.title() != null ? stored.title() : nz(doc.string("title")));
        o.put("identifier", stored != null && stored.identifier() != null ? stored.identifier() : id);
        o.put("uri", stored != null && stored.uri() != null ? stored.uri() : packageUrl(id));
        return o;
    }

    String packageUrl(String identifier) {
        return apiBase + "CFPackages/" + URLEncoder.encode(identifier, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Association ends must have a title (LinkGenURI); a source that gave none gets the target's, when stored. */
    private UnaryOperator<ObjectNode> endTitles(Node graph) {
        return end -> {
            if (!end.hasNonNull("title")) {
                String t = end.hasNonNull("identifier") ? Lookup.titleOf(dsg, graph, end.get("identifier").asText()) : null;
                end.put("title", t != null ? t : "");
            }
            return end;
        };
    }

    /**
     * A whole package, streamed entity by entity (CFPackages/{id}). The document, definitions and
     * rubrics are loaded first (they are few, and items link to them); then each item and each
     * association is read with one index seek and written at once, so memory stays flat however
     * large the framework. Items and associations come in store order (the spec asks for none);
     * definitions and rubrics are sorted by identifier. From an external store, the graph is read
     * into memory first, in one request.
     */
    void writePackage(Node graph, Node doc, JsonGenerator gen) throws IOException {
        // An external store would be asked once per entity; one request for the whole graph instead.
        if (dsg instanceof org.skillgraph.store.SparqlDataset remote) remote.prefetch(graph);
        EntityGraph g = new EntityGraph(dsg, graph);
        g.support(doc);
        for (EntityType t : SUPPORT_TYPES) g.supportAll(SG.rdfType, t.rdfClass());
        for (Node stubClass : List.of(SG.Package, SG.CaseEntity)) g.supportAll(SG.rdfType, stubClass);
        UnaryOperator<ObjectNode> fix = endTitles(graph);
        gen.writeStartObject();
        gen.writeFieldName("CFDocument");
        gen.writeTree(shaped(RdfToCase.entity(g.focus(doc), doc, doc, EntityType.DOCUMENT), "CFPckgDocument", fix));
        streamMembers(gen, g, graph, doc, EntityType.ITEM, "CFItems", "CFPckgItem", fix);
        streamMembers(gen, g, graph, doc, EntityType.ASSOCIATION, "CFAssociations", "CFPckgAssociation", fix);
        Map<EntityType, List<CaseEntity>> defs = new EnumMap<>(EntityType.class);
        for (EntityType t : EntityType.DEFINITIONS) {
            List<CaseEntity> members = supported(g, doc, t);
            if (!members.isEmpty()) defs.put(t, members);
        }
        if (!defs.isEmpty()) {
            gen.writeObjectFieldStart("CFDefinitions");
            for (EntityType t : EntityType.DEFINITIONS)
                if (defs.containsKey(t)) list(gen, t.listName(), defs.get(t), t.caseName(), fix);
            gen.writeEndObject();
        }
        List<CaseEntity> rubrics = supported(g, doc, EntityType.RUBRIC);
        if (!rubrics.isEmpty()) list(gen, "CFRubrics", rubrics, "CFRubric", fix);
        gen.writeEndObject();
    }

    /** The entity types held in memory while a package is written (all but items and associations). */
    private static final List<EntityType> SUPPORT_TYPES = List.of(EntityType.CONCEPT, EntityType.SUBJECT, EntityType.LICENSE,
            EntityType.ITEM_TYPE, EntityType.ASSOCIATION_GROUPING, EntityType.RUBRIC, EntityType.RUBRIC_CRITERION,
            EntityType.RUBRIC_CRITERION_LEVEL);

    private void streamMembers(JsonGenerator gen, EntityGraph g, Node graph, Node doc, EntityType type, String name, String shape,
                               UnaryOperator<ObjectNode> fix) throws IOException {
        gen.writeArrayFieldStart(name);
        Iterator<Quad> it = dsg.find(graph, Node.ANY, SG.rdfType, type.rdfClass());
        while (it.hasNext()) {
            Node n = it.next().getSubject();
            g.focus(n);
            if (!g.contains(n, SG.framework, doc)) continue; // a stub for a link target outside the framework
            gen.writeTree(shaped(RdfToCase.entity(g, doc, n, type), shape, fix));
        }
        gen.writeEndArray();
    }

    /** The members of a type loaded as support (definitions, rubrics), by identifier. */
    private static List<CaseEntity> supported(EntityGraph g, Node doc, EntityType type) {
        List<CaseEntity> out = new ArrayList<>();
        for (Node n : g.supportSubjects())
            if (g.contains(n, SG.rdfType, type.rdfClass()) && g.contains(n, SG.framework, doc)) out.add(RdfToCase.entity(g, doc, n, type));
        out.sort(Comparator.comparing(e -> String.valueOf(e.identifier())));
        return out;
    }

    private void list(JsonGenerator gen, String name, List<CaseEntity> entities, String shape, UnaryOperator<ObjectNode> fix) throws IOException {
        gen.writeArrayFieldStart(name);
        for (CaseEntity e : entities) gen.writeTree(shaped(e, shape, fix));
        gen.writeEndArray();
    }

    private ObjectNode shaped(CaseEntity e, String shape, UnaryOperator<ObjectNode> fix) {
        return Shapes.conform(v.writer().entity(e), v, Shapes.get(v, shape), fix);
    }

    static ObjectNode link(Link l) {
        ObjectNode o = F.objectNode();
        o.put("title", nz(l.title()));
        if (l.identifier() != null) o.put("identifier", l.identifier());
        if (l.uri() != null) o.put("uri", l.uri());
        return o;
    }

    /** A one-element set, e.g. {"CFConcepts":[...]}. */
    static ObjectNode set(String name, ObjectNode member) {
        ObjectNode o = F.objectNode();
        ArrayNode arr = o.putArray(name);
        arr.add(member);
        return o;
    }

    private static String nz(String s) { return s == null ? "" : s; }

    /** True when the node is a stored framework document in that graph. */
    boolean isDocument(Node graph, Node doc) {
        return graph(graph).contains(doc, SG.rdfType, SG.Framework);
    }
}
