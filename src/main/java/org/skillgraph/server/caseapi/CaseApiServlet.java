package org.skillgraph.server.caseapi;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryCancelledException;
import org.skillgraph.casejson.EntityType;
import org.skillgraph.error.StoreUnavailableException;
import org.skillgraph.server.Http;
import org.skillgraph.server.ServerConfig;
import org.skillgraph.store.CatalogEntry;
import org.skillgraph.store.Registry;
import org.skillgraph.vocab.Iris;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The CASE REST API, read-only, served from the RDF store in both versions:
 * <pre>
 *   GET /ims/case/{v1p0|v1p1}/CFDocuments                 limit, offset, sort, orderBy, filter, fields
 *   GET /ims/case/{v1p0|v1p1}/CFDocuments/{id}            CFPackages/{id}  CFItems/{id}
 *   GET /ims/case/{v1p0|v1p1}/CFItemAssociations/{id}     CFAssociations/{id}  CFAssociationGroupings/{id}
 *   GET /ims/case/{v1p0|v1p1}/CFConcepts/{id}             CFSubjects/{id}  CFItemTypes/{id}  CFLicenses/{id}  CFRubrics/{id}
 *   GET /ims/case/v1p1/discovery                          OpenAPI description with this server's address
 * </pre>
 * Every framework is served in both versions, whatever version it was published in. Bodies follow
 * the official response schemas of the version ({@link Shapes}); errors are imsx_StatusInfo objects
 * (codeMajor failure, severity error) with the code minor the specification names:
 * unknownobject and invalid_uuid (404; a sourcedId that is not a UUID is still looked up, and is
 * answered with invalid_uuid only when nothing has it), invalid_sort_field and
 * invalid_selection_field (400), forbidden (405 for methods other than GET/HEAD/OPTIONS),
 * server_busy (429, with Retry-After: too many packages being built, or a store query timed out)
 * and internal_server_error (500, without details). 1.0 spells two of them invaliduuid and
 * unauthorisedrequest. Entity responses carry a strong ETag and answer If-None-Match with 304.
 */
public final class CaseApiServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(CaseApiServlet.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final int RETRY_AFTER_SECONDS = 5;

    /** The single-object endpoints: collection name -> entity type. */
    private static final Map<String, EntityType> ENTITY_ENDPOINTS = Map.ofEntries(
            Map.entry("CFDocuments", EntityType.DOCUMENT), Map.entry("CFPackages", EntityType.DOCUMENT),
            Map.entry("CFItems", EntityType.ITEM), Map.entry("CFItemAssociations", EntityType.ITEM),
            Map.entry("CFAssociations", EntityType.ASSOCIATION),
            Map.entry("CFAssociationGroupings", EntityType.ASSOCIATION_GROUPING),
            Map.entry("CFConcepts", EntityType.CONCEPT), Map.entry("CFSubjects", EntityType.SUBJECT),
            Map.entry("CFItemTypes", EntityType.ITEM_TYPE), Map.entry("CFLicenses", EntityType.LICENSE),
            Map.entry("CFRubrics", EntityType.RUBRIC));

    private final transient Registry registry;
    private final transient ServerConfig config;
    private final transient Lookup lookup;
    /** Whole packages are built in memory: at most this many at once. */
    private final transient Semaphore packageBuilds = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));

    public CaseApiServlet(Registry registry, ServerConfig config) {
        this.registry = registry;
        this.config = config;
        this.lookup = new Lookup(registry);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (READ_METHODS.contains(req.getMethod())) {
            super.service(req, resp);
            return;
        }
        resp.setHeader("Allow", "GET, HEAD, OPTIONS");
        error(resp, versionOf(req).orElse(ApiVersion.V1P1),
                new CaseApiException(405, CodeMinor.FORBIDDEN, "the CASE API of this registry only reads: " + req.getMethod() + " is not allowed"));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        ApiVersion v = versionOf(req).orElse(ApiVersion.V1P1);
        try {
            route(req, resp);
        } catch (CaseApiException e) {
            error(resp, v, e);
        } catch (QueryCancelledException e) {
            resp.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            error(resp, v, new CaseApiException(429, CodeMinor.SERVER_BUSY, "the store did not answer in time; try again later"));
        } catch (StoreUnavailableException e) {
            resp.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            error(resp, v, new CaseApiException(503, CodeMinor.SERVER_BUSY, e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("CASE API {} failed", req.getRequestURI(), e);
            error(resp, v, new CaseApiException(500, CodeMinor.INTERNAL_SERVER_ERROR, "the request could not be completed"));
        }
    }

    private static Optional<ApiVersion> versionOf(HttpServletRequest req) {
        String[] parts = segments(req);
        return parts.length == 0 ? Optional.empty() : ApiVersion.bySegment(parts[0]);
    }

    /** The path below /ims/case, split at '/', without empty parts at either end. */
    private static String[] segments(HttpServletRequest req) {
        String p = req.getPathInfo();
        if (p == null) return new String[0];
        while (p.startsWith("/")) p = p.substring(1);
        while (p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }

    private void route(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] parts = segments(req);
        Optional<ApiVersion> ov = parts.length == 0 ? Optional.empty() : ApiVersion.bySegment(parts[0]);
        if (ov.isEmpty()) throw CaseApiException.unknown("no such CASE API version; this registry serves /ims/case/v1p0/ and /ims/case/v1p1/");
        ApiVersion v = ov.get();
        String apiBase = Http.base(req, config) + "ims/case/" + v.segment() + "/";
        if (parts.length == 2 && parts[1].equals("discovery") && v == ApiVersion.V1P1) {
            sendJson(req, resp, Discovery.document(apiBase.substring(0, apiBase.length() - 1), config.maxPageSize()), true);
            return;
        }
        if (parts.length == 2 && parts[1].equals("CFDocuments")) {
            listDocuments(req, resp, v, apiBase);
            return;
        }
        if (parts.length == 3 && ENTITY_ENDPOINTS.containsKey(parts[1])) {
            String id = parts[2];
            if (id.isEmpty() || id.length() > Lookup.MAX_ID_LENGTH || id.chars().anyMatch(c -> c < 0x20))
                throw new CaseApiException(404, CodeMinor.INVALID_UUID, "'" + clip(id) + "' is not a UUID");
            if (parts[1].equals("CFPackages")) {
                sendPackage(req, resp, v, apiBase, id);
                return;
            }
            ObjectNode body = registry.read(dsg -> one(new Renderer(dsg, v, apiBase), parts[1], id));
            sendJson(req, resp, body, true);
            return;
        }
        throw CaseApiException.unknown("no such endpoint: " + clip(req.getRequestURI()));
    }

    /** Runs inside the read transaction. */
    private ObjectNode one(Renderer r, String endpoint, String id) {
        EntityType type = ENTITY_ENDPOINTS.get(endpoint);
        Lookup.Found f = lookup.find(id, type).orElseThrow(() -> notFound(id, type));
        return switch (endpoint) {
            case "CFDocuments" -> r.document(f.graph(), f.node());
            case "CFItems" -> r.entity(f, type, "CFItem");
            case "CFAssociations" -> r.entity(f, type, "CFAssociation");
            case "CFAssociationGroupings" -> r.entity(f, type, "CFAssociationGrouping");
            case "CFLicenses" -> r.entity(f, type, "CFLicense");
            case "CFRubrics" -> r.entity(f, type, "CFRubric");
            case "CFConcepts", "CFSubjects", "CFItemTypes" -> {
                ObjectNode set = Renderer.set(type.listName(), r.entity(f, type, type.caseName()));
                ArrayNode members = (ArrayNode) set.get(type.listName());
                for (Lookup.Found c : lookup.children(f, type)) members.add(r.entity(c, type, type.caseName()));
                yield set;
            }
            case "CFItemAssociations" -> {
                ObjectNode o = JSON.createObjectNode();
                o.set("CFItem", r.entity(f, type, "CFItem"));
                List<ObjectNode> assocs = new ArrayList<>();
                for (Lookup.Found a : lookup.itemAssociations(f, identifierOf(o.get("CFItem"))))
                    assocs.add(r.entity(a, EntityType.ASSOCIATION, "CFPckgAssociation"));
                assocs.sort((x, y) -> identifierOf(x).compareTo(identifierOf(y)));
                o.putArray("CFAssociations").addAll(assocs);
                yield o;
            }
            default -> throw new IllegalStateException(endpoint);
        };
    }

    private static String identifierOf(JsonNode o) {
        JsonNode id = o == null ? null : o.get("identifier");
        return id == null ? "" : id.asText();
    }

    private static CaseApiException notFound(String id, EntityType type) {
        if (!Iris.UUID.matcher(id).matches())
            return new CaseApiException(404, CodeMinor.INVALID_UUID, "'" + clip(id) + "' is not a UUID, and no " + type.caseName() + " has it as identifier");
        return CaseApiException.unknown("no " + type.caseName() + " with identifier " + id + " in this registry");
    }

    private void listDocuments(HttpServletRequest req, HttpServletResponse resp, ApiVersion v, String apiBase) throws IOException {
        Map<String, String[]> params;
        try {
            params = req.getParameterMap();
        } catch (RuntimeException e) { // Jetty refuses a query string that is not UTF-8 only when it is read
            throw CaseApiException.badSelection("the query string cannot be read: it must be UTF-8, percent-encoded");
        }
        DocumentQuery q = DocumentQuery.parse(params, v, config.maxPageSize());
        List<ObjectNode> all = registry.read(dsg -> {
            Renderer r = new Renderer(dsg, v, apiBase);
            List<ObjectNode> docs = new ArrayList<>();
            for (CatalogEntry e : registry.list()) {
                Node g = NodeFactory.createURI(e.graph()), doc = NodeFactory.createURI(e.document());
                if (r.isDocument(g, doc)) docs.add(r.document(g, doc));
            }
            return docs;
        });
        List<ObjectNode> selected = q.select(all);
        ObjectNode body = JSON.createObjectNode();
        body.putArray("CFDocuments").addAll(q.page(selected));
        resp.setHeader("X-Total-Count", Integer.toString(selected.size()));
        resp.setHeader("Link", q.linkHeader(apiBase + "CFDocuments", selected.size()));
        resp.setHeader("Access-Control-Expose-Headers", "X-Total-Count, Link, ETag");
        sendJson(req, resp, body, true);
    }

    private void sendPackage(HttpServletRequest req, HttpServletResponse resp, ApiVersion v, String apiBase, String id) throws IOException {
        // Found and its catalog entry first (cheap), so that a 304 or 404 costs no package build.
        Lookup.Found f = registry.read(dsg -> lookup.find(id, EntityType.DOCUMENT)).orElseThrow(() -> notFound(id, EntityType.DOCUMENT));
        String etag = packageEtag(f, v, apiBase);
        if (etag != null && matches(req.getHeader("If-None-Match"), etag)) {
            resp.setHeader("ETag", etag);
            resp.setStatus(304);
            return;
        }
        boolean permit;
        try {
            permit = packageBuilds.tryAcquire(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            permit = false;
        }
        if (!permit) {
            resp.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            throw new CaseApiException(429, CodeMinor.SERVER_BUSY, "too many packages are being built; try again later");
        }
        try {
            // Built in the same read transaction as it is written: a framework replaced meanwhile is not mixed in.
            registry.read(dsg -> {
                Renderer r = new Renderer(dsg, v, apiBase);
                if (!r.isDocument(f.graph(), f.node())) throw notFound(id, EntityType.DOCUMENT);
                String tag = packageEtag(f, v, apiBase); // of what this transaction sees
                if (tag != null) resp.setHeader("ETag", tag);
                try {
                    resp.setStatus(200);
                    resp.setContentType(JSON_TYPE);
                    OutputStream out = req.getMethod().equals("HEAD") ? OutputStream.nullOutputStream() : resp.getOutputStream();
                    try (JsonGenerator gen = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                        gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                        r.writePackage(f.graph(), f.node(), gen);
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return Boolean.TRUE;
            });
        } catch (java.io.UncheckedIOException e) {
            LOG.debug("package {} not fully sent: {}", id, e.getMessage());
        } finally {
            packageBuilds.release();
        }
    }

    /** A package's ETag: its framework's content hash and import version (from the catalog), the version and the address. */
    private String packageEtag(Lookup.Found f, ApiVersion v, String apiBase) {
        return registry.list().stream().filter(e -> e.graph().equals(f.graph().getURI())).findFirst()
                .map(e -> "\"" + sha256(e.contentHash() + "|" + e.importVersion() + "|" + v.segment() + "|" + apiBase + "|" + registry.generation()).substring(0, 32) + "\"")
                .orElse(null);
    }

    private static void sendJson(HttpServletRequest req, HttpServletResponse resp, JsonNode body, boolean etag) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        if (etag) {
            String tag = "\"" + sha256(bytes).substring(0, 32) + "\"";
            resp.setHeader("ETag", tag);
            if (matches(req.getHeader("If-None-Match"), tag)) {
                resp.setStatus(304);
                return;
            }
        }
        resp.setStatus(200);
        resp.setContentType(JSON_TYPE);
        resp.setContentLength(bytes.length);
        if (!req.getMethod().equals("HEAD")) resp.getOutputStream().write(bytes);
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        for (String t : ifNoneMatch.split(",")) {
            String s = t.trim();
            if (s.startsWith("W/")) s = s.substring(2);
            if (s.equals("*") || s.equals(etag)) return true;
        }
        return false;
    }

    private static void error(HttpServletResponse resp, ApiVersion v, CaseApiException e) throws IOException {
        if (resp.isCommitted()) return;
        ObjectNode o = JSON.createObjectNode();
        o.put("imsx_codeMajor", "failure");
        o.put("imsx_severity", "error");
        o.put("imsx_description", e.getMessage());
        o.putObject("imsx_codeMinor").putArray("imsx_codeMinorField").addObject()
                .put("imsx_codeMinorFieldName", "TargetEndSystem")
                .put("imsx_codeMinorFieldValue", e.codeMinor().value(v));
        resp.setHeader("ETag", null);
        Http.send(resp, e.status(), JSON_TYPE, JSON.writeValueAsString(o));
    }

    private static String clip(String s) {
        String t = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        StringBuilder sb = new StringBuilder(t.length());
        for (char c : t.toCharArray()) sb.append(c < 0x20 ? '?' : c);
        return sb.toString();
    }

    private static String sha256(String s) { return sha256(s.getBytes(StandardCharsets.UTF_8)); }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
