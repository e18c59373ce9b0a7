package org.skillgraph.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.server.ServerConfig;
import org.skillgraph.server.credentials.CredentialsServlet;
import org.skillgraph.store.Registry;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;
import static org.skillgraph.credentials.Fixtures.*;

/** The endpoints on a real server (free port) over a TDB2 store in a temp dir holding the sample data. */
class CredentialsServletTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir static Path dir;
    private static Registry registry;
    private static FusekiServer server;
    private static String base;

    @BeforeAll
    static void start() {
        registry = withSamples(Registry.openTdb2(dir.resolve("store")));
        ServerConfig config = ServerConfig.defaults(0);
        server = FusekiServer.create().port(0)
                .add("/", DataService.newBuilder(registry.dataset()).addEndpoint(Operation.Query, "sparql"))
                .addServlet("/api/*", new CredentialsServlet(registry, config))
                .build().start();
        base = "http://localhost:" + server.getHttpPort() + "/";
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
        if (registry != null) registry.close();
    }

    static HttpResponse<String> post(String path, String type, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", type).timeout(Duration.ofSeconds(60));
        if (headers.length > 0) b.headers(headers);
        return HTTP.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (headers.length > 0) b.headers(headers);
        return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void checkReturnsJsonAndStoresNothing() throws Exception {
        long before = registry.size();
        HttpResponse<String> r = post("api/credentials/check", "application/json", bytes("adapted/ob3-aligned.json"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode j = JSON.readTree(r.body());
        assertFalse(j.get("proofChecked").asBoolean());
        assertEquals(3, j.at("/summary/resolved").asInt());
        assertEquals(1, j.at("/summary/external").asInt());
        assertEquals(2, j.at("/summary/unknown").asInt());
        assertEquals(before, registry.size());
        // the nested CLR too
        JsonNode clr = JSON.readTree(post("api/credentials/check", "application/ld+json", bytes("adapted/clr-nested.json")).body());
        assertEquals(2, clr.get("nestedCredentials").size());
    }

    @Test
    void registryOwnUrlsUseTheRequestBase() throws Exception {
        String body = "{\"uris\": [\"" + base + "uri/" + DAC_2_ID + "\", \"" + base + "resolve?uri="
                + URLEncoder.encode(DAC_1_1, StandardCharsets.UTF_8) + "\", \"https://example.org/x\"]}";
        HttpResponse<String> r = post("api/alignments/resolve", "application/json", body.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode j = JSON.readTree(r.body());
        assertEquals("resolved", j.at("/results/0/status").asText(), r.body());
        assertEquals("registryUrl", j.at("/results/0/matchedBy").asText());
        assertEquals(base + "uri/" + DAC_2_ID, j.at("/results/0/item/registryUrl").asText());
        assertEquals("resolved", j.at("/results/1/status").asText());
        assertEquals("unknown", j.at("/results/2/status").asText());
        // a bare array, and GET with ?uri=
        assertEquals(200, post("api/alignments/resolve", "application/json", ("[\"" + DAC_1 + "\"]").getBytes(StandardCharsets.UTF_8)).statusCode());
        HttpResponse<String> g = get("api/alignments/resolve?uri=" + URLEncoder.encode(DAC_1, StandardCharsets.UTF_8));
        assertEquals("resolved", JSON.readTree(g.body()).at("/results/0/status").asText());
    }

    @Test
    void batchLimit() throws Exception {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 1001; i++) sb.append(i == 0 ? "" : ",").append("\"https://example.org/").append(i).append('"');
        HttpResponse<String> r = post("api/alignments/resolve", "application/json", sb.append(']').toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(413, r.statusCode());
        assertTrue(r.body().contains("1000"), r.body());
        assertEquals(400, post("api/alignments/resolve", "application/json", "{\"uris\": 5}".getBytes(StandardCharsets.UTF_8)).statusCode());
        assertEquals(400, post("api/alignments/resolve", "application/json", "not json".getBytes(StandardCharsets.UTF_8)).statusCode());
    }

    @Test
    void htmlWhenAsked() throws Exception {
        HttpResponse<String> r = post("api/credentials/check", "application/json", bytes("adapted/ob3-aligned.json"),
                "Accept", "text/html,application/xhtml+xml");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(r.body().contains("resolved") && r.body().contains("DAC.1.1") && r.body().contains("signatures/proofs are not verified"));
    }

    @Test
    void userErrorsAreClear() throws Exception {
        HttpResponse<String> notJson = post("api/credentials/check", "application/json", bytes("bad/not-json.txt"));
        assertEquals(400, notJson.statusCode());
        assertEquals("not_json", JSON.readTree(notJson.body()).get("error").asText());
        assertTrue(JSON.readTree(notJson.body()).get("message").asText().contains("not JSON"));

        HttpResponse<String> ctx = post("api/credentials/check", "application/json", bytes("bad/unknown-context.json"));
        assertEquals(422, ctx.statusCode(), ctx.body());
        JsonNode c = JSON.readTree(ctx.body());
        assertEquals("unknown_context", c.get("error").asText());
        assertEquals("https://evil.example.com/contexts/tracking-v1.jsonld", c.get("context").asText());
        assertTrue(c.get("message").asText().contains("https://evil.example.com/contexts/tracking-v1.jsonld"));

        assertEquals(422, post("api/credentials/check", "application/json", bytes("original/validator-clr20-complex.json")).statusCode());
        assertEquals(400, post("api/credentials/check", "application/json", new byte[0]).statusCode());
        assertEquals(405, get("api/credentials/check").statusCode());
        assertEquals(404, get("api/nothing").statusCode());
    }

    @Test
    void twentyMegabytesWithContentLengthIs413WithoutReadingIt() throws Exception {
        long t0 = System.nanoTime();
        try (Socket s = new Socket("localhost", server.getHttpPort())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/credentials/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                    + (20L * 1024 * 1024) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[65536]);
            out.flush();
            String status = statusLine(s.getInputStream());
            assertTrue(status.contains(" 413 "), status);
        }
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 10_000);
    }

    @Test
    void twentyMegabytesChunkedIs413AtTheLimit() throws Exception {
        long t0 = System.nanoTime();
        try (Socket s = new Socket("localhost", server.getHttpPort())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/credentials/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread writer = new Thread(() -> {
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) ' ');
                try {
                    for (int i = 0; i < 320; i++) { // 20 MB
                        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (Exception e) {
                    // the server stopped reading at the limit and closed: expected
                }
            });
            writer.setDaemon(true);
            writer.start();
            String status = statusLine(s.getInputStream());
            assertTrue(status.contains(" 413 "), status);
        }
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 20_000);
    }

    private static String statusLine(InputStream in) throws Exception {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') sb.append((char) c);
        return sb.toString();
    }

    @Test
    void ob3Endpoints() throws Exception {
        HttpResponse<String> a = get("api/ob3/alignment?uri=" + URLEncoder.encode(DAC_1_1, StandardCharsets.UTF_8));
        assertEquals(200, a.statusCode(), a.body());
        JsonNode al = JSON.readTree(a.body());
        assertEquals(DAC_1_1, al.get("targetUrl").asText());
        assertEquals("DAC.1.1", al.get("targetCode").asText());
        assertEquals("CFItem", al.get("targetType").asText());
        assertTrue(a.headers().firstValue("Link").orElse("").contains(DAC_1_1));
        HttpResponse<String> ach = get("api/ob3/achievement?uri=7242f9d2-c323-5d82-bcb3-e66cca774c64");
        assertEquals(200, ach.statusCode());
        JsonNode o = JSON.readTree(ach.body());
        assertEquals("Achievement", o.at("/type/0").asText());
        assertEquals(DAC_1_1, o.at("/alignment/0/targetUrl").asText());
        // the skeleton is a valid JSON-LD document with the shipped contexts
        assertDoesNotThrow(() -> CredentialParser.parse(ach.body().getBytes(StandardCharsets.UTF_8), "achievement"));
        assertEquals(404, get("api/ob3/alignment?uri=https%3A%2F%2Fexample.org%2Fnone").statusCode());
        assertEquals(400, get("api/ob3/alignment").statusCode());
    }
}
