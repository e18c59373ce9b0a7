package org.skillgraph.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skillgraph.server.RegistryServer;
import org.skillgraph.server.ServerConfig;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.*;

/** The harvest sources over HTTP, the background schedule and the backoff. */
class SourcesApiTest extends ProviderTestBase {
    static final String TOKEN = "Bearer t0ken";

    RegistryServer copyServer;

    @AfterEach
    void stop() {
        if (copyServer != null) copyServer.close();
    }

    String body(String url, String interval) {
        return JSON.createObjectNode().put("url", url).put("interval", interval).put("tokenVariable", "CASE_TOKEN").toString();
    }

    @Test
    void addListRemoveNeedTheTokenAndKeepNoSecrets() throws Exception {
        copyServer = RegistryServer.start(copy, ServerConfig.defaults(0).withWriteToken("t0ken"));
        assertEquals(401, post(copyServer, "api/sources", "application/json", body(provider.url(), "6h")).statusCode());
        HttpResponse<String> added = post(copyServer, "api/sources", "application/json", body(provider.url() + "/", "6h"), "Authorization", TOKEN);
        assertEquals(201, added.statusCode(), added.body());
        JsonNode s = JSON.readTree(added.body());
        assertEquals(provider.url(), s.get("url").asText());
        assertEquals("PT6H", s.get("interval").asText());
        assertEquals("CASE_TOKEN", s.get("tokenVariable").asText());
        String id = s.get("id").asText();
        assertEquals("/api/sources/" + id, added.headers().firstValue("Location").orElseThrow());
        JsonNode list = JSON.readTree(get(copyServer, "api/sources").body()).get("sources");
        assertEquals(1, list.size());
        assertEquals(id, list.get(0).get("id").asText());
        // Kept in the store, in its own graph, readable over SPARQL: so names of variables only.
        assertEquals(1, new SourceList(copy).list().size());
        assertTrue(new SourceList(copy).covering(provider.url() + "/uri/abc").isPresent());
        assertTrue(new SourceList(copy).covering("https://elsewhere.example.org/uri/abc").isEmpty());

        assertEquals(400, post(copyServer, "api/sources", "application/json", body(provider.url(), "5s"), "Authorization", TOKEN).statusCode());
        assertEquals(400, post(copyServer, "api/sources", "application/json", body("file:///etc/passwd", "1h"), "Authorization", TOKEN).statusCode());
        assertEquals(400, post(copyServer, "api/sources", "application/json", "[1,2", "Authorization", TOKEN).statusCode());
        String badTokenUrl = JSON.createObjectNode().put("url", provider.url()).put("clientId", "c").put("secretVariable", "S")
                .put("tokenUrl", "not a url").toString();
        assertEquals(400, post(copyServer, "api/sources", "application/json", badTokenUrl, "Authorization", TOKEN).statusCode());
        assertEquals(404, get(copyServer, "api/sources/nope").statusCode());

        assertEquals(401, delete(copyServer, "api/sources/" + id, null).statusCode());
        assertEquals(200, delete(copyServer, "api/sources/" + id, TOKEN).statusCode());
        assertEquals(0, JSON.readTree(get(copyServer, "api/sources").body()).get("sources").size());
        assertEquals(404, delete(copyServer, "api/sources/" + id, TOKEN).statusCode());
    }

    @Test
    void loopbackIsRefusedByDefaultAndTheErrorRecorded() throws Exception {
        copyServer = RegistryServer.start(copy, ServerConfig.defaults(0).withWriteToken("t0ken"));
        String b = JSON.createObjectNode().put("url", provider.url()).put("interval", "1h").toString();
        String id = JSON.readTree(post(copyServer, "api/sources", "application/json", b, "Authorization", TOKEN).body()).get("id").asText();
        assertEquals(202, post(copyServer, "api/sources/" + id + "/harvest", "application/json", "", "Authorization", TOKEN).statusCode());
        JsonNode s = poll(id, x -> !x.get("lastAttemptAt").isNull());
        assertEquals(1, s.get("failures").asInt());
        assertTrue(s.get("lastError").asText().contains("--allow-private-addresses"), s.toString());
        assertEquals(Instant.parse(s.get("lastAttemptAt").asText()).plus(Duration.ofHours(2)), Instant.parse(s.get("nextDueAt").asText()));
        assertEquals(0, provider.requests().size());
        assertTrue(copy.list().isEmpty());
    }

    @Test
    void serverHarvestsNewSourcesInTheBackground() throws Exception {
        HarvestService harvest = new HarvestService(copy, HarvestOptions.defaults().withAllowPrivate(true), n -> null);
        copyServer = RegistryServer.start(copy, ServerConfig.defaults(0).withWriteToken("t0ken"), harvest);
        harvest.start(Duration.ofMillis(200));
        String b = JSON.createObjectNode().put("url", provider.url()).put("interval", "1h").toString();
        String id = JSON.readTree(post(copyServer, "api/sources", "application/json", b, "Authorization", TOKEN).body()).get("id").asText();
        JsonNode s = poll(id, x -> !x.get("lastSuccessAt").isNull());
        assertTrue(s.get("lastOutcome").asText().startsWith("3 imported"), s.toString());
        assertEquals(3, copy.list().size());
        assertEquals(200, get(copyServer, "ims/case/v1p1/CFPackages/eb66c1b1-5484-5cd2-ae83-e0adb913f392").statusCode());
        // Not due again for an hour: no further requests.
        int seen = provider.requests().size();
        Thread.sleep(600);
        assertEquals(seen, provider.requests().size());
    }

    @Test
    void backoffDoublesPerFailureUpToADay() {
        Duration h = Duration.ofHours(1);
        assertEquals(h, HarvestSource.wait(h, 0));
        assertEquals(Duration.ofHours(2), HarvestSource.wait(h, 1));
        assertEquals(Duration.ofHours(8), HarvestSource.wait(h, 3));
        assertEquals(Duration.ofDays(1), HarvestSource.wait(h, 10));
        assertEquals(Duration.ofDays(2), HarvestSource.wait(Duration.ofDays(2), 3));
        assertEquals(Duration.ofMinutes(90), HarvestSource.parseInterval("90m"));
        assertEquals(Duration.ofHours(6), HarvestSource.parseInterval("PT6H"));
    }

    JsonNode poll(String id, Predicate<JsonNode> done) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            JsonNode s = JSON.readTree(get(copyServer, "api/sources/" + id).body());
            if (done.test(s)) return s;
            Thread.sleep(100);
        }
        return fail("source " + id + " was not harvested in time");
    }

    static HttpResponse<String> delete(RegistryServer s, String path, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.localUrl() + path)).DELETE();
        if (auth != null) b.header("Authorization", auth);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
