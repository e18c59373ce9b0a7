package org.skillgraph.server.resolve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.skillgraph.casejson.CaseEntity;
import org.skillgraph.casejson.CaseWriter;
import org.skillgraph.casejson.EntityType;
import org.skillgraph.casejson.Field;
import org.skillgraph.casejson.FieldKind;
import org.skillgraph.casejson.Link;
import org.skillgraph.mapping.RdfToCase;
import org.skillgraph.vocab.SG;

import java.util.*;

/**
 * CASE JSON of one entity, in the shape the CASE 1.1 REST API returns it (CFItem, CFDocument,
 * CFAssociation, CFItemType, ...): the package form from {@link CaseWriter}, plus the links the API
 * objects carry and packages leave out: {@code CFDocumentURI} on items and associations,
 * {@code CFPackageURI} on documents.
 */
final class EntityJson {
    private static final int MAX_TRIPLES = 10_000;
    /** Properties whose objects RdfToCase reads more of: link fields, framework, package, rubric parts. */
    private static final Set<Node> LINKS = links();
    /** Followed further from a rubric's criteria: their levels and the items they judge. */
    private static final Set<Node> RUBRIC_PARTS = Set.of(SG.criterion, SG.level, SG.sg("criterionItem"));

    private final CaseWriter writer = new CaseWriter(CaseWriter.V1_1);
    private final ObjectMapper mapper = new ObjectMapper();

    ObjectNode of(StoreView v, Resolver.Resolved r, String base) {
        if (r.type() == null) return stub(v, r);
        CaseEntity e = RdfToCase.entity(local(v, r), r.document(), r.node(), r.type());
        ObjectNode o = writer.entity(e);
        if (r.type() == EntityType.ITEM || r.type() == EntityType.ASSOCIATION) {
            Link d = e.link("CFDocumentURI");
            if (d != null) o.set("CFDocumentURI", link(d));
        } else if (r.type() == EntityType.DOCUMENT) {
            Link p = e.link("CFPackageURI");
            if (p == null) {
                String id = e.identifier() != null ? e.identifier() : r.identifier();
                p = new Link(e.string("title"), id, base + "ims/case/v1p1/CFPackages/" + Urls.segment(id));
            }
            o.set("CFPackageURI", link(p));
        }
        return o;
    }

    /**
     * What {@link RdfToCase#entity} reads, copied from the entity's graph in a few range scans:
     * the entity's own triples, and those of the nodes its link fields, its framework and its
     * rubric parts point at. Reading the fields one by one from the store would take one index
     * look-up per field.
     */
    static Graph local(StoreView v, Resolver.Resolved r) {
        Graph local = GraphFactory.createGraphMem();
        copy(v, r.graph(), r.node(), local, 0);
        if (r.document() != null && !local.contains(r.document(), Node.ANY, Node.ANY)) copy(v, r.graph(), r.document(), local, 3);
        return local;
    }

    private static void copy(StoreView v, Node g, Node s, Graph into, int depth) {
        List<Node> next = new ArrayList<>();
        Iterator<Quad> it = v.dataset().find(g, s, Node.ANY, Node.ANY);
        try {
            for (int n = 0; it.hasNext() && n < MAX_TRIPLES; n++) {
                Quad q = it.next();
                into.add(q.asTriple());
                Node p = q.getPredicate();
                if (q.getObject().isURI() && (depth == 0 ? LINKS.contains(p) : depth < 3 && RUBRIC_PARTS.contains(p))) next.add(q.getObject());
            }
        } finally {
            Iter.close(it);
        }
        for (Node o : next) if (!o.equals(s) && !into.contains(o, Node.ANY, Node.ANY)) copy(v, g, o, into, depth + 1);
    }

    /** A stub of no CASE type: what the linking framework kept of it. */
    private ObjectNode stub(StoreView v, Resolver.Resolved r) {
        ObjectNode o = mapper.createObjectNode();
        o.put("identifier", r.identifier());
        String uri = v.literal(r.graph(), r.node(), SG.sg("uri"));
        o.put("uri", uri != null ? uri : r.node().getURI());
        String title = v.literal(r.graph(), r.node(), SG.title);
        if (title != null) o.put("title", title);
        return o;
    }

    private static Set<Node> links() {
        Set<Node> out = new HashSet<>(List.of(SG.framework, SG.packageLink, SG.criterion, SG.level));
        for (EntityType t : EntityType.values())
            for (Field f : t.fields()) if (f.kind() == FieldKind.LINK || f.kind() == FieldKind.LINK_LIST) out.add(f.predicate());
        return Set.copyOf(out);
    }

    private ObjectNode link(Link l) {
        ObjectNode o = mapper.createObjectNode();
        if (l.title() != null) o.put("title", l.title());
        if (l.identifier() != null) o.put("identifier", l.identifier());
        if (l.uri() != null) o.put("uri", l.uri());
        if (l.targetType() != null) o.put("targetType", l.targetType());
        return o;
    }
}
