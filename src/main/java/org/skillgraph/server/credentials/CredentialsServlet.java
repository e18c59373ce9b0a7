package org.skillgraph.server.credentials;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.skillgraph.credentials.CheckHtml;
import org.skillgraph.credentials.CredentialCheck;
import org.skillgraph.credentials.CredentialRejectedException;
import org.skillgraph.credentials.HarvestSources;
import org.skillgraph.credentials.ItemFacts;
import org.skillgraph.credentials.Ob3Objects;
import org.skillgraph.error.StoreUnavailableException;
import org.skillgraph.server.Http;
import org.skillgraph.server.ServerConfig;
import org.skillgraph.store.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Credential and alignment endpoints, mounted under {@code /api/*}:
 * <pre>
 *   POST /api/credentials/check        an OB 2.0/3.0, Endorsement or CLR 2.0 credential (JSON) -> its alignments, resolved
 *   POST /api/alignments/resolve       {"uris": [...]} or [...] (URIs, or alignment objects) -> the same resolution per entry
 *   GET  /api/alignments/resolve?uri=...&amp;uri=...
 *   GET  /api/ob3/alignment?uri=...    a stored entity as an OB 3.0 Alignment (uri: its IRI or identifier)
 *   GET  /api/ob3/achievement?uri=...  a stored entity as an OB 3.0 Achievement skeleton
 * </pre>
 * JSON by default; an HTML page when the Accept header asks for text/html (or {@code ?format=html}).
 * Bodies over {@code maxBodyBytes} get 413 (read no further than the limit), non-JSON 400, JSON-LD
 * context errors 422 naming the context. Nothing is ever stored; proofs are not verified.
 */
public final class CredentialsServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(CredentialsServlet.class);
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build());
    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private final transient Registry registry;
    private final transient ServerConfig config;
    private final transient CredentialCheck check;

    public CredentialsServlet(Registry registry, ServerConfig config) {
        this(registry, config, HarvestSources.NONE);
    }

    public CredentialsServlet(Registry registry, ServerConfig config, HarvestSources harvest) {
        this.registry = registry;
        this.config = config;
        this.check = new CredentialCheck(registry, harvest);
    }

    private static String route(HttpServletRequest req) {
        String p = req.getRequestURI().substring(req.getContextPath().length());
        if (p.startsWith("/api/")) p = p.substring(4);
        while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String route = route(req);
        try {
            switch (route) {
                case "/credentials/check" -> {
                    byte[] body = readBody(req);
                    ObjectNode report = check.check(body, "credential", Http.base(req, config));
                    answer(req, resp, report, "Alignment check");
                }
                case "/alignments/resolve" -> {
                    byte[] body = readBody(req);
                    answer(req, resp, check.resolveAll(uris(body), Http.base(req, config)), "Alignment resolution");
                }
                case "/ob3/alignment", "/ob3/achievement" -> Http.methodNotAllowed(resp, "GET, HEAD");
                default -> notFound(resp, route);
            }
        } catch (CredentialRejectedException e) {
            reject(resp, e);
        } catch (StoreUnavailableException e) {
            if (!resp.isCommitted()) Http.jsonError(resp, 503, "store_unavailable", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", req.getMethod(), req.getRequestURI(), e);
            if (!resp.isCommitted()) Http.jsonError(resp, 500, "internal", "skillgraph failed to answer: " + e.getClass().getSimpleName());
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String route = route(req);
        try {
            switch (route) {
                case "/credentials/check" -> Http.methodNotAllowed(resp, "POST");
                case "/alignments/resolve" -> {
                    String[] uris = req.getParameterValues("uri");
                    if (uris == null || uris.length == 0) {
                        Http.jsonError(resp, 400, "bad_request", "give one or more ?uri= parameters, or POST {\"uris\": [...]}");
                        return;
                    }
                    List<JsonNode> list = new ArrayList<>();
                    for (String u : uris) list.add(JsonNodeFactory.instance.textNode(u));
                    answer(req, resp, check.resolveAll(list, Http.base(req, config)), "Alignment resolution");
                }
                case "/ob3/alignment", "/ob3/achievement" -> ob3(req, resp, route.endsWith("achievement"));
                default -> notFound(resp, route);
            }
        } catch (CredentialRejectedException e) {
            reject(resp, e);
        } catch (StoreUnavailableException e) {
            if (!resp.isCommitted()) Http.jsonError(resp, 503, "store_unavailable", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", req.getMethod(), req.getRequestURI(), e);
            if (!resp.isCommitted()) Http.jsonError(resp, 500, "internal", "skillgraph failed to answer: " + e.getClass().getSimpleName());
        }
    }

    private void ob3(HttpServletRequest req, HttpServletResponse resp, boolean achievement) throws IOException {
        String uri = req.getParameter("uri");
        if (uri == null) uri = req.getParameter("id");
        if (uri == null || uri.isBlank()) {
            Http.jsonError(resp, 400, "bad_request", "give the entity as ?uri={its IRI or identifier}");
            return;
        }
        if (uri.length() > 4096) {
            Http.jsonError(resp, 400, "bad_request", "the uri parameter is over 4096 characters");
            return;
        }
        Optional<ItemFacts> f = Ob3Objects.facts(registry, uri, Http.base(req, config));
        if (f.isEmpty()) {
            Http.jsonError(resp, 404, "not_found", "no stored entity has the IRI or identifier " + uri);
            return;
        }
        ObjectNode o = achievement ? Ob3Objects.achievement(f.get()) : Ob3Objects.alignmentDocument(f.get());
        resp.setHeader("Link", "<" + headerSafe(f.get().iri()) + ">; rel=\"canonical\"");
        Http.send(resp, 200, "application/ld+json", PRETTY.writeValueAsString(o) + "\n");
    }

    /** Reads the body, never more than maxBodyBytes + 1 bytes; over the limit is a 413. */
    private byte[] readBody(HttpServletRequest req) throws IOException {
        long max = config.maxBodyBytes();
        long declared = req.getContentLengthLong();
        if (declared > max) throw tooLarge(declared + " bytes", max);
        byte[] body = Http.readBody(req, max);
        if (body == null) throw tooLarge("more than " + max + " bytes", max);
        return body;
    }

    private static CredentialRejectedException tooLarge(String size, long max) {
        return new CredentialRejectedException(413, "payload_too_large", "request",
                "request body of " + size + " is over the limit of " + max + " bytes");
    }

    private static List<JsonNode> uris(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new CredentialRejectedException(400, "not_json", "request", null, "not JSON: " + e.getOriginalMessage(), null, e);
        } catch (IOException e) {
            throw new CredentialRejectedException(400, "not_json", "request", "not JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) throw new CredentialRejectedException(400, "not_json", "request", "empty body: expected {\"uris\": [...]}");
        JsonNode list = root.isArray() ? root : root.isObject() ? root.get("uris") : null;
        if (list == null || !list.isArray())
            throw new CredentialRejectedException(400, "bad_request", "request", "expected {\"uris\": [...]} or a JSON array of URIs");
        if (list.size() > CredentialCheck.MAX_URIS)
            throw new CredentialRejectedException(413, "too_many_uris", "request",
                    list.size() + " URIs is over the limit of " + CredentialCheck.MAX_URIS + " per request; send them in parts");
        List<JsonNode> out = new ArrayList<>(list.size());
        list.forEach(out::add);
        return out;
    }

    private static void answer(HttpServletRequest req, HttpServletResponse resp, ObjectNode report, String title) throws IOException {
        resp.setHeader("Vary", "Accept");
        resp.setHeader("Cache-Control", "no-store");
        if (wantsHtml(req)) {
            Http.send(resp, 200, "text/html", CheckHtml.render(report, title));
            return;
        }
        resp.setStatus(200);
        resp.setContentType("application/json; charset=utf-8");
        PRETTY.writeValue(resp.getOutputStream(), report);
    }

    static boolean wantsHtml(HttpServletRequest req) {
        String f = req.getParameter("format");
        if (f != null) return f.equalsIgnoreCase("html");
        String accept = req.getHeader("Accept");
        if (accept == null) return false;
        int html = accept.indexOf("text/html");
        if (html < 0) return false;
        int json = accept.indexOf("application/json");
        return json < 0 || html < json;
    }

    private static void reject(HttpServletResponse resp, CredentialRejectedException e) throws IOException {
        if (resp.isCommitted()) return;
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("status", e.status());
        o.put("error", e.error());
        o.put("message", e.getMessage());
        if (e.location() != null) o.put("location", e.location());
        if (e.context() != null) o.put("context", e.context());
        if (e.status() == 413) resp.setHeader("Connection", "close");
        Http.send(resp, e.status(), "application/json", PRETTY.writeValueAsString(o) + "\n");
    }

    private static void notFound(HttpServletResponse resp, String route) throws IOException {
        Http.jsonError(resp, 404, "not_found", "no endpoint /api" + route
                + "; try POST /api/credentials/check, POST /api/alignments/resolve, GET /api/ob3/alignment?uri= or /api/ob3/achievement?uri=");
    }

    private static String headerSafe(String iri) {
        StringBuilder sb = new StringBuilder(iri.length());
        for (byte b : iri.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && c != '<' && c != '>' && c != '"' && c != '\\') sb.append((char) c);
            else sb.append('%').append(String.format("%02X", c));
        }
        return sb.toString();
    }
}
