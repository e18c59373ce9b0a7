package org.skillgraph.server.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.skillgraph.error.InputRejectedException;
import org.skillgraph.error.NotFoundException;
import org.skillgraph.harvest.HarvestService;
import org.skillgraph.harvest.HarvestSource;
import org.skillgraph.server.Http;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The harvest sources over HTTP (changes need the write token, checked by the front filter):
 * <pre>
 *   GET    /api/sources                 every source with its status (last harvest, last error, next due)
 *   GET    /api/sources/{id}            one source
 *   POST   /api/sources                 add or reconfigure: {"url", "interval", "documents", "clientId",
 *                                       "tokenUrl", "scope", "secretVariable", "tokenVariable"}
 *   DELETE /api/sources/{id}            remove (harvested frameworks stay)
 *   POST   /api/sources/{id}/harvest    harvest now (queued on the harvest thread): 202
 * </pre>
 */
public final class SourcesServlet extends HttpServlet {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient HarvestService harvest;

    public SourcesServlet(HarvestService harvest) { this.harvest = harvest; }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo().replaceAll("^/+|/+$", "");
        String[] parts = path.isEmpty() ? new String[0] : path.split("/");
        try {
            switch (req.getMethod()) {
                case "GET", "HEAD" -> {
                    if (parts.length == 0) {
                        ArrayNode a = JSON.createArrayNode();
                        for (HarvestSource s : harvest.sources().list()) a.add(json(s));
                        send(resp, 200, JSON.createObjectNode().set("sources", a));
                    } else if (parts.length == 1) send(resp, 200, json(harvest.sources().find(parts[0])));
                    else notFound(resp, path);
                }
                case "POST" -> {
                    if (parts.length == 0) {
                        HarvestSource s = harvest.sources().add(parse(req));
                        resp.setHeader("Location", "/api/sources/" + s.id());
                        send(resp, 201, json(s));
                    } else if (parts.length == 2 && parts[1].equals("harvest")) {
                        HarvestSource s = harvest.sources().find(parts[0]);
                        harvest.harvestNow(s.id());
                        send(resp, 202, JSON.createObjectNode().put("queued", true).put("id", s.id()).put("url", s.url()));
                    } else notFound(resp, path);
                }
                case "DELETE" -> {
                    if (parts.length != 1) { notFound(resp, path); return; }
                    HarvestSource s = harvest.sources().remove(parts[0]);
                    send(resp, 200, JSON.createObjectNode().put("removed", s.id()).put("url", s.url()));
                }
                default -> {
                    resp.setHeader("Allow", "GET, HEAD, POST, DELETE");
                    Http.jsonError(resp, 405, "method_not_allowed", req.getMethod() + " is not allowed here");
                }
            }
        } catch (NotFoundException e) {
            Http.jsonError(resp, 404, "not_found", e.getMessage());
        } catch (InputRejectedException e) {
            Http.jsonError(resp, 400, "bad_request", e.getMessage());
        }
    }

    private static void notFound(HttpServletResponse resp, String path) throws IOException {
        Http.jsonError(resp, 404, "not_found", "no such resource: /api/sources/" + path);
    }

    private static HarvestSource parse(HttpServletRequest req) throws IOException {
        JsonNode b;
        try {
            b = JSON.readTree(req.getInputStream());
        } catch (IOException e) {
            throw new InputRejectedException("request body", null, "not JSON: " + e.getMessage());
        }
        if (b == null || !b.isObject()) throw new InputRejectedException("request body", null, "expected a JSON object with at least \"url\"");
        if (!b.path("url").isTextual()) throw new InputRejectedException("request body", "/url", "\"url\" (a string) is required");
        Duration interval = HarvestSource.parseInterval(b.path("interval").asText("1d"));
        List<String> docs = new ArrayList<>();
        for (JsonNode d : b.path("documents")) docs.add(d.asText());
        return HarvestSource.of(b.get("url").asText(), interval, docs, text(b, "clientId"), text(b, "tokenUrl"),
                text(b, "scope"), text(b, "secretVariable"), text(b, "tokenVariable"), Instant.now());
    }

    private static String text(JsonNode b, String f) {
        return b.path(f).isTextual() && !b.get(f).asText().isBlank() ? b.get(f).asText() : null;
    }

    /** A source as JSON: its configuration (variable names, never secrets) and status. */
    public static ObjectNode json(HarvestSource s) {
        ObjectNode o = JSON.createObjectNode().put("id", s.id()).put("url", s.url()).put("interval", s.interval().toString());
        ArrayNode d = o.putArray("documents");
        s.documents().forEach(d::add);
        o.put("clientId", s.clientId()).put("tokenUrl", s.tokenUrl()).put("scope", s.scope())
                .put("secretVariable", s.secretVariable()).put("tokenVariable", s.tokenVariable())
                .put("addedAt", str(s.addedAt())).put("lastAttemptAt", str(s.lastAttemptAt()))
                .put("lastSuccessAt", str(s.lastSuccessAt())).put("lastOutcome", s.lastOutcome())
                .put("lastError", s.lastError()).put("lastErrorAt", str(s.lastErrorAt()))
                .put("failures", s.failures()).put("nextDueAt", str(s.nextDue()));
        return o;
    }

    private static String str(Instant t) { return t == null ? null : t.toString(); }

    private static void send(HttpServletResponse resp, int status, JsonNode body) throws IOException {
        Http.send(resp, status, "application/json", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body) + "\n");
    }
}
