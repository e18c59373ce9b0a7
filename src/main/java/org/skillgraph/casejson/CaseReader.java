package org.skillgraph.casejson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.skillgraph.error.InputRejectedException;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.*;
import java.util.regex.Pattern;

/**
 * Reads a CASE 1.0 or 1.1 CFPackage from JSON. Tolerant: it accepts what real publishers send
 * and records each change it makes as a {@link Repair}; it rejects what it cannot understand with
 * an {@link InputRejectedException} naming the source, the JSON pointer and the reason.
 * The top-level lists are streamed one entity at a time, so memory follows the model, not the text.
 */
public final class CaseReader {
    /** CASE packages are shallow; anything deeper than this is not CASE and is rejected. */
    public static final int MAX_DEPTH = 32;

    private static final Map<String, String> ALIASES = Map.of("educationalLevel", "educationLevel");
    private static final Pattern DATE_TIME_WITH_SPACE = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?([+-]\\d\\d:\\d\\d|Z)?");
    private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d\\d-\\d\\d");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private final ObjectMapper mapper;

    public CaseReader() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .build();
        this.mapper = new ObjectMapper(factory);
    }

    public ReadResult read(InputStream in, String source) {
        Session s = new Session(source);
        try (JsonParser p = mapper.getFactory().createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == null) throw new InputRejectedException(source, null, "the file is empty");
            if (first != JsonToken.START_OBJECT)
                throw new InputRejectedException(source, "/", "not a CASE package: expected a JSON object with CFDocument, found " + describe(first));
            return s.readPackage(p);
        } catch (StreamConstraintsException e) {
            throw new InputRejectedException(source, null,
                    "JSON nested deeper than " + MAX_DEPTH + " levels; a CASE package is never that deep", e);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? null
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InputRejectedException(source, where, "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InputRejectedException(source, null, "cannot read: " + e.getMessage(), e);
        }
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString();
        };
    }

    /** State of one read: source name and the repairs made so far. */
    private final class Session {
        final String source;
        final List<Repair> repairs = new ArrayList<>();

        Session(String source) { this.source = source; }

        InputRejectedException reject(String pointer, String reason) {
            return new InputRejectedException(source, pointer, reason);
        }

        void repair(String pointer, String message) { repairs.add(new Repair(pointer, message)); }

        ReadResult readPackage(JsonParser p) throws IOException {
            CaseEntity document = null;
            List<CaseEntity> items = new ArrayList<>();
            List<CaseEntity> associations = new ArrayList<>();
            Map<EntityType, List<CaseEntity>> definitions = new EnumMap<>(EntityType.class);
            List<CaseEntity> rubrics = new ArrayList<>();
            JsonNode extensions = null;
            boolean sawDocument = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken t = p.nextToken();
                String ptr = "/" + escape(key);
                if (t == JsonToken.VALUE_NULL) {
                    repair(ptr, "explicit null dropped");
                    continue;
                }
                switch (key) {
                    case "CFDocument" -> {
                        sawDocument = true;
                        document = entity(EntityType.DOCUMENT, ptr, objectAt(p, ptr));
                    }
                    case "CFItems" -> streamArray(p, ptr, (node, at) -> items.add(entity(EntityType.ITEM, at, object(node, at))));
                    case "CFAssociations" -> streamArray(p, ptr, (node, at) -> associations.add(entity(EntityType.ASSOCIATION, at, object(node, at))));
                    case "CFRubrics" -> streamArray(p, ptr, (node, at) -> rubrics.add(rubric(EntityType.RUBRIC, at, object(node, at))));
                    case "CFDefinitions" -> readDefinitions(objectAt(p, ptr), ptr, definitions);
                    case "extensions" -> extensions = p.readValueAsTree();
                    default -> {
                        p.skipChildren();
                        repair(ptr, "unknown top-level field '" + key + "' ignored");
                    }
                }
            }
            if (!sawDocument || document == null)
                throw reject("/", "not a CASE package: no CFDocument object at the top level");
            String version = "1.1".equals(document.string("caseVersion")) ? "1.1" : "1.0";
            if (version.equals("1.0")) {
                for (CaseEntity e : items) noDocumentLink(e);
                for (CaseEntity e : associations) noDocumentLink(e);
            }
            CasePackage pkg = new CasePackage(version, document, items, associations, definitions, rubrics, extensions);
            checkLinks(pkg);
            return new ReadResult(source, pkg, List.copyOf(repairs));
        }

        /** CASE 1.0 writes each item's and association's framework link; note where the source left it out. */
        void noDocumentLink(CaseEntity e) {
            if (!e.values().containsKey("CFDocumentURI"))
                repair(e.pointer() + "/CFDocumentURI", "CFDocumentURI missing; the entity belongs to the package's CFDocument and is written with that link");
        }

        ObjectNode objectAt(JsonParser p, String ptr) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT)
                throw reject(ptr, "expected an object, found " + describe(p.currentToken()));
            return p.readValueAsTree();
        }

        void streamArray(JsonParser p, String ptr, EntitySink sink) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY)
                throw reject(ptr, "expected an array, found " + describe(p.currentToken()));
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                String at = ptr + "/" + i++;
                if (p.currentToken() == JsonToken.VALUE_NULL) { repair(at, "null entry dropped"); continue; }
                JsonNode node = p.readValueAsTree();
                sink.accept(node, at);
            }
        }

        ObjectNode object(JsonNode node, String ptr) {
            if (!(node instanceof ObjectNode o)) throw reject(ptr, "expected an object, found " + node.getNodeType().name().toLowerCase(Locale.ROOT));
            return o;
        }

        void readDefinitions(ObjectNode defs, String ptr, Map<EntityType, List<CaseEntity>> out) {
            defs.fields().forEachRemaining(e -> {
                String at = ptr + "/" + escape(e.getKey());
                if (e.getKey().equals("extensions")) { repair(at, "CFDefinitions extensions ignored"); return; }
                Optional<EntityType> type = EntityType.DEFINITIONS.stream().filter(d -> d.listName().equals(e.getKey())).findFirst();
                if (type.isEmpty()) { repair(at, "unknown CFDefinitions list '" + e.getKey() + "' ignored"); return; }
                JsonNode list = e.getValue();
                if (list.isNull()) { repair(at, "explicit null dropped"); return; }
                if (!list.isArray()) throw reject(at, "expected an array, found " + list.getNodeType().name().toLowerCase(Locale.ROOT));
                if (list.isEmpty()) { repair(at, "empty list dropped"); return; }
                List<CaseEntity> entities = out.computeIfAbsent(type.get(), k -> new ArrayList<>());
                for (int i = 0; i < list.size(); i++)
                    entities.add(entity(type.get(), at + "/" + i, object(list.get(i), at + "/" + i)));
            });
        }

        CaseEntity rubric(EntityType type, String ptr, ObjectNode node) {
            return entity(type, ptr, node);
        }

        CaseEntity entity(EntityType type, String ptr, ObjectNode node) {
            Map<String, Object> values = new LinkedHashMap<>();
            Map<String, JsonNode> unknown = new LinkedHashMap<>();
            List<CaseEntity> children = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = e.getKey();
                JsonNode v = e.getValue();
                String at = ptr + "/" + escape(name);
                if (v.isNull()) { repair(at, "explicit null dropped"); continue; }
                if (ALIASES.containsKey(name) && !node.has(ALIASES.get(name))) {
                    repair(at, "'" + name + "' read as '" + ALIASES.get(name) + "'");
                    name = ALIASES.get(name);
                    at = ptr + "/" + escape(name);
                    repair(at, "written as '" + name + "', the CASE name of '" + e.getKey() + "'");
                }
                if (type == EntityType.ASSOCIATION && (name.equals("originNodeURI") || name.equals("destinationNodeURI"))) {
                    values.put(name, link(v, at, true));
                    continue;
                }
                if (type == EntityType.RUBRIC && name.equals("CFRubricCriteria")
                        || type == EntityType.RUBRIC_CRITERION && name.equals("CFRubricCriterionLevels")) {
                    EntityType childType = type == EntityType.RUBRIC ? EntityType.RUBRIC_CRITERION : EntityType.RUBRIC_CRITERION_LEVEL;
                    if (!v.isArray()) throw reject(at, "expected an array, found " + v.getNodeType().name().toLowerCase(Locale.ROOT));
                    if (v.isEmpty()) { repair(at, "empty list dropped"); continue; }
                    for (int i = 0; i < v.size(); i++)
                        children.add(entity(childType, at + "/" + i, object(v.get(i), at + "/" + i)));
                    continue;
                }
                Optional<Field> field = type.field(name);
                if (field.isEmpty()) {
                    unknown.put(name, v);
                    repair(at, "field '" + name + "' is not part of " + type.caseName() + "; kept as is");
                    continue;
                }
                Object value = value(field.get(), v, at);
                if (value != null) values.put(name, value);
            }
            if (values.get("identifier") == null && values.get("uri") == null)
                throw reject(ptr, type.caseName() + " has neither identifier nor uri, so it cannot be named");
            return new CaseEntity(type, ptr, values, children, unknown);
        }

        Object value(Field f, JsonNode v, String at) {
            String name = f.json();
            switch (f.kind()) {
                case STRING, TEXT, URL -> { return text(v, at, name); }
                case DATE_TIME -> {
                    String s = text(v, at, name);
                    if (DATE_TIME_WITH_SPACE.matcher(s).matches()) {
                        String fixed = s.replaceFirst(" ", "T");
                        if (fixed.length() == 16) fixed += ":00";
                        repair(at, "date-time '" + s + "' written with a space; read as '" + fixed + "'");
                        return fixed;
                    }
                    if (DATE_ONLY.matcher(s).matches()) {
                        repair(at, "date '" + s + "' given where a date-time is expected; read as '" + s + "T00:00:00'");
                        return s + "T00:00:00";
                    }
                    return s;
                }
                case DATE -> { return text(v, at, name); }
                case INTEGER -> {
                    if (v.isIntegralNumber()) return v.bigIntegerValue();
                    if (v.isTextual() && INTEGER.matcher(v.asText().trim()).matches()) {
                        repair(at, name + " given as the string \"" + v.asText() + "\"; read as a number");
                        return new BigInteger(v.asText().trim());
                    }
                    if (v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0) {
                        repair(at, name + " given as " + v.asText() + "; read as a whole number");
                        return v.decimalValue().toBigIntegerExact();
                    }
                    throw reject(at, name + " must be a whole number, found " + show(v));
                }
                case NUMBER -> {
                    if (v.isNumber()) return v.decimalValue();
                    if (v.isTextual()) {
                        try {
                            BigDecimal d = new BigDecimal(v.asText().trim());
                            repair(at, name + " given as the string \"" + v.asText() + "\"; read as a number");
                            return d;
                        } catch (NumberFormatException ignored) { /* rejected below */ }
                    }
                    throw reject(at, name + " must be a number, found " + show(v));
                }
                case STRING_LIST -> {
                    List<String> list = new ArrayList<>();
                    if (v.isTextual()) {
                        String s = v.asText();
                        if (s.contains(",")) {
                            for (String part : s.split(",")) if (!part.isBlank()) list.add(part.trim());
                            repair(at, name + " given as one comma-separated string; read as a list");
                        } else {
                            list.add(s);
                            repair(at, name + " given as a single string; read as a list of one");
                        }
                    } else if (v.isArray()) {
                        for (int i = 0; i < v.size(); i++) {
                            JsonNode e = v.get(i);
                            if (e.isNull()) { repair(at + "/" + i, "explicit null dropped"); continue; }
                            list.add(text(e, at + "/" + i, name));
                        }
                    } else throw reject(at, name + " must be a list of strings, found " + show(v));
                    if (list.isEmpty()) { repair(at, "empty list dropped"); return null; }
                    List<String> sorted = list.stream().distinct().sorted().toList();
                    if (!sorted.equals(list))
                        repair(at, name + " values are a set in RDF: duplicates dropped and written in sorted order");
                    return sorted;
                }
                case LINK -> { return link(v, at, false); }
                case LINK_LIST -> {
                    List<Link> links = new ArrayList<>();
                    if (v.isObject()) {
                        links.add(link(v, at, false));
                        repair(at, name + " given as one object; read as a list of one");
                    } else if (v.isArray()) {
                        for (int i = 0; i < v.size(); i++) {
                            if (v.get(i).isNull()) { repair(at + "/" + i, "explicit null dropped"); continue; }
                            links.add(link(v.get(i), at + "/" + i, false));
                        }
                    } else throw reject(at, name + " must be a list of LinkURI objects, found " + show(v));
                    if (links.isEmpty()) { repair(at, "empty list dropped"); return null; }
                    List<Link> sorted = links.stream().distinct().sorted(Comparator.comparing(l -> String.valueOf(l.uri()))).toList();
                    if (!sorted.equals(links))
                        repair(at, name + " values are a set in RDF: duplicates dropped and written in order of uri");
                    return sorted;
                }
                case JSON -> { return v; }
            }
            throw new IllegalStateException(f.kind().name());
        }

        String text(JsonNode v, String at, String name) {
            if (v.isTextual()) return v.asText();
            if (v.isNumber() || v.isBoolean()) {
                repair(at, name + " given as " + v.getNodeType().name().toLowerCase(Locale.ROOT) + " " + v.asText() + "; read as a string");
                return v.asText();
            }
            throw reject(at, name + " must be a string, found " + show(v));
        }

        Link link(JsonNode v, String at, boolean gen) {
            if (v.isTextual()) {
                String uri = v.asText();
                String last = uri.substring(uri.lastIndexOf('/') + 1);
                repair(at, "a URI string given where a LinkURI object is expected; read as a link to " + uri);
                return new Link(null, last.isEmpty() ? null : last, uri, null);
            }
            if (!v.isObject()) throw reject(at, "expected a LinkURI object {title, identifier, uri}, found " + show(v));
            String title = optText(v, "title", at);
            String identifier = optText(v, "identifier", at);
            String uri = optText(v, "uri", at);
            String targetType = gen ? optText(v, "targetType", at) : null;
            if (identifier == null && uri == null)
                throw reject(at, "link has neither identifier nor uri");
            return new Link(title, identifier, uri, targetType);
        }

        String optText(JsonNode obj, String key, String at) {
            JsonNode v = obj.get(key);
            if (v == null) return null;
            if (v.isNull()) { repair(at + "/" + key, "explicit null dropped"); return null; }
            return text(v, at + "/" + key, key);
        }

        /** Links whose title or uri differ from their target in the package: the target wins. */
        void checkLinks(CasePackage pkg) {
            Map<String, String[]> targets = new HashMap<>();
            CaseEntity doc = pkg.document();
            if (doc.identifier() != null) targets.put(doc.identifier(), new String[]{doc.string("title"), doc.uri()});
            for (CaseEntity i : pkg.items()) if (i.identifier() != null) targets.putIfAbsent(i.identifier(), new String[]{i.string("fullStatement"), i.uri()});
            for (EntityType t : EntityType.DEFINITIONS)
                for (CaseEntity d : pkg.definitions(t)) if (d.identifier() != null) targets.putIfAbsent(d.identifier(), new String[]{d.string("title"), d.uri()});
            Map<String, String> external = new HashMap<>();
            List<CaseEntity> all = new ArrayList<>();
            all.add(doc);
            all.addAll(pkg.items());
            all.addAll(pkg.associations());
            for (CaseEntity r : pkg.rubrics()) { all.add(r); for (CaseEntity c : r.children()) { all.add(c); all.addAll(c.children()); } }
            for (CaseEntity e : all) {
                for (Field f : e.type().fields()) {
                    Object v = e.values().get(f.json());
                    List<Link> links = v instanceof Link l ? List.of(l) : v instanceof List<?> list && f.kind() == FieldKind.LINK_LIST ? castLinks(list) : List.of();
                    for (Link l : links) {
                        String at = e.pointer() + "/" + escape(f.json());
                        if (f.json().equals("CFPackageURI")) {
                            if (l.title() != null && !l.title().equals(doc.string("title")))
                                repair(at + "/title", "package link title differs from the framework title; the framework title is kept");
                            continue;
                        }
                        String[] target = l.identifier() == null ? null : targets.get(l.identifier());
                        if (target != null) {
                            if (!Objects.equals(l.title(), target[0]))
                                repair(at + "/title", "link title differs from the target's own title; the target's title is kept");
                            if (!Objects.equals(l.uri(), target[1]))
                                repair(at + "/uri", "link uri differs from the target's own uri; the target's uri is kept");
                        } else {
                            String key = l.identifier() != null ? l.identifier() : l.uri();
                            String prev = external.putIfAbsent(key, String.valueOf(l.title()));
                            if (prev != null && !prev.equals(String.valueOf(l.title())))
                                repair(at + "/title", "another link to the same target gave the title '" + prev + "', which is kept");
                        }
                    }
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Link> castLinks(List<?> list) { return (List<Link>) list; }

    private static String show(JsonNode v) {
        String s = v.toString();
        String kind = v.getNodeType().name().toLowerCase(Locale.ROOT);
        return kind + " " + (s.length() > 60 ? s.substring(0, 57) + "..." : s);
    }

    /** JSON pointer escaping (RFC 6901). */
    static String escape(String key) { return key.replace("~", "~0").replace("/", "~1"); }

    @FunctionalInterface
    private interface EntitySink { void accept(JsonNode node, String pointer); }
}
