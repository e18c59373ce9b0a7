package org.skillgraph.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.skillgraph.casejson.EntityType;
import org.skillgraph.mapping.Directions;
import org.skillgraph.vocab.SG;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves alignment targets against the registry, inside one read transaction: by stored IRI, by the
 * registry's own {@code /uri/{identifier}} and {@code /resolve?uri=} addresses, by CASE API URLs
 * ({@code .../ims/case/v1p0/CFItems/{id}}), and by a CASE {@code /uri/{uuid}} of another host whose
 * identifier is stored (CASE identifiers are global). Resolutions are cached per target URL for the
 * length of one check, so a credential naming the same item many times costs one look-up.
 */
public final class AlignmentResolver {
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int MAX_NEIGHBOURS = 200;
    private static final int MAX_ANCESTORS = 64;
    private static final int MAX_CACHE = 50_000;

    static final Pattern CASE_API = Pattern.compile(
            "/ims/case/v1p[01]/(CFItems|CFDocuments|CFPackages|CFAssociations|CFItemAssociations|CFRubrics|CFConcepts|CFSubjects|CFLicenses|CFItemTypes|CFAssociationGroupings)/([^/?#]+)");
    static final Pattern CASE_URI = Pattern.compile("/uri/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?:\\.[a-z]+)?/?$");
    private static final Pattern ONET = Pattern.compile("^https?://(?:www\\.)?(?:onetonline\\.org|onetcenter\\.org|services\\.onetcenter\\.org)/.*?([0-9]{2}-[0-9]{4}\\.[0-9]{2})|^https://w3id\\.org/skillgraph/onet/");
    private static final List<String> SUFFIXES = List.of(".html", ".jsonld", ".json", ".ttl", ".nt");
    static final Set<String> CASE_TARGET_TYPES = Set.of("CFItem", "CFDocument", "CFRubric", "CFRubricCriterion",
            "CFRubricCriterionLevel", "CFAssociation", "CFConcept", "CFSubject", "CFItemType", "CFPackage");

    private static final List<Node> SKOS_MATCHES = List.of(
            NodeFactory.createURI(SG.SKOS + "exactMatch"), NodeFactory.createURI(SG.SKOS + "closeMatch"),
            NodeFactory.createURI(SG.SKOS + "relatedMatch"), NodeFactory.createURI(SG.SKOS + "broadMatch"),
            NodeFactory.createURI(SG.SKOS + "narrowMatch"));

    /**
     * How one target resolved. {@code details} (item, framework, ancestors, neighbours, reference
     * alignments) is shared by every alignment naming the same target.
     */
    public record Resolution(String status, String matchedBy, String reason, ItemFacts facts, ObjectNode details,
                             String publisher, boolean harvestChecked, String harvestSource) {}

    private final RegistryLookup lookup;
    private final String base;
    private final HarvestSources harvest;
    private final Map<String, Resolution> cache = new HashMap<>();
    private final Map<Node, ObjectNode> briefs = new HashMap<>();
    private Set<String> hosts;

    AlignmentResolver(RegistryLookup lookup, String base, HarvestSources harvest) {
        this.lookup = lookup;
        this.base = base;
        this.harvest = harvest == null ? HarvestSources.NONE : harvest;
    }

    /** The resolution of a target URL ({@code targetType} only helps to tell a CASE URI). */
    public Resolution resolve(String targetUrl, String targetType) {
        String key = targetUrl + "\u0000" + (isCaseType(targetType) ? "case" : "");
        Resolution r = cache.get(key);
        if (r == null) {
            r = compute(targetUrl, targetType);
            if (cache.size() < MAX_CACHE) cache.put(key, r);
        }
        return r;
    }

    private Resolution compute(String url, String targetType) {
        if (url == null || url.isBlank())
            return new Resolution("unknown", null, "the alignment has no targetUrl", null, null, null, false, null);
        url = url.trim();
        RegistryLookup.Entity stub = null;
        String stubHow = null;
        for (Candidate c : candidates(url)) {
            Optional<RegistryLookup.Entity> e = c.identifier() ? lookup.byIdentifier(c.value()) : lookup.byIri(c.value());
            if (e.isEmpty()) continue;
            if (e.get().defined()) return resolved(e.get(), c.how(), c.note());
            if (stub == null) {
                stub = e.get();
                stubHow = c.how();
            }
        }
        String host = RegistryLookup.host(url);
        if (stub == null) {
            String linking = linkedFrom(url);
            if (linking != null)
                return external(host, url, "a stored framework (" + linking + ") links to it, but the registry does not hold the framework that defines it");
        }
        boolean caseUrl = CASE_API.matcher(url).find() || CASE_URI.matcher(url).find();
        if (stub != null) {
            ItemFacts f = facts(stub);
            String by = f.frameworkTitle() != null ? " (" + f.frameworkTitle() + ")" : "";
            return external(host, url, "matched by " + stubHow + " a node that a stored framework" + by
                    + " only links to: the registry does not hold the framework that defines it");
        }
        if (caseUrl || isCaseType(targetType)) {
            if (host != null && hosts().contains(host))
                return new Resolution("unknown", null, "the registry holds frameworks published at " + host
                        + " but none of them has an entity with this URI (a typing error, or an entity removed or not yet imported?)",
                        null, null, host, false, null);
            return external(host, url, "a CASE URI" + (host == null ? "" : " of a publisher at " + host)
                    + " whose frameworks this registry does not hold");
        }
        return new Resolution("unknown", null, "not in the registry, and not a CASE URI (no /uri/{identifier} or CASE API path, targetType "
                + (targetType == null ? "not given" : "\"" + targetType + "\"") + ")", null, null, host, false, null);
    }

    /** The title of a framework that links to this IRI (an association's other end), or null. */
    private String linkedFrom(String url) {
        if (!org.skillgraph.vocab.Iris.isAbsolute(url)) return null;
        Node n = NodeFactory.createURI(url);
        for (Quad q : lookup.find(Node.ANY, Node.ANY, n, 1)) {
            Node doc = lookup.object(org.skillgraph.vocab.Iris.CATALOG_GRAPH, q.getGraph(), SG.foafPrimaryTopic);
            String title = doc == null ? null : lookup.literalAnywhere(doc, SG.title);
            return title != null ? title : q.getGraph().toString();
        }
        return null;
    }

    private Resolution external(String host, String url, String reason) {
        String source = harvest.covering(url).orElse(null);
        return new Resolution("external", null, reason + (source == null ? "; no harvest source covers it" : "; harvest source " + source + " covers it"),
                null, null, host, true, source);
    }

    private record Candidate(String value, boolean identifier, String how, String note) {}

    /** What to look up, in order, for a target URL. */
    private List<Candidate> candidates(String url) {
        List<Candidate> out = new ArrayList<>(6);
        out.add(new Candidate(url, false, "iri", null));
        if (url.endsWith("/")) out.add(new Candidate(url.substring(0, url.length() - 1), false, "iri", "matched without the trailing '/'"));
        if (url.startsWith("http://")) out.add(new Candidate("https://" + url.substring(7), false, "iri", "matched with https instead of http"));
        else if (url.startsWith("https://")) out.add(new Candidate("http://" + url.substring(8), false, "iri", "matched with http instead of https"));
        if (base != null && url.startsWith(base)) {
            String rest = url.substring(base.length());
            if (rest.startsWith("uri/")) {
                String id = stripSuffix(cutQuery(rest.substring(4)));
                out.add(new Candidate(decode(id), true, "registryUrl", null));
            } else if (rest.startsWith("resolve?")) {
                for (String kv : rest.substring(8).split("&")) {
                    if (kv.startsWith("uri=")) out.add(new Candidate(decode(kv.substring(4)), false, "registryUrl", null));
                    if (kv.startsWith("id=")) out.add(new Candidate(decode(kv.substring(3)), true, "registryUrl", null));
                }
            }
        }
        Matcher api = CASE_API.matcher(url);
        if (api.find()) {
            boolean ours = base != null && url.startsWith(base);
            out.add(new Candidate(decode(api.group(2)), true, ours ? "registryUrl" : "caseApiUrl",
                    ours ? null : "a CASE API URL of another host; its identifier is stored here"));
        }
        Matcher m = CASE_URI.matcher(cutQuery(url));
        if (m.find() && !(base != null && url.startsWith(base)))
            out.add(new Candidate(m.group(1), true, "identifier",
                    "the URL's host differs from the stored URI; the CASE identifier in it is stored here"));
        return out;
    }

    private static String cutQuery(String s) {
        int q = s.indexOf('?');
        int h = s.indexOf('#');
        int cut = q < 0 ? h : h < 0 ? q : Math.min(q, h);
        return cut < 0 ? s : s.substring(0, cut);
    }

    private static String stripSuffix(String s) {
        for (String suf : SUFFIXES) if (s.endsWith(suf)) return s.substring(0, s.length() - suf.length());
        return s;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    static boolean isCaseType(String t) { return t != null && CASE_TARGET_TYPES.contains(t.trim()); }

    private Set<String> hosts() {
        if (hosts == null) hosts = lookup.frameworkHosts();
        return hosts;
    }

    // ---------------------------------------------------------------------------------------------

    private Resolution resolved(RegistryLookup.Entity e, String how, String note) {
        ItemFacts f = facts(e);
        ObjectNode d = F.objectNode();
        d.set("item", itemJson(f));
        ObjectNode fw = F.objectNode();
        put(fw, "title", f.frameworkTitle());
        put(fw, "identifier", f.frameworkIdentifier());
        put(fw, "uri", f.frameworkUri());
        if (f.frameworkIdentifier() != null && base != null) fw.put("registryUrl", base + "uri/" + segment(f.frameworkIdentifier()));
        d.set("framework", fw);
        d.set("ancestors", ancestors(e));
        d.set("neighbours", neighbours(e.node(), f));
        d.set("referenceAlignments", references(e.node()));
        return new Resolution("resolved", how, note, f, d, RegistryLookup.host(f.iri()), false, null);
    }

    ItemFacts facts(RegistryLookup.Entity e) {
        Node g = e.graph(), n = e.node();
        Node doc = lookup.documentOf(e);
        String fwTitle = null, fwId = null, fwUri = null;
        if (doc != null) {
            fwTitle = lookup.literalAnywhere(doc, SG.title);
            if (fwTitle == null) fwTitle = lookup.literalAnywhere(doc, SG.skosPrefLabel);
            fwId = lookup.literalAnywhere(doc, SG.identifier);
            fwUri = doc.isURI() ? doc.getURI() : null;
        }
        EntityType type = e.type();
        String id = e.identifier();
        String full = lookup.literal(g, n, SG.fullStatement);
        String title = lookup.literal(g, n, SG.title);
        if (full == null && title == null && type == EntityType.RUBRIC_CRITERION_LEVEL) {
            title = lookup.literal(g, n, SG.sg("quality"));
            if (title == null) title = lookup.literal(g, n, SG.sg("description"));
        }
        return new ItemFacts(n.getURI(), id, type, type == null ? null : type.caseName(),
                lookup.literal(g, n, SG.humanCodingScheme), full, lookup.literal(g, n, SG.abbreviatedStatement), title,
                lookup.literal(g, n, SG.itemTypeName), fwTitle, fwId, fwUri,
                id != null && base != null ? base + "uri/" + segment(id) : null, e.defined());
    }

    static ObjectNode itemJson(ItemFacts f) {
        ObjectNode o = F.objectNode();
        put(o, "uri", f.iri());
        put(o, "identifier", f.identifier());
        put(o, "type", f.caseType());
        put(o, "humanCodingScheme", f.code());
        put(o, "fullStatement", f.fullStatement());
        put(o, "abbreviatedStatement", f.abbreviatedStatement());
        put(o, "title", f.title());
        put(o, "itemType", f.itemType());
        put(o, "registryUrl", f.registryUrl());
        return o;
    }

    private ArrayNode ancestors(RegistryLookup.Entity e) {
        ArrayNode out = F.arrayNode();
        Node doc = lookup.documentOf(e);
        Set<Node> seen = new HashSet<>();
        seen.add(e.node());
        Node cur = e.node();
        for (int depth = 0; depth < MAX_ANCESTORS; depth++) {
            Node parent = null;
            for (Quad q : lookup.find(cur, SG.isChildOf, Node.ANY, 8)) {
                Node p = q.getObject();
                if (!p.isURI() || seen.contains(p)) continue;
                if (parent == null || q.getGraph().equals(e.graph())) parent = p;
            }
            if (parent == null || parent.equals(doc)) break;
            seen.add(parent);
            out.add(brief(parent));
            cur = parent;
        }
        return out;
    }

    private ArrayNode neighbours(Node n, ItemFacts self) {
        ArrayNode out = F.arrayNode();
        String me = label(self.code(), self.name(), self.iri());
        for (Node p : List.of(SG.exactMatchOf, SG.isRelatedTo)) {
            String type = p.getURI().substring(SG.NS.length());
            String phrase = Directions.forward(type);
            Set<String> done = new HashSet<>();
            for (Quad q : lookup.find(n, p, Node.ANY, MAX_NEIGHBOURS)) {
                if (!q.getObject().isURI() || !done.add("o" + q.getObject())) continue;
                out.add(neighbour(type, "outgoing", q.getObject(), me + " " + phrase + " ", ""));
            }
            for (Quad q : lookup.find(Node.ANY, p, n, MAX_NEIGHBOURS)) {
                if (!q.getSubject().isURI() || !done.add("i" + q.getSubject())) continue;
                out.add(neighbour(type, "incoming", q.getSubject(), "", " " + phrase + " " + me));
            }
        }
        return out;
    }

    private ObjectNode neighbour(String type, String direction, Node other, String before, String after) {
        ObjectNode b = brief(other);
        ObjectNode o = F.objectNode();
        o.put("relation", type);
        o.put("direction", direction);
        o.put("words", before + label(text(b, "humanCodingScheme"), text(b, "name"), other.getURI())
                + (b.hasNonNull("framework") ? " (" + b.get("framework").asText() + ")" : "") + after);
        o.setAll(b);
        return o;
    }

    private ArrayNode references(Node n) {
        ArrayNode out = F.arrayNode();
        for (Node p : SKOS_MATCHES) {
            String rel = "skos:" + p.getURI().substring(SG.SKOS.length());
            for (Quad q : lookup.find(n, p, Node.ANY, MAX_NEIGHBOURS)) if (q.getObject().isURI()) out.add(reference(rel, "outgoing", q));
            for (Quad q : lookup.find(Node.ANY, p, n, MAX_NEIGHBOURS)) if (q.getSubject().isURI()) out.add(reference(rel, "incoming", q));
        }
        for (Node p : List.of(SG.exactMatchOf, SG.isRelatedTo)) {
            String rel = "sg:" + p.getURI().substring(SG.NS.length());
            for (Quad q : lookup.find(n, p, Node.ANY, MAX_NEIGHBOURS))
                if (q.getObject().isURI() && scheme(q.getObject().getURI()) != null) out.add(reference(rel, "outgoing", q));
        }
        return out;
    }

    private ObjectNode reference(String rel, String direction, Quad q) {
        Node other = direction.equals("outgoing") ? q.getObject() : q.getSubject();
        ObjectNode o = F.objectNode();
        o.put("relation", rel);
        o.put("direction", direction);
        o.put("uri", other.getURI());
        put(o, "scheme", scheme(other.getURI()));
        String label = lookup.literalAnywhere(other, SG.skosPrefLabel);
        if (label == null) label = lookup.literalAnywhere(other, RegistryLookup.RDFS_LABEL);
        if (label == null) label = lookup.literalAnywhere(other, SG.title);
        put(o, "label", label);
        put(o, "graph", q.getGraph().isURI() ? q.getGraph().getURI() : null);
        return o;
    }

    static String scheme(String iri) {
        if (ONET.matcher(iri).find()) return "O*NET";
        if (iri.startsWith("http://data.europa.eu/esco/") || iri.startsWith("https://data.europa.eu/esco/")) return "ESCO";
        return null;
    }

    /** A short description of another node: uri, identifier, code, name, framework, whether the registry holds it. */
    private ObjectNode brief(Node x) {
        ObjectNode cached = briefs.get(x);
        if (cached != null) return cached;
        ObjectNode o = F.objectNode();
        o.put("uri", x.getURI());
        String id = lookup.literalAnywhere(x, SG.identifier);
        put(o, "identifier", id);
        String code = lookup.literalAnywhere(x, SG.humanCodingScheme);
        if (code == null) code = lookup.literalAnywhere(x, SG.skosNotation);
        put(o, "humanCodingScheme", code);
        String name = lookup.literalAnywhere(x, SG.fullStatement);
        if (name == null) name = lookup.literalAnywhere(x, SG.title);
        if (name == null) name = lookup.literalAnywhere(x, SG.skosPrefLabel);
        if (name == null) name = lookup.literalAnywhere(x, RegistryLookup.RDFS_LABEL);
        put(o, "name", name);
        Node fw = lookup.objectAnywhere(x, SG.framework);
        if (fw != null) put(o, "framework", lookup.literalAnywhere(fw, SG.title));
        boolean held = lookup.definedAnywhere(x);
        o.put("inRegistry", held);
        if (held && id != null && base != null) o.put("registryUrl", base + "uri/" + segment(id));
        if (briefs.size() < MAX_CACHE) briefs.put(x, o);
        return o;
    }

    private static String label(String code, String name, String iri) {
        if (code != null) return code;
        if (name != null) return name.length() > 80 ? name.substring(0, 77) + "..." : name;
        return iri;
    }

    private static String text(ObjectNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static void put(ObjectNode o, String k, String v) {
        if (v != null) o.put(k, v);
    }

    static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
