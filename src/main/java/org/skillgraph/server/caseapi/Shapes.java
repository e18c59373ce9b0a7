package org.skillgraph.server.caseapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.*;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The response bodies of the CASE API, per version, as the official descriptions define them:
 * CASE 1.1 OpenAPI {@code components/schemas/*DType}, CASE 1.0 Swagger {@code definitions/*.Type}.
 * The package writer knows one shape per entity; an endpoint answers with a neighbouring one
 * (CFItems/{id} has CFDocumentURI, a package item does not; 1.0 has no extensions, ...), so each
 * body is made to conform here: properties the shape lacks are left out, in the shape's order, and
 * required strings the data lacks are written as "" (e.g. CFConcept.hierarchyCode, CFLicense.licenseText).
 * The tests check this table against the official files, property by property.
 */
final class Shapes {
    private Shapes() {}

    /** How a property is written; used for conforming and for the discovery document. */
    enum Kind { STRING, URI, DATE, DATE_TIME, INTEGER, NUMBER, STRING_LIST, EXTENSIONS, EXTENSIONS_LIST, OBJECT, OBJECT_LIST }

    /** One property: name, kind, required, and for OBJECT/OBJECT_LIST the shape of its value. */
    record Prop(String name, Kind kind, boolean required, String shape) {}

    /** One response object shape. */
    record Shape(String name, List<Prop> props) {
        Optional<Prop> prop(String name) {
            for (Prop p : props) if (p.name().equals(name)) return Optional.of(p);
            return Optional.empty();
        }

        List<String> names() { return props.stream().map(Prop::name).toList(); }

        Shape without(Set<String> drop) {
            return new Shape(name, props.stream().filter(p -> !drop.contains(p.name())).toList());
        }
    }

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Map<String, Shape> V1P1 = new LinkedHashMap<>();
    private static final Map<String, Shape> V1P0 = new LinkedHashMap<>();

    /** CASE 1.0's association types (1.1 added isTranslationOf and ext: types). */
    private static final Set<String> ASSOCIATION_TYPES_1_0 = Set.of(
            "isChildOf", "isPeerOf", "isPartOf", "exactMatchOf", "precedes", "isRelatedTo", "replacedBy", "exemplar", "hasSkillLevel");
    private static final Pattern EXT_TOKEN = Pattern.compile("ext:[a-zA-Z0-9.\\-_]+");
    private static final Pattern LOCAL_DATE_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?");
    private static final Pattern DATE_TIME_NO_SECONDS = Pattern.compile("(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d)([Zz]|[+-]\\d\\d:\\d\\d)");

    static {
        Prop id = req("identifier", Kind.STRING), uri = req("uri", Kind.URI), lastChange = req("lastChangeDateTime", Kind.DATE_TIME);
        Prop ext = opt("extensions", Kind.EXTENSIONS);
        add(V1P1, "LinkURI", req("title", Kind.STRING), req("identifier", Kind.STRING), req("uri", Kind.URI));
        add(V1P1, "LinkGenURI", req("title", Kind.STRING), req("identifier", Kind.STRING), req("uri", Kind.URI), opt("targetType", Kind.STRING));
        List<Prop> doc = List.of(id, uri, opt("frameworkType", Kind.STRING), opt("caseVersion", Kind.STRING),
                req("creator", Kind.STRING), req("title", Kind.STRING), lastChange, opt("officialSourceURL", Kind.URI),
                opt("publisher", Kind.STRING), opt("description", Kind.STRING), opt("subject", Kind.STRING_LIST),
                links("subjectURI"), opt("language", Kind.STRING), opt("version", Kind.STRING),
                opt("adoptionStatus", Kind.STRING), opt("statusStartDate", Kind.DATE), opt("statusEndDate", Kind.DATE),
                link("licenseURI", false), opt("notes", Kind.STRING), ext);
        add(V1P1, "CFPckgDocument", doc);
        add(V1P1, "CFDocument", plus(doc, link("CFPackageURI", true)));
        List<Prop> item = List.of(id, req("fullStatement", Kind.STRING), opt("alternativeLabel", Kind.STRING),
                opt("CFItemType", Kind.STRING), uri, opt("humanCodingScheme", Kind.STRING), opt("listEnumeration", Kind.STRING),
                opt("abbreviatedStatement", Kind.STRING), opt("conceptKeywords", Kind.STRING_LIST), link("conceptKeywordsURI", false),
                opt("notes", Kind.STRING), opt("subject", Kind.STRING_LIST), links("subjectURI"), opt("language", Kind.STRING),
                opt("educationLevel", Kind.STRING_LIST), link("CFItemTypeURI", false), link("licenseURI", false),
                opt("statusStartDate", Kind.DATE), opt("statusEndDate", Kind.DATE), lastChange, ext);
        add(V1P1, "CFPckgItem", item);
        add(V1P1, "CFItem", plus(item, link("CFDocumentURI", true)));
        List<Prop> assoc = List.of(id, req("associationType", Kind.STRING), opt("sequenceNumber", Kind.INTEGER), uri,
                new Prop("originNodeURI", Kind.OBJECT, true, "LinkGenURI"), new Prop("destinationNodeURI", Kind.OBJECT, true, "LinkGenURI"),
                link("CFAssociationGroupingURI", false), lastChange, opt("notes", Kind.STRING), ext);
        add(V1P1, "CFPckgAssociation", assoc);
        add(V1P1, "CFAssociation", plus(assoc, link("CFDocumentURI", false)));
        add(V1P1, "CFConcept", id, uri, req("title", Kind.STRING), opt("keywords", Kind.STRING), req("hierarchyCode", Kind.STRING),
                opt("description", Kind.STRING), lastChange, ext);
        add(V1P1, "CFSubject", id, uri, req("title", Kind.STRING), req("hierarchyCode", Kind.STRING), opt("description", Kind.STRING), lastChange, ext);
        add(V1P1, "CFLicense", id, uri, req("title", Kind.STRING), opt("description", Kind.STRING), req("licenseText", Kind.STRING), lastChange, ext);
        add(V1P1, "CFItemType", id, uri, req("title", Kind.STRING), req("description", Kind.STRING), req("hierarchyCode", Kind.STRING),
                opt("typeCode", Kind.STRING), lastChange, ext);
        add(V1P1, "CFAssociationGrouping", id, uri, req("title", Kind.STRING), opt("description", Kind.STRING), lastChange, ext);
        add(V1P1, "CFRubric", id, uri, opt("title", Kind.STRING), opt("description", Kind.STRING), lastChange,
                list("CFRubricCriteria", "CFRubricCriterion", false), ext);
        add(V1P1, "CFRubricCriterion", id, uri, opt("category", Kind.STRING), opt("description", Kind.STRING), link("CFItemURI", false),
                opt("weight", Kind.NUMBER), opt("position", Kind.INTEGER), opt("rubricId", Kind.STRING), lastChange,
                list("CFRubricCriterionLevels", "CFRubricCriterionLevel", false), ext);
        // The 1.1 OpenAPI makes a level's extensions an array of objects (unlike every other class).
        add(V1P1, "CFRubricCriterionLevel", id, uri, opt("description", Kind.STRING), opt("quality", Kind.STRING),
                opt("score", Kind.NUMBER), opt("feedback", Kind.STRING), opt("position", Kind.INTEGER),
                opt("rubricCriterionId", Kind.STRING), lastChange, opt("extensions", Kind.EXTENSIONS_LIST));
        add(V1P1, "CFDocumentSet", list("CFDocuments", "CFDocument", true));
        add(V1P1, "CFConceptSet", list("CFConcepts", "CFConcept", true));
        add(V1P1, "CFSubjectSet", list("CFSubjects", "CFSubject", true));
        add(V1P1, "CFItemTypeSet", list("CFItemTypes", "CFItemType", true));
        add(V1P1, "CFAssociationSet", new Prop("CFItem", Kind.OBJECT, true, "CFItem"), list("CFAssociations", "CFPckgAssociation", true));
        add(V1P1, "CFDefinition", list("CFConcepts", "CFConcept", false), list("CFSubjects", "CFSubject", false),
                list("CFLicenses", "CFLicense", false), list("CFItemTypes", "CFItemType", false),
                list("CFAssociationGroupings", "CFAssociationGrouping", false), ext);
        add(V1P1, "CFPackage", new Prop("CFDocument", Kind.OBJECT, true, "CFPckgDocument"), list("CFItems", "CFPckgItem", false),
                list("CFAssociations", "CFPckgAssociation", false), new Prop("CFDefinitions", Kind.OBJECT, false, "CFDefinition"),
                list("CFRubrics", "CFRubric", false), ext);
        add(V1P1, "imsx_StatusInfo", req("imsx_codeMajor", Kind.STRING), req("imsx_severity", Kind.STRING),
                opt("imsx_description", Kind.STRING), new Prop("imsx_codeMinor", Kind.OBJECT, false, "imsx_CodeMinor"));
        add(V1P1, "imsx_CodeMinor", list("imsx_codeMinorField", "imsx_CodeMinorField", true));
        add(V1P1, "imsx_CodeMinorField", req("imsx_codeMinorFieldName", Kind.STRING), req("imsx_codeMinorFieldValue", Kind.STRING));

        // CASE 1.0: no extensions anywhere, and a few fields that 1.1 added.
        Map<String, Set<String>> only1p1 = Map.of(
                "CFPckgDocument", Set.of("frameworkType", "caseVersion"), "CFDocument", Set.of("frameworkType", "caseVersion"),
                "CFPckgItem", Set.of("subject", "subjectURI"), "CFItem", Set.of("subject", "subjectURI"),
                "CFPckgAssociation", Set.of("notes"), "CFAssociation", Set.of("notes"), "LinkGenURI", Set.of("targetType"));
        V1P1.forEach((name, s) -> {
            Set<String> drop = new HashSet<>(only1p1.getOrDefault(name, Set.of()));
            drop.add("extensions");
            V1P0.put(name, s.without(drop));
        });
    }

    private static Prop req(String n, Kind k) { return new Prop(n, k, true, null); }
    private static Prop opt(String n, Kind k) { return new Prop(n, k, false, null); }
    private static Prop link(String n, boolean required) { return new Prop(n, Kind.OBJECT, required, "LinkURI"); }
    private static Prop links(String n) { return new Prop(n, Kind.OBJECT_LIST, false, "LinkURI"); }
    private static Prop list(String n, String shape, boolean required) { return new Prop(n, Kind.OBJECT_LIST, required, shape); }

    private static List<Prop> plus(List<Prop> props, Prop p) {
        List<Prop> out = new ArrayList<>(props);
        out.add(p);
        return out;
    }

    private static void add(Map<String, Shape> m, String name, Prop... props) { add(m, name, List.of(props)); }
    private static void add(Map<String, Shape> m, String name, List<Prop> props) { m.put(name, new Shape(name, List.copyOf(props))); }

    static Shape get(ApiVersion v, String name) {
        Shape s = (v == ApiVersion.V1P0 ? V1P0 : V1P1).get(name);
        if (s == null) throw new IllegalArgumentException("no shape " + name);
        return s;
    }

    /** Every shape of a version, by name, in definition order. */
    static Map<String, Shape> all(ApiVersion v) {
        return Collections.unmodifiableMap(v == ApiVersion.V1P0 ? V1P0 : V1P1);
    }

    /** {@code in} made to conform to shape {@code name} of version {@code v} (a new object; {@code in} is not changed). */
    static ObjectNode conform(JsonNode in, ApiVersion v, String name) {
        return conform(in, v, get(v, name), UnaryOperator.identity());
    }

    /**
     * As {@link #conform(JsonNode, ApiVersion, String)}, with {@code linkFix} applied to every
     * LinkGenURI first (fills a missing association end title).
     */
    static ObjectNode conform(JsonNode in, ApiVersion v, Shape shape, UnaryOperator<ObjectNode> linkFix) {
        ObjectNode out = F.objectNode();
        for (Prop p : shape.props()) {
            JsonNode x = in.get(p.name());
            if (x == null || x.isNull() || x.isMissingNode()) {
                if (p.required() && (p.kind() == Kind.STRING)) out.put(p.name(), "");
                continue;
            }
            switch (p.kind()) {
                case OBJECT -> {
                    if (!x.isObject()) continue;
                    ObjectNode o = (ObjectNode) x;
                    if (p.shape().equals("LinkGenURI")) o = linkFix.apply(o.deepCopy());
                    out.set(p.name(), conform(o, v, get(v, p.shape()), linkFix));
                }
                case OBJECT_LIST -> {
                    ArrayNode arr = out.putArray(p.name());
                    if (x.isArray()) for (JsonNode e : x) if (e.isObject()) arr.add(conform(e, v, get(v, p.shape()), linkFix));
                }
                case DATE_TIME -> out.put(p.name(), dateTime(x.asText()));
                case DATE -> out.put(p.name(), date(x.asText()));
                case EXTENSIONS -> { if (x.isObject()) out.set(p.name(), x); }
                case EXTENSIONS_LIST -> {
                    if (x.isObject()) out.putArray(p.name()).add(x);
                    else if (x.isArray()) out.set(p.name(), x);
                }
                case STRING_LIST -> {
                    if (x.isArray()) out.set(p.name(), x);
                    else out.putArray(p.name()).add(x.asText());
                }
                case INTEGER, NUMBER -> { if (x.isNumber()) out.set(p.name(), x); }
                case STRING, URI -> {
                    String s = x.isTextual() ? x.textValue() : x.toString();
                    if (p.name().equals("associationType") && v == ApiVersion.V1P0 && !ASSOCIATION_TYPES_1_0.contains(s)) {
                        s = "isRelatedTo"; // isTranslationOf and ext: types have no 1.0 word; their meaning in 1.0 terms
                    }
                    if (p.name().equals("targetType") && !s.equals("CASE") && !EXT_TOKEN.matcher(s).matches()) continue;
                    out.put(p.name(), s);
                }
            }
        }
        return out;
    }

    /** RFC 3339 (what the schemas' date-time format means) wants seconds and an offset; CASE 1.0 files often have neither. */
    static String dateTime(String s) {
        if (LOCAL_DATE_TIME.matcher(s).matches()) {
            return (s.length() == 16 ? s + ":00" : s) + "Z";
        }
        var m = DATE_TIME_NO_SECONDS.matcher(s);
        if (m.matches()) return m.group(1) + ":00" + m.group(2);
        return s;
    }

    /** A date field given with a time keeps its date. */
    static String date(String s) {
        return s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s;
    }
}
