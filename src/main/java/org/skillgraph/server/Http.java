package org.skillgraph.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Small helpers shared by the handlers: base address, plain errors, bodies. */
public final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Http() {}

    /** The public base address: --base-uri when given, else what the request was sent to. Ends with '/'. */
    public static String base(HttpServletRequest req, ServerConfig config) {
        if (config.baseUri() != null) return config.baseUri();
        StringBuilder sb = new StringBuilder().append(req.getScheme()).append("://").append(req.getServerName());
        int port = req.getServerPort();
        if (!(req.getScheme().equals("http") && port == 80) && !(req.getScheme().equals("https") && port == 443)) sb.append(':').append(port);
        return sb.append(req.getContextPath()).append('/').toString();
    }

    /** A JSON error body {"status":..,"error":..,"message":..}. */
    public static void jsonError(HttpServletResponse resp, int status, String error, String message) throws IOException {
        ObjectNode o = JSON.createObjectNode().put("status", status).put("error", error).put("message", message);
        send(resp, status, "application/json", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n");
    }

    /** 405 with the Allow header and a JSON error. */
    public static void methodNotAllowed(HttpServletResponse resp, String allow) throws IOException {
        resp.setHeader("Allow", allow);
        jsonError(resp, 405, "method_not_allowed", "use " + allow);
    }

    public static void send(HttpServletResponse resp, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType(contentType.contains("charset") ? contentType : contentType + "; charset=utf-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    /** The request body, or null when it is over {@code limit} bytes (declared or read; never reads more than limit + 1). */
    public static byte[] readBody(HttpServletRequest req, long limit) throws IOException {
        long declared = req.getContentLengthLong();
        if (declared > limit) return null;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
        byte[] buf = new byte[16384];
        long total = 0;
        try (java.io.InputStream in = req.getInputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > limit) return null;
                out.write(buf, 0, n);
            }
        }
        return out.toByteArray();
    }

    public static String htmlEscape(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
