package org.skillgraph.recommend;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.skillgraph.align.Concept;
import org.skillgraph.casejson.CaseReader;
import org.skillgraph.casejson.CasePackage;
import org.skillgraph.sheet.WorkbookWriter;
import org.skillgraph.vocab.Iris;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A draft framework for authors, from recommendations: one item per kept passage (codes S1, S2, ...),
 * and for each its best {@code perPassage} recommended concepts as {@code isRelatedTo} associations
 * to the target, which the authoring workbook shows in its {@code Alignments} sheet, in words.
 * Identifiers are name-based from the title, so the same draft made twice gives the same IRIs.
 */
public final class Draft {
    private Draft() {}

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes the draft as an authoring workbook (.xlsx). */
    public static void write(String title, List<Recommender.Result> results, int perPassage, OutputStream out) {
        Map<String, WorkbookWriter.Their> theirs = new HashMap<>();
        CasePackage pkg = pack(title, results, perPassage, theirs);
        new WorkbookWriter(l -> Optional.ofNullable(theirs.get(l.uri()))).write(pkg, out);
    }

    /** The draft as a CASE package; {@code theirs} gets each target concept's framework, code and statement by IRI. */
    static CasePackage pack(String title, List<Recommender.Result> results, int perPassage, Map<String, WorkbookWriter.Their> theirs) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String docId = Iris.stableIdentifier("recommend draft", title);
        ObjectNode root = JSON.createObjectNode();
        ObjectNode doc = root.putObject("CFDocument");
        doc.put("identifier", docId).put("uri", "urn:uuid:" + docId).put("creator", "skillgraph recommend (draft)")
                .put("title", title).put("lastChangeDateTime", now)
                .put("notes", "Drafted from supporting documents by skillgraph recommend: edit the statements, keep or drop the alignments, then import.");
        ObjectNode docLink = link(title, docId);
        ArrayNode items = root.putArray("CFItems"), assocs = root.putArray("CFAssociations");
        int n = 0;
        for (Recommender.Result r : results) {
            String framework = r.target().scheme().name();
            for (Recommender.PassageHits p : r.passages()) {
                String code = "S" + (++n), id = Iris.stableIdentifier(docId, code);
                items.addObject().put("identifier", id).put("uri", "urn:uuid:" + id).put("fullStatement", p.passage().text())
                        .put("humanCodingScheme", code).put("lastChangeDateTime", now).set("CFDocumentURI", docLink);
                association(assocs, docId, id, "isChildOf", link(p.passage().text(), id), docLink, docLink, now);
                for (Recommender.Hit h : p.hits().subList(0, Math.min(perPassage, p.hits().size()))) {
                    Concept c = h.concept();
                    String cid = identifier(c.iri());
                    theirs.put(c.iri(), new WorkbookWriter.Their(framework, c.notation(), c.label()));
                    ObjectNode to = link(c.label(), cid).put("uri", c.iri());
                    association(assocs, docId, id + " " + c.iri(), "isRelatedTo", link(p.passage().text(), id), to, docLink, now);
                }
            }
        }
        byte[] bytes = root.toString().getBytes(StandardCharsets.UTF_8);
        return new CaseReader().read(new ByteArrayInputStream(bytes), title).casePackage();
    }

    private static void association(ArrayNode assocs, String docId, String key, String type, ObjectNode from, ObjectNode to,
                                    ObjectNode docLink, String now) {
        String id = Iris.stableIdentifier(docId, key + " " + type);
        ObjectNode a = assocs.addObject();
        a.put("identifier", id).put("uri", "urn:uuid:" + id).put("associationType", type).put("lastChangeDateTime", now);
        a.set("originNodeURI", from);
        a.set("destinationNodeURI", to);
        a.set("CFDocumentURI", docLink);
    }

    private static ObjectNode link(String title, String id) {
        return JSON.createObjectNode().put("title", title).put("identifier", id).put("uri", "urn:uuid:" + id);
    }

    /** A target concept's identifier: the UUID at the end of its IRI (ESCO, CASE), else a name-based one. */
    static String identifier(String iri) {
        String tail = iri.substring(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf(':')) + 1);
        return Iris.UUID.matcher(tail).matches() ? tail : Iris.stableIdentifier("concept", iri);
    }
}
