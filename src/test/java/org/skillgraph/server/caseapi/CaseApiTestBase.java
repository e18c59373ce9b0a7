package org.skillgraph.server.caseapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.pipeline.Pipeline;
import org.skillgraph.pipeline.Source;
import org.skillgraph.server.RegistryServer;
import org.skillgraph.server.ServerConfig;
import org.skillgraph.store.Registry;
import org.skillgraph.testutil.TestData;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The real server on a free port over a TDB2 store in a temp folder holding the three sample
 * frameworks (two CASE 1.1, one CASE 1.0) and the CASE 1.1 test fixture (concepts, rubric, grouping,
 * an association into another framework). Every body a helper receives is validated against the
 * official schema of its version.
 */
abstract class CaseApiTestBase {
    static final String CERT = "eb66c1b1-5484-5cd2-ae83-e0adb913f392";     // CASE 1.1 sample
    static final String JOB = "625f1aad-c018-5511-8681-4b1001258b3e";      // CASE 1.1 sample
    static final String SALT = "20c5134f-423d-4097-a971-3dd5152bf507";     // CASE 1.0 sample (OpenSALT)
    static final String FIX = "7d1e0001-0b5c-4a6e-9f10-000000000001";      // CASE 1.1 fixture
    static final List<String> ALL_DOCUMENTS = List.of(CERT, JOB, SALT, FIX);

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir static Path dir;
    static Registry registry;
    static RegistryServer server;

    static void start(ServerConfig config) {
        registry = Registry.openTdb2(dir.resolve("store"));
        Pipeline p = new Pipeline();
        for (String f : List.of("data-analytics-certificate.json", "data-analyst-job-role.json", "opensalt-what-standards-could-be.json"))
            p.importInto(registry, Source.file(TestData.sample(f)), n -> {});
        p.importInto(registry, Source.file(fixture()), n -> {});
        server = RegistryServer.start(registry, config);
    }

    static Path fixture() {
        try {
            return Path.of(CaseApiTestBase.class.getClassLoader().getResource("caseapi/fixture-v1p1-definitions.json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (registry != null) registry.close();
        server = null;
        registry = null;
    }

    static String api(ApiVersion v) { return "ims/case/" + v.segment() + "/"; }

    static HttpResponse<String> send(String method, String path, String... headers) throws IOException, InterruptedException {
        String url = path.startsWith("http") ? path : server.localUrl() + path;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) b.headers(headers);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return send("GET", path, headers);
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return SpecSchemas.JSON.readTree(r.body());
    }

    static void assertJsonType(HttpResponse<String> r) {
        String ct = r.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT).replace(" ", "");
        assertTrue(ct.startsWith("application/json") && ct.contains("charset=utf-8"), "Content-Type " + ct);
    }

    /** GET, expect 200, JSON, and a body valid against {@code schema}; returns the body. */
    static JsonNode ok(String path, JsonSchema schema) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        assertJsonType(r);
        JsonNode body = json(r);
        List<String> violations = SpecSchemas.violations(schema, body);
        assertTrue(violations.isEmpty(), path + " does not conform:\n" + String.join("\n", violations) + "\n" + r.body());
        return body;
    }

    /** GET in version v, expect 200 and a body valid against the shape {@code shape} of v (e.g. "CFItem"). */
    static JsonNode ok(ApiVersion v, String path, String shape) throws IOException, InterruptedException {
        return ok(api(v) + path, SpecSchemas.of(v, shape));
    }

    /** Expect an imsx_StatusInfo error of v with this HTTP status and code minor; returns the body. */
    static JsonNode failure(ApiVersion v, HttpResponse<String> r, int status, String codeMinor) throws IOException {
        assertEquals(status, r.statusCode(), r.uri() + ": " + r.body());
        assertJsonType(r);
        JsonNode body = json(r);
        List<String> violations = SpecSchemas.violations(SpecSchemas.of(v, "imsx_StatusInfo"), body);
        assertTrue(violations.isEmpty(), String.join("\n", violations) + "\n" + r.body());
        assertEquals("failure", body.get("imsx_codeMajor").asText());
        assertEquals("error", body.get("imsx_severity").asText());
        assertEquals(codeMinor, body.at("/imsx_codeMinor/imsx_codeMinorField/0/imsx_codeMinorFieldValue").asText(), r.body());
        assertFalse(body.get("imsx_description").asText().isBlank());
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), "no stack trace: " + r.body());
        return body;
    }

    static JsonNode failure(ApiVersion v, String path, int status, String codeMinor) throws IOException, InterruptedException {
        return failure(v, get(api(v) + path), status, codeMinor);
    }
}
