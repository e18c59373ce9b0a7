package org.skillgraph.server.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.skillgraph.diff.Diffs;
import org.skillgraph.diff.FrameworkDiff;
import org.skillgraph.error.InputRejectedException;
import org.skillgraph.error.NotFoundException;
import org.skillgraph.server.Http;
import org.skillgraph.server.ServerConfig;
import org.skillgraph.store.Registry;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The catalog as JSON, read-only:
 * <pre>
 *   GET /api/frameworks                      every framework: title, publisher, versions, counts, hash, status, provenance
 *   GET /api/frameworks/{id}                 one framework with its versions
 *   GET /api/frameworks/{id}/diff?from=&amp;to=  what changed between two versions (JSON; text with format=text or Accept: text/plain)
 * </pre>
 * {@code id} is the framework's identifier (path-encoded).
 */
public final class FrameworksServlet extends HttpServlet {
    private final transient Registry registry;
    private final transient ServerConfig config;

    public FrameworksServlet(Registry registry, ServerConfig config) {
        this.registry = registry;
        this.config = config;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String prefix = req.getContextPath() + req.getServletPath();
        String rest = req.getRequestURI().substring(prefix.length());
        CatalogView view = new CatalogView(registry, Http.base(req, config));
        try {
            if (rest.isEmpty() || rest.equals("/")) {
                json(resp, view.list());
                return;
            }
            String[] parts = rest.substring(1).split("/", -1);
            String id = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            if (parts.length == 1 || parts.length == 2 && parts[1].isEmpty()) {
                json(resp, view.one(registry.find(id)));
            } else if (parts.length == 2 && parts[1].equals("diff")) {
                FrameworkDiff d = Diffs.compare(registry, id, number(req, "from"), number(req, "to"));
                String accept = req.getHeader("Accept");
                boolean text = "text".equals(req.getParameter("format"))
                        || req.getParameter("format") == null && accept != null && accept.startsWith("text/plain");
                if (text) Http.send(resp, 200, "text/plain", d.toText());
                else json(resp, d.toJson());
            } else {
                Http.jsonError(resp, 404, "not_found", "no such resource: " + req.getRequestURI()
                        + " (try /api/frameworks, /api/frameworks/{id}, /api/frameworks/{id}/diff)");
            }
        } catch (NotFoundException e) {
            Http.jsonError(resp, 404, "not_found", e.getMessage());
        } catch (InputRejectedException e) {
            Http.jsonError(resp, 400, "bad_request", e.getMessage());
        }
    }

    private static Long number(HttpServletRequest req, String name) {
        String v = req.getParameter(name);
        if (v == null || v.isBlank()) return null;
        try {
            long n = Long.parseLong(v.strip().replaceFirst("^[vV]", ""));
            if (n < 1) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new InputRejectedException("query parameter " + name, null, "a version number (1, 2, ...) was expected, not '" + v + "'");
        }
    }

    private static void json(HttpServletResponse resp, ObjectNode body) throws IOException {
        Http.send(resp, 200, "application/json", body.toPrettyString() + "\n");
    }
}
