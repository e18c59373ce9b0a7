package org.skillgraph.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.update.UpdateFactory;
import org.skillgraph.store.SparqlEndpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * /sparql, /query, /update and /data when the registry is in an external store: the request is
 * checked here (a query or update must parse; a query may not use SERVICE), then sent on to the
 * store's endpoint with the store's own credentials (never the caller's), and the store's answer
 * (status, content type, body) goes back as it is. The write token is checked before, by
 * {@link FrontFilter}, exactly as for TDB2. A query gets the server's query time limit, to its
 * first byte of answer.
 */
final class ForwardServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(ForwardServlet.class);
    private static final Set<String> GRAPH_STORE_METHODS = Set.of("GET", "HEAD", "PUT", "POST", "DELETE");

    enum Kind { QUERY, UPDATE, GRAPH_STORE }

    private final Kind kind;
    private final SparqlEndpoints at;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ForwardServlet(Kind kind, SparqlEndpoints at, Duration queryTimeout) {
        this.kind = kind;
        this.at = at;
        this.timeout = queryTimeout;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String method = req.getMethod();
        if (method.equals("OPTIONS")) {
            resp.setHeader("Allow", kind == Kind.GRAPH_STORE ? "GET, HEAD, PUT, POST, DELETE, OPTIONS" : kind == Kind.QUERY ? "GET, POST, OPTIONS" : "POST, OPTIONS");
            resp.setStatus(200);
            return;
        }
        HttpRequest.Builder out;
        switch (kind) {
            case QUERY -> {
                if (!method.equals("GET") && !method.equals("POST")) {
                    Http.jsonError(resp, 405, "method_not_allowed", "a query is sent with GET or POST");
                    return;
                }
                String q = text(req, "query", "application/sparql-query");
                if (q == null) {
                    Http.jsonError(resp, 400, "bad_request", "give a query: ?query=..., a form field 'query', or a body of type application/sparql-query");
                    return;
                }
                Query parsed;
                try {
                    parsed = QueryFactory.create(q, Syntax.syntaxARQ);
                } catch (QueryParseException e) {
                    Http.send(resp, 400, "text/plain", "Parse error: \n" + q + "\n\n" + e.getMessage() + "\n");
                    return;
                }
                if (usesService(parsed)) {
                    Http.jsonError(resp, 400, "service_not_allowed", "SERVICE is not forwarded to the external store");
                    return;
                }
                String params = datasetParams(req);
                if (!params.isEmpty() && at.query().contains("?")) params = "&" + params.substring(1);
                out = HttpRequest.newBuilder(URI.create(at.query() + params))
                        .POST(HttpRequest.BodyPublishers.ofString(q, StandardCharsets.UTF_8))
                        .header("Content-Type", "application/sparql-query; charset=utf-8")
                        .timeout(timeout);
            }
            case UPDATE -> {
                if (!method.equals("POST")) {
                    Http.jsonError(resp, 405, "method_not_allowed", "an update is sent with POST");
                    return;
                }
                String u = text(req, "update", "application/sparql-update");
                if (u == null) {
                    Http.jsonError(resp, 400, "bad_request", "give an update: a form field 'update' or a body of type application/sparql-update");
                    return;
                }
                try {
                    UpdateFactory.create(u, Syntax.syntaxARQ);
                } catch (QueryParseException e) {
                    Http.send(resp, 400, "text/plain", "Parse error: \n" + u + "\n\n" + e.getMessage() + "\n");
                    return;
                }
                out = HttpRequest.newBuilder(URI.create(at.update()))
                        .POST(HttpRequest.BodyPublishers.ofString(u, StandardCharsets.UTF_8))
                        .header("Content-Type", "application/sparql-update; charset=utf-8");
            }
            default -> {
                if (!GRAPH_STORE_METHODS.contains(method)) {
                    Http.jsonError(resp, 405, "method_not_allowed", method + " is not a Graph Store Protocol method");
                    return;
                }
                String qs = req.getQueryString();
                String target = at.graphStore() + (qs == null ? "" : (at.graphStore().contains("?") ? "&" : "?") + qs);
                byte[] body = req.getInputStream().readAllBytes();
                HttpRequest.BodyPublisher pub = body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
                out = HttpRequest.newBuilder(URI.create(target)).method(method, pub);
                if (req.getContentType() != null) out.header("Content-Type", req.getContentType());
            }
        }
        if (req.getHeader("Accept") != null) out.header("Accept", req.getHeader("Accept"));
        if (at.authorization() != null) out.header("Authorization", at.authorization());
        send(out.build(), resp, method.equals("HEAD"));
    }

    private void send(HttpRequest request, HttpServletResponse resp, boolean head) throws IOException {
        String store = request.uri().getScheme() + "://" + request.uri().getAuthority() + request.uri().getPath();
        HttpResponse<InputStream> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            resp.setHeader("Retry-After", "5");
            Http.jsonError(resp, 503, "timeout", "the store at " + store + " did not answer within the query time limit of "
                    + timeout.toSeconds() + " s (query timed out)");
            return;
        } catch (IOException e) {
            LOG.warn("forwarding to {} failed: {}", store, e.toString());
            Http.jsonError(resp, 503, "store_unavailable", "the store at " + store + " could not be reached (" + e.getClass().getSimpleName() + ")");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Http.jsonError(resp, 503, "store_unavailable", "interrupted");
            return;
        }
        resp.setStatus(r.statusCode());
        r.headers().firstValue("Content-Type").ifPresent(resp::setContentType);
        try (InputStream in = r.body()) {
            if (head) return;
            OutputStream o = resp.getOutputStream();
            in.transferTo(o);
        }
    }

    /** The query or update text: a parameter (GET, or a form), or the whole body when of {@code bodyType}. */
    private static String text(HttpServletRequest req, String param, String bodyType) throws IOException {
        String ct = req.getContentType() == null ? "" : req.getContentType().toLowerCase(java.util.Locale.ROOT);
        if (req.getMethod().equals("POST") && ct.startsWith(bodyType))
            return new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return req.getParameter(param);
    }

    /** The protocol's dataset parameters (default-graph-uri, named-graph-uri), passed on. */
    private static String datasetParams(HttpServletRequest req) {
        StringBuilder sb = new StringBuilder();
        for (String name : new String[]{"default-graph-uri", "named-graph-uri"}) {
            String[] values = req.getParameterValues(name);
            if (values == null) continue;
            for (String v : values)
                sb.append(sb.length() == 0 ? '?' : '&').append(name).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    private static boolean usesService(Query q) {
        if (q.getQueryPattern() == null) return false;
        boolean[] found = {false};
        ElementWalker.walk(q.getQueryPattern(), new ElementVisitorBase() {
            @Override
            public void visit(ElementService el) { found[0] = true; }

            @Override
            public void visit(org.apache.jena.sparql.syntax.ElementSubQuery el) { found[0] |= usesService(el.getQuery()); }
        });
        return found[0];
    }
}
