package org.skillgraph.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skillgraph.store.Registry;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** POST /api/recommend over HTTP, on the sample frameworks (target: the Data Analyst Job Role). */
class RecommendServerTest extends ServerTestBase {
    static final String ROLE = "625f1aad-c018-5511-8681-4b1001258b3e";
    static final ObjectMapper JSON = new ObjectMapper();
    Registry registry;
    RegistryServer server;

    @BeforeEach
    void start() {
        registry = openWithSamples(tmp.resolve("store"));
        server = RegistryServer.start(registry, ServerConfig.defaults(0).withWriteToken("secret"));
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
    }

    static byte[] fixture(String name) throws Exception {
        return Files.readAllBytes(Path.of(RecommendServerTest.class.getResource("/recommend/" + name).toURI()));
    }

    HttpResponse<String> postBytes(String query, String contentType, byte[] body) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(server.localUrl() + "api/recommend" + query))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void plainTextNeedsNoTokenAndGetsJson() throws Exception {
        HttpResponse<String> r = post(server, "/api/recommend?target=" + ROLE + "&method=bm25&top=2", "text/plain; charset=utf-8",
                "Responsibilities:\n- Write SQL queries that join tables from the data warehouse\n- Build dashboards in Tableau for the sales team\n");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode j = JSON.readTree(r.body());
        assertEquals(2, j.get("passages").size());
        assertEquals("DA.1.1", j.at("/passages/0/recommendations/0/notation").asText());
        assertEquals("DA.3.1", j.at("/passages/1/recommendations/0/notation").asText());
        assertEquals(2, j.at("/passages/0/recommendations").size());
        assertEquals("technical", j.at("/recommendations/0/type").asText());
        assertTrue(j.at("/recommendations/0/support").isArray());
    }

    @Test
    void multipartUploadOfADocx() throws Exception {
        String boundary = "----skillgraphTestBoundary";
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nnot the file\r\n").getBytes(StandardCharsets.UTF_8));
        b.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"syllabus.docx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        b.write(fixture("syllabus.docx"));
        b.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = postBytes("?target=" + ROLE + "&method=bm25", "multipart/form-data; boundary=" + boundary, b.toByteArray());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode j = JSON.readTree(r.body());
        assertEquals("syllabus.docx", j.get("document").asText());
        assertEquals(7, j.get("passages").size());
        assertEquals("Write SQL queries that join and aggregate tables", j.at("/passages/2/text").asText());
    }

    @Test
    void pdfSentAsIs() throws Exception {
        HttpResponse<String> r = postBytes("?target=" + ROLE + "&method=bm25", "application/pdf", fixture("syllabus.pdf"));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(7, JSON.readTree(r.body()).get("passages").size());
    }

    @Test
    void tooLargeBodyIs413Json() throws Exception {
        byte[] big = "Write SQL queries every day. ".repeat(200_000).getBytes(StandardCharsets.UTF_8); // ~5.8 MB
        assertTrue(big.length > RecommendServlet.MAX_BYTES);
        HttpResponse<String> r = postBytes("?target=" + ROLE, "text/plain", big);
        assertEquals(413, r.statusCode(), r.body());
        JsonNode j = JSON.readTree(r.body());
        assertEquals("payload_too_large", j.get("error").asText());
        assertTrue(j.get("message").asText().contains(Long.toString(RecommendServlet.MAX_BYTES)), r.body());
    }

    @Test
    void unknownTargetIs404NamingIt() throws Exception {
        HttpResponse<String> r = post(server, "/api/recommend?target=no-such-framework", "text/plain", "Write SQL queries every day.");
        assertEquals(404, r.statusCode(), r.body());
        JsonNode j = JSON.readTree(r.body());
        assertEquals("not_found", j.get("error").asText());
        assertTrue(j.get("message").asText().contains("no-such-framework"), r.body());
    }

    @Test
    void anErrorToARequestWithABodyClosesTheConnection() throws Exception {
        // The servlet refuses before reading the body; a client must not reuse the connection.
        try (java.net.Socket s = new java.net.Socket("localhost", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("POST /api/recommend HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: 5\r\n\r\nhello").getBytes(StandardCharsets.US_ASCII));
            String head = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(head.startsWith("HTTP/1.1 400"), head);
            assertTrue(head.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), head);
        }
    }

    @Test
    void badRequestsAreJsonErrors() throws Exception {
        HttpResponse<String> noTarget = post(server, "/api/recommend", "text/plain", "Write SQL queries every day.");
        assertEquals(400, noTarget.statusCode(), noTarget.body());
        assertTrue(noTarget.body().contains("target"), noTarget.body());
        HttpResponse<String> badTop = post(server, "/api/recommend?target=" + ROLE + "&top=0", "text/plain", "Write SQL queries every day.");
        assertEquals(400, badTop.statusCode(), badTop.body());
        HttpResponse<String> badType = postBytes("?target=" + ROLE, "image/png", new byte[]{1, 2, 3});
        assertEquals(415, badType.statusCode(), badType.body());
        HttpResponse<String> notPdf = postBytes("?target=" + ROLE, "application/pdf", "hello".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, notPdf.statusCode(), notPdf.body());
        assertEquals("bad_request", JSON.readTree(notPdf.body()).get("error").asText());
        HttpResponse<String> get = get(server, "/api/recommend?target=" + ROLE);
        assertEquals(405, get.statusCode(), get.body());
    }
}
