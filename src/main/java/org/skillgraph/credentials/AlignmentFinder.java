package org.skillgraph.credentials;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.*;

/**
 * Finds every alignment, nested credential and CLR association in an <em>expanded</em> JSON-LD
 * credential. Working on full IRIs makes it independent of compaction and of the context version:
 * OB 3.0.0-3.0.3 ({@code ob:alignment}, {@code schema:AlignmentObject}), CLR 2.0 (nested credentials in
 * {@code credentialSubject.verifiableCredential}, with or without a {@code @graph} container), and
 * OB 2.0 ({@code obi:alignment}, {@code schema:educationalFramework}).
 */
public final class AlignmentFinder {
    static final String OB = "https://purl.imsglobal.org/spec/vc/ob/vocab.html#";
    static final String CLR = "https://purl.imsglobal.org/spec/vc/clr/vocab.html#";
    static final String OBI = "https://w3id.org/openbadges#";
    static final String CRED = "https://www.w3.org/2018/credentials#";
    static final String SCHEMA = "https://schema.org/";
    static final String SCHEMA_HTTP = "http://schema.org/";

    private static final Set<String> ALIGNMENT_PROPS = Set.of(OB + "alignment", OBI + "alignment");
    private static final Set<String> ALIGNMENT_TYPES = Set.of(SCHEMA + "AlignmentObject", SCHEMA + "Alignment",
            SCHEMA_HTTP + "AlignmentObject", OB + "Alignment", OBI + "AlignmentObject");
    private static final Set<String> ACHIEVEMENT_TYPES = Set.of(OB + "Achievement", OBI + "BadgeClass");
    private static final Set<String> CREDENTIAL_TYPES = Set.of(CRED + "VerifiableCredential", OBI + "Assertion", OBI + "BadgeClass",
            "https://w3id.org/openbadges#Endorsement", "https://w3id.org/credentials#Credential");
    private static final Set<String> ASSOCIATION_TYPES = Set.of(CLR + "Association");

    private static final List<String> TARGET_URL = both("targetUrl");
    private static final List<String> TARGET_NAME = both("targetName");
    private static final List<String> TARGET_DESCRIPTION = both("targetDescription");
    private static final List<String> TARGET_FRAMEWORK = List.of(SCHEMA + "targetFramework", SCHEMA_HTTP + "educationalFramework",
            SCHEMA + "educationalFramework", SCHEMA_HTTP + "targetFramework");
    private static final List<String> TARGET_CODE = List.of(OB + "targetCode", OBI + "targetCode");
    private static final List<String> TARGET_TYPE = List.of(OB + "targetType", OBI + "targetType");
    private static final List<String> NAME = List.of(SCHEMA + "name", SCHEMA_HTTP + "name", OB + "name");

    /** One alignment as the credential states it, and where it sits. */
    public record Alignment(String path, String targetUrl, String targetCode, String targetName, String targetFramework,
                            String targetType, String targetDescription, Ref achievement, Ref credential) {}

    /** An achievement, credential or other node the alignment sits in: id, types (short names), name. */
    public record Ref(String id, List<String> type, String name, String path) {}

    /** A CLR association between two achievements. */
    public record Association(String path, String associationType, String sourceId, String targetId) {}

    /** What the credential holds. {@code credential} is the outermost credential. */
    public record Found(Ref credential, List<Alignment> alignments, List<Ref> nestedCredentials,
                        List<Association> associations, Map<String, Ref> achievements) {}

    private final int maxAlignments;
    private final List<Alignment> alignments = new ArrayList<>();
    private final List<Ref> credentials = new ArrayList<>();
    private final List<Association> associations = new ArrayList<>();
    private final Map<String, Ref> achievements = new LinkedHashMap<>();
    private final Set<JsonObject> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    private AlignmentFinder(int maxAlignments) { this.maxAlignments = maxAlignments; }

    /** Finds everything; more than {@code maxAlignments} alignments is rejected (413). */
    public static Found find(JsonArray expanded, int maxAlignments, String source) {
        AlignmentFinder f = new AlignmentFinder(maxAlignments);
        try {
            for (int i = 0; i < expanded.size(); i++) f.walk(expanded.get(i), expanded.size() > 1 ? "[" + i + "]" : "", null, null, 0);
        } catch (TooMany e) {
            throw new CredentialRejectedException(413, "too_many_alignments", source,
                    "the credential has more than " + maxAlignments + " alignments; check it in parts");
        }
        Ref top = f.credentials.isEmpty() ? topNode(expanded) : f.credentials.get(0);
        List<Ref> nested = f.credentials.size() > 1 ? List.copyOf(f.credentials.subList(1, f.credentials.size())) : List.of();
        return new Found(top, f.alignments, nested, f.associations, f.achievements);
    }

    private static final class TooMany extends RuntimeException {
        TooMany() { super(null, null, false, false); }
    }

    private static Ref topNode(JsonArray expanded) {
        for (JsonValue v : expanded) if (v instanceof JsonObject o) return ref(o, "");
        return new Ref(null, List.of(), null, "");
    }

    private void walk(JsonValue v, String path, Ref achievement, Ref credential, int depth) {
        if (depth > 400) return;
        if (v instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) walk(a.get(i), a.size() > 1 ? path + "[" + i + "]" : path, achievement, credential, depth + 1);
            return;
        }
        if (!(v instanceof JsonObject o) || o.containsKey("@value")) return;
        if (!seen.add(o)) return;
        List<String> types = types(o);
        if (types.stream().anyMatch(CREDENTIAL_TYPES::contains)) {
            credential = ref(o, path);
            credentials.add(credential);
        }
        if (types.stream().anyMatch(ACHIEVEMENT_TYPES::contains)) {
            achievement = ref(o, path);
            if (achievement.id() != null) achievements.putIfAbsent(achievement.id(), achievement);
        }
        if (types.stream().anyMatch(ASSOCIATION_TYPES::contains)) {
            associations.add(new Association(path, byLocalName(o, "associationType"), byLocalName(o, "sourceId"), byLocalName(o, "targetId")));
        }
        if (types.stream().anyMatch(ALIGNMENT_TYPES::contains)) {
            addAlignment(o, path, achievement, credential);
        }
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            String key = e.getKey();
            if (key.equals("@type") || key.equals("@id") || key.equals("@language") || key.equals("@direction")) continue;
            if (ALIGNMENT_PROPS.contains(key)) {
                JsonValue val = e.getValue();
                List<JsonValue> list = val instanceof JsonArray arr ? arr : List.of(val);
                for (int i = 0; i < list.size(); i++) {
                    JsonValue item = list.get(i);
                    String p = join(path, "alignment") + "[" + i + "]";
                    if (item instanceof JsonObject ao && !ao.containsKey("@value") && seen.add(ao)) {
                        addAlignment(ao, p, achievement, credential);
                        walkChildren(ao, p, achievement, credential, depth + 1);
                    }
                }
                continue;
            }
            String seg = key.startsWith("@") ? "" : shortName(key, true);
            walk(e.getValue(), seg.isEmpty() ? path : join(path, seg), achievement, credential, depth + 1);
        }
    }

    private void walkChildren(JsonObject o, String path, Ref achievement, Ref credential, int depth) {
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("@")) continue;
            walk(e.getValue(), join(path, shortName(key, true)), achievement, credential, depth + 1);
        }
    }

    private void addAlignment(JsonObject o, String path, Ref achievement, Ref credential) {
        if (alignments.size() >= maxAlignments) throw new TooMany();
        String url = value(o, TARGET_URL);
        if (url == null && o.size() == 1 && o.containsKey("@id")) url = string(o.get("@id"));
        alignments.add(new Alignment(path, url, value(o, TARGET_CODE), value(o, TARGET_NAME), value(o, TARGET_FRAMEWORK),
                value(o, TARGET_TYPE), value(o, TARGET_DESCRIPTION), achievement, credential));
    }

    private static String join(String path, String seg) { return path.isEmpty() ? seg : path + "." + seg; }

    private static List<String> both(String local) { return List.of(SCHEMA + local, SCHEMA_HTTP + local); }

    static Ref ref(JsonObject o, String path) {
        List<String> shortTypes = new ArrayList<>();
        for (String t : types(o)) shortTypes.add(shortName(t, false));
        return new Ref(o.containsKey("@id") ? string(o.get("@id")) : null, List.copyOf(shortTypes), value(o, NAME), path);
    }

    static List<String> types(JsonObject o) {
        JsonValue t = o.get("@type");
        if (t == null) return List.of();
        List<String> out = new ArrayList<>(2);
        if (t instanceof JsonArray a) {
            for (JsonValue x : a) if (x instanceof JsonString s) out.add(s.getString());
        } else if (t instanceof JsonString s) out.add(s.getString());
        return out;
    }

    /** The first value of the first of these properties, as a string (a literal's value or a node's @id). */
    static String value(JsonObject o, List<String> props) {
        for (String p : props) {
            String s = first(o.get(p));
            if (s != null) return s;
        }
        return null;
    }

    /** The value of the property whose IRI ends in {@code #local} or {@code /local} (any case). */
    static String byLocalName(JsonObject o, String local) {
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            String k = e.getKey();
            if (k.startsWith("@")) continue;
            if (shortName(k, false).equalsIgnoreCase(local)) {
                String s = first(e.getValue());
                if (s != null) return s;
            }
        }
        return null;
    }

    private static String first(JsonValue v) {
        if (v == null) return null;
        if (v instanceof JsonArray a) {
            for (JsonValue x : a) {
                String s = first(x);
                if (s != null) return s;
            }
            return null;
        }
        if (v instanceof JsonObject o) {
            if (o.containsKey("@value")) return string(o.get("@value"));
            if (o.containsKey("@id")) return string(o.get("@id"));
            return null;
        }
        return string(v);
    }

    private static String string(JsonValue v) {
        if (v == null) return null;
        return switch (v.getValueType()) {
            case STRING -> ((JsonString) v).getString();
            case NUMBER, TRUE, FALSE -> v.toString();
            default -> null;
        };
    }

    /** A term's short name: the part after '#' or the last '/', without the "-0" some OB contexts add. */
    static String shortName(String iri, boolean property) {
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        String s = cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
        if (s.endsWith("-0")) s = s.substring(0, s.length() - 2);
        if (property && !s.isEmpty() && Character.isUpperCase(s.charAt(0)) && (s.length() == 1 || Character.isLowerCase(s.charAt(1))))
            s = Character.toLowerCase(s.charAt(0)) + s.substring(1);
        return s;
    }
}
