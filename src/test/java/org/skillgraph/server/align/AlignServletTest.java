package org.skillgraph.server.align;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skillgraph.align.AlignVocab;
import org.skillgraph.align.Aligner;
import org.skillgraph.reference.onet.OnetImporter;
import org.skillgraph.server.RegistryServer;
import org.skillgraph.server.ServerConfig;
import org.skillgraph.server.ServerTestBase;
import org.skillgraph.store.Registry;
import org.skillgraph.testutil.TestData;
import org.skillgraph.vocab.SG;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** GET /api/align/suggest and POST /api/align/accept over HTTP, on the samples and the O*NET test subset, with bm25. */
class AlignServletTest extends ServerTestBase {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKEN = "s3cret";
    Registry registry;
    RegistryServer server;
    String jobRole;

    @BeforeEach
    void start() {
        registry = openWithSamples(tmp.resolve("store"));
        OnetImporter.importInto(registry, onetSubset(), null, n -> {});
        jobRole = registry.list().stream().filter(e -> e.title().equals("Data Analyst Job Role")).findFirst().orElseThrow().identifier();
        server = RegistryServer.start(registry, ServerConfig.defaults(0).withWriteToken(TOKEN));
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
        if (registry != null) registry.close();
        System.clearProperty("skillgraph.align.maxPairs");
    }

    static Path onetSubset() {
        return TestData.projectDir().resolve("src/test/resources/onet/subset");
    }

    String suggestPath(String source, String target, String more) {
        return "/api/align/suggest?source=" + enc(source) + "&target=" + enc(target) + more;
    }

    static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        return JSON.readTree(r.body());
    }

    static void assertError(HttpResponse<String> r, int status, String parameter) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode j = json(r);
        assertEquals(status, j.get("status").asInt());
        assertEquals(parameter, j.path("parameter").asText(null), r.body());
        assertTrue(j.get("message").asText().contains(parameter), r.body());
    }

    List<Quad> alignmentQuads() {
        return registry.read(d -> {
            List<Quad> l = new ArrayList<>();
            d.find(AlignVocab.ALIGNMENTS_GRAPH, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(l::add);
            return l;
        });
    }

    @Test
    void suggestComputesWithoutStoringThenServesTheStoredRun() throws Exception {
        HttpResponse<String> r = get(server, suggestPath(jobRole, "onet-elements", "&top=3&method=bm25"));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode j = json(r);
        assertEquals("computed", j.get("from").asText());
        assertEquals("bm25", j.get("method").asText());
        JsonNode ss = j.get("suggestions");
        assertEquals(26 * 3, ss.size(), "26 items x top 3");
        JsonNode first = ss.get(0);
        for (String k : List.of("source", "source_label", "target", "target_notation", "target_label", "score", "rank"))
            assertTrue(first.has(k), k + " in " + first);
        assertTrue(first.get("target").asText().startsWith("https://w3id.org/skillgraph/onet/element/"), first.toString());
        assertEquals(1, first.get("rank").asInt());
        for (int i = 0; i < ss.size(); i += 3) {
            assertEquals(ss.get(i).get("source"), ss.get(i + 2).get("source"), "three per source, together");
            assertEquals(List.of(1, 2, 3), List.of(ss.get(i).get("rank").asInt(), ss.get(i + 1).get("rank").asInt(), ss.get(i + 2).get("rank").asInt()));
            assertTrue(ss.get(i).get("score").asDouble() >= ss.get(i + 2).get("score").asDouble(), "best first");
        }
        // A GET stores nothing.
        assertEquals(List.of(), alignmentQuads());
        long suggestionGraphs = registry.read(d -> {
            long n = 0;
            for (var it = d.listGraphNodes(); it.hasNext(); ) if (it.next().getURI().startsWith("urn:skillgraph:suggestions:")) n++;
            return n;
        });
        assertEquals(0, suggestionGraphs);

        // Once a run is stored (as by `skillgraph align suggest`), it is served when it kept enough per concept.
        new Aligner(registry, (Path) null).suggest(jobRole, "onet-elements", "bm25", 3);
        JsonNode stored = json(get(server, suggestPath(jobRole, "onet-elements", "&top=2&method=bm25")));
        assertEquals("stored", stored.get("from").asText());
        assertTrue(stored.get("suggestionGraph").asText().startsWith("urn:skillgraph:suggestions:"));
        assertNotNull(stored.get("generatedAt"));
        assertEquals(26 * 2, stored.get("suggestions").size());
        for (JsonNode s : stored.get("suggestions")) {
            assertTrue(s.get("rank").asInt() <= 2);
            assertTrue(s.get("suggestion").asText().startsWith(stored.get("suggestionGraph").asText() + ":"), s.toString());
        }
        assertFalse(first.has("suggestion"), "a computed suggestion is not stored, so has no IRI");
        // The same order and targets as computed.
        assertEquals(ss.get(0).get("target"), stored.get("suggestions").get(0).get("target"));
        assertEquals(ss.get(0).get("source_label"), stored.get("suggestions").get(0).get("source_label"));
        assertEquals("computed", json(get(server, suggestPath(jobRole, "onet-elements", "&top=5&method=bm25"))).get("from").asText(),
                "the stored run kept 3 per concept, not 5");
    }

    @Test
    void badParametersAreNamed() throws Exception {
        assertError(get(server, "/api/align/suggest?target=onet-elements"), 400, "source");
        assertError(get(server, suggestPath(jobRole, "", "")), 400, "target");
        assertError(get(server, suggestPath("no-such-scheme", "onet-elements", "")), 404, "source");
        assertError(get(server, suggestPath(jobRole, "onet-nothing", "")), 404, "target");
        assertError(get(server, suggestPath(jobRole, "onet-elements", "&top=0")), 400, "top");
        assertError(get(server, suggestPath(jobRole, "onet-elements", "&top=many")), 400, "top");
        assertError(get(server, suggestPath(jobRole, "onet-elements", "&method=magic")), 400, "method");
        HttpResponse<String> other = get(server, "/api/align/nothing");
        assertEquals(404, other.statusCode());
        assertEquals("not_found", json(other).get("error").asText());
        assertEquals(405, get(server, "/api/align/accept").statusCode());
        // The credential endpoints under /api/* still answer.
        assertEquals(400, get(server, "/api/ob3/alignment").statusCode());
    }

    @Test
    void acceptNeedsTheTokenAndRecordsProvenance() throws Exception {
        Aligner.Run run = new Aligner(registry, (Path) null).suggest(jobRole, "onet-elements", "bm25", 3);
        String body = "{\"type\": \"closeMatch\", \"source\": \"" + jobRole + "\", \"target\": \"onet-elements\", \"rank\": 1, \"method\": \"bm25\"}";
        assertEquals(401, post(server, "/api/align/accept", "application/json", body).statusCode());
        assertEquals(403, post(server, "/api/align/accept", "application/json", body, "Authorization", "Bearer wrong").statusCode());
        assertEquals(List.of(), alignmentQuads(), "nothing written without the token");

        HttpResponse<String> ok = post(server, "/api/align/accept", "application/json", body, "Authorization", "Bearer " + TOKEN);
        assertEquals(200, ok.statusCode(), ok.body());
        JsonNode j = json(ok);
        assertEquals(26, j.get("accepted").asInt());
        assertEquals("api", j.get("by").asText());
        List<Quad> qs = alignmentQuads();
        Node api = AlignVocab.person("api");
        Node close = AlignVocab.TYPES.get("closeMatch");
        assertEquals(26, qs.stream().filter(q -> q.getPredicate().equals(close)).count());
        assertEquals(26, qs.stream().filter(q -> q.getPredicate().equals(AlignVocab.provWasAttributedTo) && q.getObject().equals(api)).count());
        assertEquals(26, qs.stream().filter(q -> q.getPredicate().equals(SG.provGeneratedAtTime)).count());
        String suggestion = j.get("alignments").get(0).get("suggestion").asText();
        assertTrue(qs.stream().anyMatch(q -> q.getPredicate().equals(SG.provWasDerivedFrom) && q.getObject().getURI().equals(suggestion)));

        // By IRI: the rank-2 suggestion of the first item, as exactMatchOf.
        String second = AlignVocab.suggestion(run.graph(), run.suggestions().get(0).get(1).source().iri(),
                run.suggestions().get(0).get(1).target().iri()).getURI();
        HttpResponse<String> one = post(server, "/api/align/accept", "application/json",
                "{\"type\": \"exactMatchOf\", \"suggestions\": [\"" + second + "\"]}", "Authorization", "Bearer " + TOKEN);
        assertEquals(200, one.statusCode(), one.body());
        assertEquals(1, json(one).get("accepted").asInt());
        assertEquals(1, alignmentQuads().stream().filter(q -> q.getPredicate().equals(SG.exactMatchOf)).count());

        String auth = "Bearer " + TOKEN;
        HttpResponse<String> unknown = post(server, "/api/align/accept", "application/json",
                "{\"type\": \"exactMatchOf\", \"suggestions\": [\"urn:skillgraph:suggestions:nope\"]}", "Authorization", auth);
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("urn:skillgraph:suggestions:nope"));
        assertError(post(server, "/api/align/accept", "application/json", "{\"type\": \"sameAs\", \"suggestions\": [\"" + second + "\"]}",
                "Authorization", auth), 400, "type");
        assertError(post(server, "/api/align/accept", "application/json", "{\"type\": \"closeMatch\", \"suggestions\": [\"" + second + "\"], \"by\": \"me\"}",
                "Authorization", auth), 400, "by");
        assertError(post(server, "/api/align/accept", "application/json", "{\"type\": \"closeMatch\", \"source\": \"" + jobRole + "\"}",
                "Authorization", auth), 400, "target");
        assertError(post(server, "/api/align/accept", "application/json", "{\"type\": \"closeMatch\", \"source\": \"nope\", \"target\": \"onet-elements\"}",
                "Authorization", auth), 404, "source");
        assertError(post(server, "/api/align/accept", "application/json", "{\"type\": \"closeMatch\", \"source\": \"" + jobRole
                + "\", \"target\": \"onet-elements\", \"rank\": 0}", "Authorization", auth), 400, "rank");
        assertEquals(400, post(server, "/api/align/accept", "application/json", "{not json", "Authorization", auth).statusCode());
        assertEquals(405, post(server, "/api/align/suggest", "application/json", "{}", "Authorization", auth).statusCode());
    }

    @Test
    void aComputationOverTheLimitIsRefusedNamingIt() throws Exception {
        server.close();
        System.setProperty("skillgraph.align.maxPairs", "100");
        server = RegistryServer.start(registry, ServerConfig.defaults(0));
        HttpResponse<String> r = get(server, suggestPath(jobRole, "onet-elements", "&method=bm25"));
        assertEquals(422, r.statusCode(), r.body());
        JsonNode j = json(r);
        assertEquals("over_limit", j.get("error").asText());
        assertTrue(j.get("message").asText().contains("over the limit of 100 pairs"), r.body());
        assertTrue(j.get("message").asText().contains("skillgraph align suggest"), r.body());
        // This server has no write token: accepting is refused.
        HttpResponse<String> readOnly = post(server, "/api/align/accept", "application/json",
                "{\"type\": \"closeMatch\", \"source\": \"" + jobRole + "\", \"target\": \"onet-elements\"}", "Authorization", "Bearer " + TOKEN);
        assertEquals(403, readOnly.statusCode(), readOnly.body());
        // A stored run is still served.
        new Aligner(registry, (Path) null).suggest(jobRole, "onet-elements", "bm25", 5);
        assertEquals(200, get(server, suggestPath(jobRole, "onet-elements", "&method=bm25")).statusCode());
    }
}
