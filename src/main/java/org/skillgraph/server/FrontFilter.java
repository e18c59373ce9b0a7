package org.skillgraph.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.WebContent;
import org.skillgraph.store.Registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Runs before Fuseki: the query page at /, the service description (GET /sparql without a query),
 * VoID at /void, the write-token check on everything that changes data, and the body size limit.
 */
final class FrontFilter implements Filter {
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** SPARQL parsing is not covered by the query time limit, so query bodies get a tighter size limit. */
    static final long MAX_QUERY_BYTES = 256 * 1024;

    private final Registry registry;
    private final ServerConfig config;
    private final byte[] page;

    FrontFilter(Registry registry, ServerConfig config) {
        this.registry = registry;
        this.config = config;
        try (InputStream in = FrontFilter.class.getResourceAsStream("/web/index.html")) {
            this.page = in == null ? "<!doctype html><title>skillgraph</title><p>skillgraph".getBytes(StandardCharsets.UTF_8) : in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String path = req.getRequestURI().substring(req.getContextPath().length());
        String method = req.getMethod();

        long limit = isQuery(path) ? Math.min(config.maxBodyBytes(), MAX_QUERY_BYTES) : config.maxBodyBytes();
        if (req.getContentLengthLong() > limit) {
            resp.setHeader("Connection", "close");
            Http.jsonError(resp, 413, "payload_too_large", "request body of " + req.getContentLengthLong()
                    + " bytes is over the limit of " + limit + " bytes" + (isQuery(path) ? " for a query" : ""));
            return;
        }
        // A body without a length (chunked) is read here, up to the limit, before anything parses it.
        if (req.getContentLengthLong() < 0 && !READ_METHODS.contains(method)) {
            byte[] body = req.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                Http.jsonError(resp, 413, "payload_too_large", "request body is over the limit of " + limit + " bytes"
                        + (isQuery(path) ? " for a query" : ""));
                return;
            }
            req = new BufferedRequest(req, body);
        }
        if (isWrite(path, method) && !authorized(req, config)) {
            // A refused write leaves its body unread: say the connection closes, so clients don't reuse it.
            resp.setHeader("Connection", "close");
            String auth = req.getHeader("Authorization");
            if (config.readOnly()) {
                Http.jsonError(resp, 403, "read_only", "this registry is read-only; start it with --write-token (or SKILLGRAPH_WRITE_TOKEN) to allow updates");
            } else if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                resp.setHeader("WWW-Authenticate", "Bearer realm=\"skillgraph\"");
                Http.jsonError(resp, 401, "unauthorized", "updates need the header 'Authorization: Bearer <write token>'");
            } else {
                Http.jsonError(resp, 403, "forbidden", "the bearer token is not this registry's write token");
            }
            return;
        }
        if (READ_METHODS.contains(method)) {
            try {
                if (readOnlyPage(req, resp, path, method)) return;
            } catch (org.skillgraph.error.StoreUnavailableException e) {
                Http.jsonError(resp, 503, "store_unavailable", e.getMessage());
                return;
            }
        }
        try {
            chain.doFilter(req, READ_METHODS.contains(method) ? resp : new ClosingOnError(resp));
        } finally {
            if (isWrite(path, method)) registry.touch(); // cached ETags of the CASE API and /uri change
        }
    }

    /** The page, the service description and VoID; false when the request is for something else. */
    private boolean readOnlyPage(HttpServletRequest req, HttpServletResponse resp, String path, String method) throws IOException {
        if (path.equals("/") || path.equals("/index.html")) {
            resp.setContentType("text/html; charset=utf-8");
            resp.setContentLength(page.length);
            if (!method.equals("HEAD")) resp.getOutputStream().write(page);
            return true;
        }
        if ((path.equals("/sparql") || path.equals("/query")) && req.getParameter("query") == null && method.equals("GET")) {
            describe(req, resp, Descriptions.serviceDescription(registry, Http.base(req, config)));
            return true;
        }
        if (path.equals("/void")) {
            describe(req, resp, Descriptions.voidDescription(registry, Http.base(req, config)));
            return true;
        }
        return false;
    }

    private static boolean isQuery(String path) {
        return path.equals("/sparql") || path.equals("/query") || path.equals("/");
    }

    private static boolean authorized(HttpServletRequest req, ServerConfig config) {
        String auth = req.getHeader("Authorization");
        return !config.readOnly() && auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
                && MessageDigest.isEqual(auth.substring(7).trim().getBytes(StandardCharsets.UTF_8),
                        config.writeToken().getBytes(StandardCharsets.UTF_8));
    }

    /** POSTs under /api that only read: they compute an answer from the body and change nothing. */
    private static final Set<String> READ_ONLY_POSTS =
            Set.of("/api/credentials/check", "/api/alignments/resolve", "/api/recommend");

    /** Whether a request changes data, and so needs the write token. */
    static boolean isWrite(String path, String method) {
        if (path.equals("/update")) return !method.equals("OPTIONS");
        if (path.equals("/data")) return !READ_METHODS.contains(method);
        if (path.startsWith("/api/")) {
            return !READ_METHODS.contains(method) && !(method.equals("POST") && READ_ONLY_POSTS.contains(path));
        }
        return false;
    }

    private static void describe(HttpServletRequest req, HttpServletResponse resp, org.apache.jena.rdf.model.Model m) throws IOException {
        String accept = req.getHeader("Accept") == null ? "" : req.getHeader("Accept");
        RDFFormat fmt = RDFFormat.TURTLE;
        String type = WebContent.contentTypeTurtle;
        if (accept.contains("application/ld+json")) { fmt = RDFFormat.JSONLD11; type = WebContent.contentTypeJSONLD; }
        else if (accept.contains("application/rdf+xml")) { fmt = RDFFormat.RDFXML; type = WebContent.contentTypeRDFXML; }
        else if (accept.contains("application/n-triples")) { fmt = RDFFormat.NTRIPLES; type = WebContent.contentTypeNTriples; }
        resp.setStatus(200);
        resp.setContentType(type + "; charset=utf-8");
        resp.setHeader("Vary", "Accept");
        org.apache.jena.riot.RDFDataMgr.write(resp.getOutputStream(), m, fmt);
    }

    /**
     * A response to a request with a body that closes the connection when it is an error: a handler
     * that refuses a request may leave its body unread, and a client reusing the connection would
     * then fail on its next request.
     */
    private static final class ClosingOnError extends jakarta.servlet.http.HttpServletResponseWrapper {
        ClosingOnError(HttpServletResponse resp) { super(resp); }

        private void closeIfError(int sc) { if (sc >= 400 && !isCommitted()) setHeader("Connection", "close"); }

        @Override public void setStatus(int sc) { closeIfError(sc); super.setStatus(sc); }
        @Override public void sendError(int sc) throws IOException { closeIfError(sc); super.sendError(sc); }
        @Override public void sendError(int sc, String msg) throws IOException { closeIfError(sc); super.sendError(sc, msg); }
    }

    /** A request whose body was already read into memory. */
    private static final class BufferedRequest extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final byte[] body;
        private jakarta.servlet.ServletInputStream in;

        BufferedRequest(HttpServletRequest req, byte[] body) {
            super(req);
            this.body = body;
        }

        @Override
        public long getContentLengthLong() { return body.length; }

        @Override
        public int getContentLength() { return body.length; }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() {
            if (in != null) return in;
            java.io.ByteArrayInputStream bytes = new java.io.ByteArrayInputStream(body);
            in = new jakarta.servlet.ServletInputStream() {
                @Override public int read() { return bytes.read(); }
                @Override public int read(byte[] buf, int off, int len) { return bytes.read(buf, off, len); }
                @Override public boolean isFinished() { return bytes.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(jakarta.servlet.ReadListener l) { throw new IllegalStateException("blocking only"); }
            };
            return in;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String enc = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), enc));
        }
    }

    @Override
    public void init(jakarta.servlet.FilterConfig filterConfig) {}

    @Override
    public void destroy() {}
}
