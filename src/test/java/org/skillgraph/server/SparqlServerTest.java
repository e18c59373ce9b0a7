package org.skillgraph.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.skillgraph.store.Registry;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/** SPARQL protocol, Graph Store reads, descriptions and limits over HTTP on a read-only server. */
class SparqlServerTest extends ServerTestBase {
    static final String COUNT = "SELECT (COUNT(?i) AS ?n) WHERE { ?i a <https://w3id.org/skillgraph/ns#Competency> }";
    Registry registry;
    RegistryServer server;

    /** The store under test, holding the sample data ({@link ExternalSparqlServerTest}: an external store). */
    Registry openStore() { return openWithSamples(tmp.resolve("store")); }

    @BeforeEach
    void start() {
        registry = openStore();
        server = RegistryServer.start(registry, ServerConfig.defaults(0).withQueryTimeout(Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
    }

    static String q(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    @ParameterizedTest
    @CsvSource({"application/sparql-results+json,\"75\"", "application/sparql-results+xml,>75<",
            "text/csv,75", "text/tab-separated-values,75"})
    void selectInEveryResultFormatOverTheUnionGraph(String accept, String expected) throws Exception {
        HttpResponse<String> r = get(server, "/sparql?query=" + q(COUNT), "Accept", accept);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(accept), r.headers().toString());
        assertTrue(r.body().contains(expected), r.body());
    }

    @Test
    void postWithFormAndWithSparqlQueryBody() throws Exception {
        HttpResponse<String> form = post(server, "/sparql", "application/x-www-form-urlencoded", "query=" + q(COUNT),
                "Accept", "application/sparql-results+json");
        assertEquals(200, form.statusCode(), form.body());
        JsonNode n = new ObjectMapper().readTree(form.body());
        assertEquals("75", n.at("/results/bindings/0/n/value").asText());
        HttpResponse<String> direct = post(server, "/query", "application/sparql-query", COUNT, "Accept", "application/sparql-results+json");
        assertEquals(200, direct.statusCode());
        assertEquals(form.body(), direct.body());
    }

    @ParameterizedTest
    @CsvSource({"text/turtle,TURTLE", "application/n-triples,NTRIPLES", "application/ld+json,JSONLD", "application/rdf+xml,RDFXML"})
    void constructByAccept(String accept, String lang) throws Exception {
        String c = "CONSTRUCT { ?i <http://www.w3.org/2004/02/skos/core#notation> ?c } WHERE { ?i <http://www.w3.org/2004/02/skos/core#notation> ?c ; <https://w3id.org/skillgraph/ns#framework> ?f }";
        HttpResponse<String> r = get(server, "/sparql?query=" + q(c), "Accept", accept);
        assertEquals(200, r.statusCode(), r.body());
        Model m = ModelFactory.createDefaultModel();
        Lang l = switch (lang) { case "TURTLE" -> Lang.TURTLE; case "NTRIPLES" -> Lang.NTRIPLES; case "JSONLD" -> Lang.JSONLD; default -> Lang.RDFXML; };
        RDFParser.fromString(r.body(), l).parse(m);
        assertEquals(75, m.size());
    }

    @Test
    void graphStoreReadsOneFramework() throws Exception {
        String g = registry.list().stream().filter(e -> e.title().equals("Data Analytics Certificate")).findFirst().orElseThrow().graph();
        HttpResponse<String> r = get(server, "/data?graph=" + q(g), "Accept", "application/n-triples");
        assertEquals(200, r.statusCode());
        assertEquals(registry.find(g).triples(), r.body().lines().filter(x -> !x.isBlank()).count());
    }

    @Test
    void serviceDescriptionAndVoid() throws Exception {
        HttpResponse<String> sd = get(server, "/sparql", "Accept", "text/turtle");
        assertEquals(200, sd.statusCode());
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(sd.body(), Lang.TURTLE).parse(m);
        assertTrue(m.contains(null, m.createProperty("http://www.w3.org/ns/sparql-service-description#feature"),
                m.createResource("http://www.w3.org/ns/sparql-service-description#UnionDefaultGraph")));
        assertEquals(3, m.listObjectsOfProperty(m.createProperty("http://www.w3.org/ns/sparql-service-description#namedGraph")).toList().size());
        HttpResponse<String> v = get(server, "/void", "Accept", "application/ld+json");
        assertEquals(200, v.statusCode());
        assertTrue(v.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
        Model vm = ModelFactory.createDefaultModel();
        RDFParser.fromString(v.body(), Lang.JSONLD).parse(vm);
        assertEquals(3, vm.listObjectsOfProperty(vm.createProperty("http://rdfs.org/ns/void#subset")).toList().size());
    }

    @Test
    void readOnlyRefusesUpdatesAndWrites() throws Exception {
        long before = registry.size();
        HttpResponse<String> u = post(server, "/update", "application/sparql-update", "DROP ALL");
        assertEquals(403, u.statusCode());
        assertTrue(u.body().contains("read-only"), u.body());
        HttpResponse<String> w = post(server, "/data?default", "text/turtle", "<urn:a> <urn:b> <urn:c> .");
        assertEquals(403, w.statusCode());
        assertEquals(before, registry.size());
    }

    @Test
    void malformedQueryIs400WithTheParserMessage() throws Exception {
        HttpResponse<String> r = get(server, "/sparql?query=" + q("SELECT ?x WHERE { ?x "));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("Parse error") || r.body().contains("Encountered"), r.body());
    }

    @Test
    void queryTimeLimitGivesAClearError() throws Exception {
        String heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
        long t0 = System.nanoTime();
        HttpResponse<String> r = get(server, "/sparql?query=" + q(heavy));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertNotEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().toLowerCase().contains("timeout") || r.body().toLowerCase().contains("timed out") || r.body().toLowerCase().contains("cancel"), r.statusCode() + " " + r.body());
        assertTrue(ms < 20_000, "took " + ms + " ms");
    }

    @Test
    void userMistakesInOtherEndpointsAreNot500() throws Exception {
        HttpResponse<String> esc = get(server, "/resolve?uri=" + q(server.localUrl() + "uri/%zz"));
        assertEquals(404, esc.statusCode(), esc.body());
        HttpResponse<String> off = get(server, "/ims/case/v1p1/CFDocuments?offset=9223372036854775807");
        assertEquals(400, off.statusCode(), off.body());
        assertTrue(off.body().contains("imsx_codeMinor"), off.body());
    }

    @Test
    void pingMetricsCorsAndPage() throws Exception {
        assertEquals(200, get(server, "/$/ping").statusCode());
        HttpResponse<String> m = get(server, "/$/metrics");
        assertEquals(200, m.statusCode());
        assertTrue(m.body().contains("# TYPE"), m.body());
        HttpResponse<String> cors = get(server, "/sparql?query=" + q(COUNT), "Origin", "https://example.org");
        assertTrue(cors.headers().firstValue("Access-Control-Allow-Origin").isPresent(), cors.headers().toString());
        HttpResponse<String> page = get(server, "/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    }

    @Test
    void chunkedQueryBodyIsCutAtTheLimit() throws Exception {
        // No Content-Length: the body is streamed, and reading stops at the query limit.
        byte[] big = ("SELECT * WHERE { ?s ?p ?o } #" + "x".repeat(600_000)).getBytes(StandardCharsets.UTF_8);
        java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.localUrl() + "sparql"))
                .header("Content-Type", "application/sparql-query")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build();
        long t0 = System.nanoTime();
        HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.statusCode() + " " + r.body());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 10_000);
    }

    @Test
    void queryBodyWithALengthOverTheQueryLimitIs413() throws Exception {
        HttpResponse<String> r = post(server, "/sparql", "application/sparql-query", "SELECT * WHERE { ?s ?p ?o } #" + "x".repeat(300_000));
        assertEquals(413, r.statusCode());
        assertTrue(r.body().contains("for a query"), r.body());
    }

    @Test
    void bodyOverTheLimitIs413() throws Exception {
        try (Registry r2 = Registry.inMemory()) {
            ServerConfig small = new ServerConfig("localhost", 0, null, null, Duration.ofSeconds(5), 1000, 100);
            try (RegistryServer s = RegistryServer.start(r2, small)) {
                HttpResponse<String> r = post(s, "/sparql", "application/sparql-query", "SELECT * WHERE { ?s ?p ?o } #" + "x".repeat(2000));
                assertEquals(413, r.statusCode());
            }
        }
    }
}
