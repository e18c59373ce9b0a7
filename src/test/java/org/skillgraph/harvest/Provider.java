package org.skillgraph.harvest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * A CASE provider for tests: a small HTTP server on loopback that forwards to a real skillgraph
 * server (its CASE API) and counts the requests, or answers package requests with a fault.
 */
final class Provider implements AutoCloseable {
    enum Fault { NONE, CUT_MID_BODY, STATUS_500, TRUNCATED_JSON, OTHER_PACKAGE, SLOW, GARBAGE_LISTING }

    private final HttpServer server;
    private final String origin;
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<String> requests = new ArrayList<>();
    private volatile Fault fault = Fault.NONE;
    /** For OTHER_PACKAGE: which package identifier is sent instead. */
    private volatile String otherPackage;
    private volatile boolean dropLink;
    /** When set: client id, secret and the access token its token endpoint (/token) hands out and then requires. */
    private volatile String[] oauth;

    /** {@code origin}: the base URL of the real server, e.g. http://localhost:1234/ */
    Provider(String origin) throws IOException {
        this.origin = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    String url() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

    void fault(Fault f) { fault = f; }
    void otherPackage(String id) { otherPackage = id; }
    void dropLinkHeader() { dropLink = true; }
    void requireOAuth(String clientId, String secret, String token) { oauth = new String[]{clientId, secret, token}; }

    synchronized List<String> requests() { return List.copyOf(requests); }
    synchronized void clear() { requests.clear(); }
    synchronized long packageRequests() { return requests.stream().filter(r -> r.contains("/CFPackages/")).count(); }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
        synchronized (this) { requests.add(path); }
        try (ex) {
            String[] o = oauth;
            if (o != null && path.equals("/token")) {
                String basic = "Basic " + java.util.Base64.getEncoder().encodeToString((o[0] + ":" + o[1]).getBytes(StandardCharsets.UTF_8));
                String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean ok = ex.getRequestMethod().equals("POST") && basic.equals(ex.getRequestHeaders().getFirst("Authorization"))
                        && form.contains("grant_type=client_credentials");
                send(ex, ok ? 200 : 401, (ok ? "{\"access_token\":\"" + o[2] + "\",\"token_type\":\"bearer\",\"expires_in\":3600}"
                        : "{\"error\":\"invalid_client\"}").getBytes(StandardCharsets.UTF_8), "application/json");
                return;
            }
            if (o != null && !("Bearer " + o[2]).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                send(ex, 401, "{\"imsx_codeMajor\":\"failure\",\"imsx_description\":\"unauthorized\"}".getBytes(StandardCharsets.UTF_8), "application/json");
                return;
            }
            boolean pkg = path.contains("/CFPackages/");
            Fault f = fault;
            if (f == Fault.GARBAGE_LISTING && path.contains("/CFDocuments")) {
                send(ex, 200, "<html><body>maintenance</body></html>".getBytes(StandardCharsets.UTF_8), "text/html");
                return;
            }
            if (pkg && f == Fault.STATUS_500) {
                send(ex, 500, "{\"imsx_codeMajor\":\"failure\",\"imsx_description\":\"database on fire\"}".getBytes(StandardCharsets.UTF_8), "application/json");
                return;
            }
            if (pkg && f == Fault.SLOW) {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String target = path;
            if (pkg && f == Fault.OTHER_PACKAGE) target = path.substring(0, path.indexOf("/CFPackages/") + 12) + otherPackage;
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin + target));
            String inm = ex.getRequestHeaders().getFirst("If-None-Match");
            if (inm != null) b.header("If-None-Match", inm);
            HttpResponse<byte[]> r;
            try {
                r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            for (String h : List.of("ETag", "X-Total-Count", "Last-Modified"))
                r.headers().firstValue(h).ifPresent(v -> ex.getResponseHeaders().set(h, v));
            if (!dropLink) r.headers().firstValue("Link").ifPresent(v -> ex.getResponseHeaders().set("Link", v.replace(origin, url())));
            byte[] body = r.body();
            if (pkg && r.statusCode() == 200 && f == Fault.TRUNCATED_JSON) body = java.util.Arrays.copyOf(body, body.length / 2);
            if (pkg && r.statusCode() == 200 && f == Fault.CUT_MID_BODY) {
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, body.length);
                OutputStream out = ex.getResponseBody();
                out.write(body, 0, body.length / 2);
                out.flush();
                // the exchange is closed with bytes missing: the connection drops
                return;
            }
            send(ex, r.statusCode(), body, r.headers().firstValue("Content-Type").orElse("application/json"));
        }
    }

    private static void send(HttpExchange ex, int status, byte[] body, String type) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        if (status == 304) {
            ex.sendResponseHeaders(304, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        ex.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
