package org.skillgraph.casejson;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link CasePackage} as CASE 1.1 or 1.0 JSON. Fields follow the {@link EntityType}
 * table's order; each entity is written as soon as it is built, so large packages stream.
 * CASE 1.1 leaves out the 1.0-only links and keeps unknown fields under {@code extensions};
 * CASE 1.0 leaves out the 1.1-only fields and writes unknown fields back where they were.
 */
public final class CaseWriter {
    public static final String V1_0 = "1.0";
    public static final String V1_1 = "1.1";

    private static final Set<String> ONLY_1_0 = Set.of("CFItemAssociationURI", "CFDocumentURI", "CFPackageURI");
    private static final Set<String> ONLY_1_1_DOCUMENT = Set.of("frameworkType", "caseVersion");
    private static final Set<String> ONLY_1_1_ITEM = Set.of("subject", "subjectURI");

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final String version;

    public CaseWriter(String version) {
        if (!V1_0.equals(version) && !V1_1.equals(version))
            throw new IllegalArgumentException("CASE version must be 1.0 or 1.1, not " + version);
        this.version = version;
    }

    public void write(CasePackage pkg, OutputStream out) {
        try (JsonGenerator gen = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            gen.useDefaultPrettyPrinter();
            gen.writeStartObject();
            gen.writeFieldName("CFDocument");
            gen.writeTree(entity(pkg.document()));
            list(gen, "CFItems", pkg.items());
            list(gen, "CFAssociations", pkg.associations());
            boolean anyDefinitions = EntityType.DEFINITIONS.stream().anyMatch(t -> !pkg.definitions(t).isEmpty());
            if (anyDefinitions) {
                gen.writeObjectFieldStart("CFDefinitions");
                for (EntityType t : EntityType.DEFINITIONS) if (!pkg.definitions(t).isEmpty()) list(gen, t.listName(), pkg.definitions(t));
                gen.writeEndObject();
            }
            if (!pkg.rubrics().isEmpty()) list(gen, "CFRubrics", pkg.rubrics());
            if (pkg.extensions() != null && version.equals(V1_1)) {
                gen.writeFieldName("extensions");
                gen.writeTree(pkg.extensions());
            }
            gen.writeEndObject();
            gen.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void list(JsonGenerator gen, String name, List<CaseEntity> entities) throws IOException {
        gen.writeArrayFieldStart(name);
        for (CaseEntity e : entities) gen.writeTree(entity(e));
        gen.writeEndArray();
    }

    /** One entity as a JSON object. */
    public ObjectNode entity(CaseEntity e) {
        ObjectNode o = mapper.createObjectNode();
        boolean v11 = version.equals(V1_1);
        for (Field f : e.type().fields()) {
            String name = f.json();
            if (v11 && ONLY_1_0.contains(name)) continue;
            if (!v11 && (name.equals("extensions")
                    || e.type() == EntityType.DOCUMENT && ONLY_1_1_DOCUMENT.contains(name)
                    || e.type() == EntityType.ITEM && ONLY_1_1_ITEM.contains(name)
                    || e.type() == EntityType.ASSOCIATION && name.equals("notes"))) continue;
            Object v = e.values().get(name);
            if (v11 && e.type() == EntityType.DOCUMENT && name.equals("caseVersion")) v = V1_1;
            if (v != null) o.set(name, json(v));
        }
        if (e.type() == EntityType.ASSOCIATION) {
            for (String end : List.of("originNodeURI", "destinationNodeURI")) {
                Link l = e.link(end);
                if (l != null) o.set(end, link(l));
            }
        }
        if (!e.children().isEmpty()) {
            ArrayNode arr = o.putArray(e.type() == EntityType.RUBRIC ? "CFRubricCriteria" : "CFRubricCriterionLevels");
            for (CaseEntity c : e.children()) arr.add(entity(c));
        }
        if (!e.unknown().isEmpty()) {
            if (!v11) e.unknown().forEach(o::set);
            else {
                JsonNode ext = o.get("extensions");
                ObjectNode target = ext instanceof ObjectNode x ? x : ext == null ? o.putObject("extensions") : null;
                if (target != null) e.unknown().forEach((k, v) -> { if (!target.has(k)) target.set(k, v); });
            }
        }
        return o;
    }

    private JsonNode json(Object v) {
        if (v instanceof String s) return mapper.getNodeFactory().textNode(s);
        if (v instanceof BigInteger i) return mapper.getNodeFactory().numberNode(i);
        if (v instanceof BigDecimal d) return mapper.getNodeFactory().numberNode(d);
        if (v instanceof Link l) return link(l);
        if (v instanceof JsonNode n) return n;
        if (v instanceof List<?> list) {
            ArrayNode arr = mapper.createArrayNode();
            for (Object x : list) arr.add(json(x));
            return arr;
        }
        if (v instanceof Map<?, ?>) throw new IllegalArgumentException("unexpected map value");
        throw new IllegalArgumentException("unexpected value " + v.getClass());
    }

    /** A LinkURI object {title, identifier, uri, targetType}, leaving out what the link does not have. */
    public static ObjectNode link(Link l) {
        ObjectNode o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        if (l.title() != null) o.put("title", l.title());
        if (l.identifier() != null) o.put("identifier", l.identifier());
        if (l.uri() != null) o.put("uri", l.uri());
        if (l.targetType() != null) o.put("targetType", l.targetType());
        return o;
    }
}
