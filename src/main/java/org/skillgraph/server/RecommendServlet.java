package org.skillgraph.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.skillgraph.align.Rankers;
import org.skillgraph.error.InputRejectedException;
import org.skillgraph.error.NotFoundException;
import org.skillgraph.recommend.DocumentText;
import org.skillgraph.recommend.RecommendJson;
import org.skillgraph.recommend.Recommender;
import org.skillgraph.recommend.Splitter;
import org.skillgraph.store.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /api/recommend?target=SCHEME[&top=K][&documentTop=K][&method=M]}: the concepts of a
 * target scheme for each sentence of the body and for the whole document, as JSON
 * ({@link RecommendJson}). The body is the document: plain text, Markdown or HTML by Content-Type,
 * a PDF or .docx file sent as is, or a {@code multipart/form-data} upload whose first file part's
 * name gives the format (a form-encoded body, curl's default, is taken as plain text). Read-only; bodies over {@value #MAX_BYTES} bytes (or the server's body
 * limit, if lower) get 413, documents of more than {@value #MAX_PASSAGES} passages 413, an
 * unknown target 404, a format it cannot read 415; errors are JSON.
 */
public final class RecommendServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(RecommendServlet.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final long MAX_BYTES = 5L * 1024 * 1024;
    static final int MAX_PASSAGES = 2000, MAX_TOP = 100;

    private final transient ServerConfig config;
    private final transient Recommender recommender;

    public RecommendServlet(Registry registry, ServerConfig config) {
        this.config = config;
        this.recommender = new Recommender(registry, registry.directory());
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Allow", "POST");
        Http.jsonError(resp, 405, "method_not_allowed", "POST a document (plain text, HTML, Markdown, PDF, .docx, or a multipart file upload) with ?target=SCHEME");
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            String target = param(req, "target");
            if (target == null || target.isBlank()) {
                Http.jsonError(resp, 400, "bad_request", "give the target scheme as ?target= (a stored framework, or onet-tasks, onet-dwas, onet-elements, esco-skills)");
                return;
            }
            int top = number(req, "top", 5), documentTop = number(req, "documentTop", 20);
            String method = param(req, "method");
            if (method != null && !Rankers.ENGINES.containsKey(method)) {
                Http.jsonError(resp, 400, "bad_request", "unknown method '" + method + "'; one of " + String.join(", ", Rankers.ENGINES.keySet()));
                return;
            }
            long limit = Math.min(MAX_BYTES, config.maxBodyBytes());
            byte[] body = Http.readBody(req, limit);
            if (body == null) {
                Http.jsonError(resp, 413, "payload_too_large", "the document is over the limit of " + limit + " bytes");
                return;
            }
            Upload doc = upload(req, body);
            if (doc.format() == null) {
                Http.jsonError(resp, 415, "unsupported_media_type", "send text/plain, text/markdown, text/html, application/pdf or a .docx file"
                        + " (or a multipart upload of a .txt, .md, .html, .pdf or .docx file); got " + doc.what());
                return;
            }
            String text = DocumentText.extract(doc.bytes(), doc.format(), doc.what());
            List<Splitter.Passage> ps = Splitter.split(text);
            if (ps.size() > MAX_PASSAGES) {
                Http.jsonError(resp, 413, "too_many_passages", "the document has " + ps.size() + " sentences; the limit is " + MAX_PASSAGES);
                return;
            }
            Recommender.Result r = recommender.recommend(target, ps, method, top, documentTop);
            resp.setHeader("Cache-Control", "no-store");
            Http.send(resp, 200, "application/json", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(RecommendJson.of(doc.name(), r)) + "\n");
        } catch (NotFoundException e) {
            Http.jsonError(resp, 404, "not_found", e.getMessage());
        } catch (InputRejectedException e) {
            Http.jsonError(resp, 400, "bad_request", e.getMessage());
        } catch (IllegalArgumentException e) {
            Http.jsonError(resp, 400, "bad_request", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("POST /api/recommend failed", e);
            if (!resp.isCommitted()) Http.jsonError(resp, 500, "internal", "skillgraph failed to answer: " + e.getClass().getSimpleName());
        }
    }

    /**
     * A query-string parameter, read without {@code getParameter} so that a form-encoded body (what
     * {@code curl --data-binary} sends by default) is not consumed as form fields.
     */
    static String param(HttpServletRequest req, String name) {
        String q = req.getQueryString();
        if (q == null) return null;
        for (String kv : q.split("&")) {
            int eq = kv.indexOf('=');
            String k = java.net.URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
            if (k.equals(name)) return eq < 0 ? "" : java.net.URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
        }
        return null;
    }

    private static int number(HttpServletRequest req, String name, int dflt) {
        String v = param(req, name);
        if (v == null || v.isBlank()) return dflt;
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= 1 && n <= MAX_TOP) return n;
        } catch (NumberFormatException e) {
            // falls through to the error
        }
        throw new IllegalArgumentException(name + " must be a whole number from 1 to " + MAX_TOP + ", not '" + v + "'");
    }

    /** The document sent: its bytes, format (null if unknown), file name (may be null) and a description for errors. */
    record Upload(byte[] bytes, DocumentText.Format format, String name, String what) {}

    static Upload upload(HttpServletRequest req, byte[] body) {
        String type = req.getContentType() == null ? "text/plain" : req.getContentType();
        if (type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) return Multipart.firstFile(type, body);
        DocumentText.Format f = type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                ? DocumentText.Format.TXT : DocumentText.formatOfMediaType(type);
        return new Upload(body, f, null, "Content-Type " + type);
    }

    /** The first part with a file name (else the first part) of a multipart/form-data body. */
    static final class Multipart {
        private Multipart() {}

        static Upload firstFile(String contentType, byte[] body) {
            String boundary = null;
            for (String p : contentType.split(";")) {
                String t = p.strip();
                if (t.toLowerCase(Locale.ROOT).startsWith("boundary=")) boundary = t.substring(9).replace("\"", "");
            }
            if (boundary == null || boundary.isEmpty()) throw new IllegalArgumentException("multipart body without a boundary");
            byte[] delim = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
            Upload first = null;
            int at = indexOf(body, delim, 0);
            while (at >= 0) {
                int start = at + delim.length;
                if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') break; // closing delimiter
                int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
                if (headersEnd < 0) break;
                String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
                int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), headersEnd + 4);
                if (next < 0) throw new IllegalArgumentException("multipart body is cut short (no closing boundary)");
                byte[] content = java.util.Arrays.copyOfRange(body, headersEnd + 4, next);
                String name = header(headers, "filename"), partType = header(headers, "content-type");
                DocumentText.Format f = name != null ? DocumentText.formatOf(name) : null;
                if (f == null) f = DocumentText.formatOfMediaType(partType);
                Upload u = new Upload(content, f, name, name != null ? "file " + name : "a part of type " + partType);
                if (name != null) return u;
                if (first == null) first = u;
                at = next + 2;
            }
            if (first == null) throw new IllegalArgumentException("multipart body has no part");
            return first;
        }

        /** A value from the part headers: {@code filename="..."} of Content-Disposition, or the Content-Type line. */
        private static String header(String headers, String name) {
            for (String line : headers.split("\r\n")) {
                String l = line.strip();
                if (name.equals("content-type") && l.toLowerCase(Locale.ROOT).startsWith("content-type:")) return l.substring(13).strip();
                if (name.equals("filename") && l.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("filename=\"([^\"]*)\"|filename=([^;\\s]+)").matcher(l);
                    if (m.find()) return m.group(1) != null ? m.group(1) : m.group(2);
                }
            }
            return null;
        }

        private static int indexOf(byte[] a, byte[] b, int from) {
            outer:
            for (int i = Math.max(0, from); i <= a.length - b.length; i++) {
                for (int j = 0; j < b.length; j++) if (a[i + j] != b[j]) continue outer;
                return i;
            }
            return -1;
        }
    }
}
