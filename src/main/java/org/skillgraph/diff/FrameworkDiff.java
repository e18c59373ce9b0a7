package org.skillgraph.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.skillgraph.casejson.CaseEntity;
import org.skillgraph.casejson.CasePackage;
import org.skillgraph.casejson.CaseWriter;
import org.skillgraph.casejson.Link;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changed between two versions of a framework, compared as CASE JSON (field names as in
 * CASE): document fields, items added, removed and changed (field by field), and associations
 * added, removed and changed. Entities are matched by their CASE identifier.
 */
public record FrameworkDiff(String framework, Side from, Side to, List<FieldChange> document,
                            List<Entry> itemsAdded, List<Entry> itemsRemoved, List<Changed> itemsChanged,
                            List<Entry> associationsAdded, List<Entry> associationsRemoved,
                            List<Changed> associationsChanged) {

    /** One side of the comparison: version number, when it was imported, its content hash. */
    public record Side(long version, Instant importedAt, String contentHash) {}

    /** An added or removed entity: identifier and a short label (code and statement; type and ends). */
    public record Entry(String identifier, String label) {}

    /** An entity found in both versions whose fields differ. */
    public record Changed(String identifier, String label, List<FieldChange> fields) {}

    /** One field's value before and after (null when absent). */
    public record FieldChange(String field, JsonNode from, JsonNode to) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Compares two packages of the same framework. */
    public static FrameworkDiff of(String framework, Side from, CasePackage a, Side to, CasePackage b) {
        CaseWriter w = new CaseWriter(CaseWriter.V1_1);
        List<FieldChange> doc = fields(w.entity(a.document()), w.entity(b.document()));
        Lists items = compare(w, a.items(), b.items(), FrameworkDiff::itemLabel);
        Lists assocs = compare(w, a.associations(), b.associations(), FrameworkDiff::associationLabel);
        return new FrameworkDiff(framework, from, to, doc, items.added, items.removed, items.changed,
                assocs.added, assocs.removed, assocs.changed);
    }

    public boolean isEmpty() {
        return document.isEmpty() && itemsAdded.isEmpty() && itemsRemoved.isEmpty() && itemsChanged.isEmpty()
                && associationsAdded.isEmpty() && associationsRemoved.isEmpty() && associationsChanged.isEmpty();
    }

    private record Lists(List<Entry> added, List<Entry> removed, List<Changed> changed) {}

    private static Lists compare(CaseWriter w, List<CaseEntity> a, List<CaseEntity> b,
                                 java.util.function.Function<CaseEntity, String> label) {
        Map<String, CaseEntity> before = byId(a), after = byId(b);
        List<Entry> added = new ArrayList<>(), removed = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        for (var e : before.entrySet()) {
            CaseEntity now = after.get(e.getKey());
            if (now == null) {
                removed.add(new Entry(e.getKey(), label.apply(e.getValue())));
                continue;
            }
            List<FieldChange> f = fields(w.entity(e.getValue()), w.entity(now));
            if (!f.isEmpty()) changed.add(new Changed(e.getKey(), label.apply(now), f));
        }
        for (var e : after.entrySet())
            if (!before.containsKey(e.getKey())) added.add(new Entry(e.getKey(), label.apply(e.getValue())));
        return new Lists(added, removed, changed);
    }

    private static Map<String, CaseEntity> byId(List<CaseEntity> list) {
        Map<String, CaseEntity> m = new LinkedHashMap<>();
        for (CaseEntity e : list) m.put(e.identifier(), e);
        return m;
    }

    private static List<FieldChange> fields(ObjectNode a, ObjectNode b) {
        Set<String> names = new LinkedHashSet<>();
        a.fieldNames().forEachRemaining(names::add);
        b.fieldNames().forEachRemaining(names::add);
        List<FieldChange> out = new ArrayList<>();
        for (String n : names) {
            JsonNode x = a.get(n), y = b.get(n);
            if (!Objects.equals(x, y)) out.add(new FieldChange(n, x, y));
        }
        return out;
    }

    private static String itemLabel(CaseEntity e) {
        String code = e.string("humanCodingScheme");
        String text = e.string("fullStatement");
        return code == null ? String.valueOf(text) : text == null ? code : code + " " + text;
    }

    private static String associationLabel(CaseEntity e) {
        return e.string("associationType") + " " + end(e.link("originNodeURI")) + " -> " + end(e.link("destinationNodeURI"));
    }

    private static String end(Link l) {
        if (l == null) return "?";
        return l.title() != null && !l.title().isBlank() ? l.title() : l.identifier() != null ? l.identifier() : l.uri();
    }

    // ---------------------------------------------------------------- rendering

    /** The diff as JSON. */
    public ObjectNode toJson() {
        ObjectNode o = JSON.createObjectNode().put("framework", framework);
        o.set("from", side(from));
        o.set("to", side(to));
        ObjectNode summary = o.putObject("summary");
        summary.put("documentFieldsChanged", document.size()).put("itemsAdded", itemsAdded.size())
                .put("itemsRemoved", itemsRemoved.size()).put("itemsChanged", itemsChanged.size())
                .put("associationsAdded", associationsAdded.size()).put("associationsRemoved", associationsRemoved.size())
                .put("associationsChanged", associationsChanged.size());
        o.set("document", changes(document));
        ObjectNode items = o.putObject("items");
        items.set("added", entries(itemsAdded));
        items.set("removed", entries(itemsRemoved));
        items.set("changed", changed(itemsChanged));
        ObjectNode assocs = o.putObject("associations");
        assocs.set("added", entries(associationsAdded));
        assocs.set("removed", entries(associationsRemoved));
        assocs.set("changed", changed(associationsChanged));
        return o;
    }

    private static ObjectNode side(Side s) {
        ObjectNode o = JSON.createObjectNode().put("version", s.version());
        if (s.importedAt() != null) o.put("importedAt", s.importedAt().toString());
        return o.put("contentHash", s.contentHash());
    }

    private static ArrayNode entries(List<Entry> list) {
        ArrayNode a = JSON.createArrayNode();
        for (Entry e : list) a.addObject().put("identifier", e.identifier()).put("label", e.label());
        return a;
    }

    private static ArrayNode changed(List<Changed> list) {
        ArrayNode a = JSON.createArrayNode();
        for (Changed c : list) {
            ObjectNode o = a.addObject().put("identifier", c.identifier()).put("label", c.label());
            o.set("fields", changes(c.fields()));
        }
        return a;
    }

    private static ArrayNode changes(List<FieldChange> list) {
        ArrayNode a = JSON.createArrayNode();
        for (FieldChange f : list) {
            ObjectNode o = a.addObject().put("field", f.field());
            o.set("from", f.from());
            o.set("to", f.to());
        }
        return a;
    }

    /** The diff as lines of text: + added, - removed, ~ changed. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("framework ").append(framework).append(": version ").append(from.version()).append(" (")
                .append(from.importedAt()).append(") -> version ").append(to.version()).append(" (").append(to.importedAt()).append(")\n");
        if (isEmpty()) return sb.append("no changes\n").toString();
        sb.append("document: ").append(document.size()).append(" field").append(document.size() == 1 ? "" : "s").append(" changed\n");
        for (FieldChange f : document) sb.append("  ~ ").append(change(f)).append('\n');
        section(sb, "items", itemsAdded, itemsRemoved, itemsChanged);
        section(sb, "associations", associationsAdded, associationsRemoved, associationsChanged);
        return sb.toString();
    }

    private static void section(StringBuilder sb, String name, List<Entry> added, List<Entry> removed, List<Changed> changed) {
        sb.append(name).append(": ").append(added.size()).append(" added, ").append(removed.size()).append(" removed, ")
                .append(changed.size()).append(" changed\n");
        for (Entry e : added) sb.append("  + ").append(short80(e.label())).append("  [").append(e.identifier()).append("]\n");
        for (Entry e : removed) sb.append("  - ").append(short80(e.label())).append("  [").append(e.identifier()).append("]\n");
        for (Changed c : changed) {
            sb.append("  ~ ").append(short80(c.label())).append("  [").append(c.identifier()).append("]\n");
            for (FieldChange f : c.fields()) sb.append("      ").append(change(f)).append('\n');
        }
    }

    private static String change(FieldChange f) {
        return f.field() + ": " + value(f.from()) + " -> " + value(f.to());
    }

    private static String value(JsonNode n) {
        if (n == null) return "(none)";
        return short80(n.isTextual() ? "\"" + n.asText() + "\"" : n.toString());
    }

    private static String short80(String s) {
        if (s == null) return "";
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 80 ? one : one.substring(0, 77) + "...";
    }
}
