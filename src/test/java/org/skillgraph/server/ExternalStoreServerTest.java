package org.skillgraph.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.pipeline.Pipeline;
import org.skillgraph.pipeline.Source;
import org.skillgraph.store.Registry;
import org.skillgraph.testutil.JsonDiff;
import org.skillgraph.testutil.TestData;
import org.skillgraph.testutil.TestFuseki;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Two servers with the same imports, one over TDB2 and one over an external store (a Fuseki
 * server of its own): every CASE API resource of every stored framework, and /uri in each format,
 * answer the same (JSON compared as trees, RDF as graphs, status and content type exactly).
 */
class ExternalStoreServerTest extends ServerTestBase {
    static final String BASE = "https://registry.example.org/";
    static final ObjectMapper JSON = new ObjectMapper();
    /** The CASE API resources per list name of a package. */
    static final Map<String, String> RESOURCES = Map.of("CFItems", "CFItems", "CFAssociations", "CFAssociations",
            "CFConcepts", "CFConcepts", "CFSubjects", "CFSubjects", "CFLicenses", "CFLicenses", "CFItemTypes", "CFItemTypes",
            "CFAssociationGroupings", "CFAssociationGroupings", "CFRubrics", "CFRubrics");

    @TempDir static Path dir;
    static TestFuseki fuseki;
    static Registry tdb, external;
    static RegistryServer local, remote;

    @BeforeAll
    static void start() throws Exception {
        fuseki = TestFuseki.start();
        tdb = Registry.openTdb2(dir.resolve("store"));
        external = Registry.openSparql(fuseki.endpoints());
        Pipeline p = new Pipeline();
        List<Source> sources = new ArrayList<>();
        for (String f : List.of("data-analytics-certificate.json", "data-analyst-job-role.json", "opensalt-what-standards-could-be.json"))
            sources.add(Source.file(TestData.sample(f)));
        sources.add(Source.file(Path.of(ExternalStoreServerTest.class.getResource("/caseapi/fixture-v1p1-definitions.json").toURI())));
        for (Source s : sources) {
            p.importInto(tdb, s, n -> {});
            p.importInto(external, s, n -> {});
        }
        ServerConfig config = ServerConfig.defaults(0).withBaseUri(BASE);
        local = RegistryServer.start(tdb, config);
        remote = RegistryServer.start(external, config);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[]{local, remote, tdb, external, fuseki}) {
            try {
                if (c != null) c.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    @Test
    void catalogsAreTheSame() {
        assertEquals(tdb.list().stream().map(e -> e.identifier() + " " + e.contentHash() + " " + e.triples() + " " + e.items()).toList(),
                external.list().stream().map(e -> e.identifier() + " " + e.contentHash() + " " + e.triples() + " " + e.items()).toList());
    }

    @Test
    void everyCaseApiResourceAnswersTheSame() throws Exception {
        Set<String> paths = new LinkedHashSet<>();
        for (String v : List.of("v1p0", "v1p1")) {
            String api = "ims/case/" + v + "/";
            paths.add(api + "CFDocuments");
            paths.add(api + "CFDocuments?limit=2&offset=1&sort=title&orderBy=desc");
            for (var e : tdb.list()) {
                paths.add(api + "CFDocuments/" + e.identifier());
                paths.add(api + "CFPackages/" + e.identifier());
                JsonNode pkg = JSON.readTree(get(local, api + "CFPackages/" + e.identifier()).body());
                for (var list : RESOURCES.entrySet()) {
                    JsonNode members = pkg.has(list.getKey()) ? pkg.get(list.getKey()) : pkg.path("CFDefinitions").get(list.getKey());
                    if (members == null) continue;
                    for (JsonNode m : members) {
                        paths.add(api + list.getValue() + "/" + m.get("identifier").asText());
                        if (list.getKey().equals("CFItems")) paths.add(api + "CFItemAssociations/" + m.get("identifier").asText());
                    }
                }
            }
            paths.add(api + "CFItems/no-such-item");
        }
        assertTrue(paths.size() > 300, "resources compared: " + paths.size());
        for (String path : paths) sameAnswer(path, "application/json");
    }

    @Test
    void everyUriAnswersTheSameInEachFormat() throws Exception {
        Set<String> ids = new LinkedHashSet<>();
        for (var e : tdb.list()) {
            ids.add(e.identifier());
            JsonNode pkg = JSON.readTree(get(local, "ims/case/v1p1/CFPackages/" + e.identifier()).body());
            pkg.path("CFItems").forEach(i -> ids.add(i.get("identifier").asText()));
        }
        int n = 0;
        for (String id : ids) {
            sameAnswer("uri/" + id, "application/json");
            if (n++ < 20) sameAnswer("uri/" + id, "text/turtle");
        }
        String first = tdb.list().get(0).document();
        sameAnswer("resolve?uri=" + URLEncoder.encode(first, StandardCharsets.UTF_8), "application/ld+json");
        sameAnswer("uri/" + ids.iterator().next(), "text/html");
        sameAnswer("uri/no-such-entity", "application/json");
    }

    private static void sameAnswer(String path, String accept) throws Exception {
        HttpResponse<String> a = get(local, path, "Accept", accept), b = get(remote, path, "Accept", accept);
        String what = path + " (" + accept + ")";
        assertEquals(a.statusCode(), b.statusCode(), what + ": " + b.body());
        String type = a.headers().firstValue("Content-Type").orElse("");
        assertEquals(type, b.headers().firstValue("Content-Type").orElse(""), what);
        if (type.contains("json") && !type.contains("ld+json")) {
            assertEquals(List.of(), JsonDiff.diff(JSON.readTree(a.body()), JSON.readTree(b.body())), what);
        } else if (type.startsWith("text/turtle") || type.contains("ld+json")) {
            Lang lang = type.startsWith("text/turtle") ? Lang.TURTLE : Lang.JSONLD;
            assertTrue(graph(a.body(), lang).isIsomorphicWith(graph(b.body(), lang)), what);
        } else {
            // pages show when each framework was imported, which differs between the two stores
            String at = "\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z";
            assertEquals(a.body().replaceAll(at, "TIME"), b.body().replaceAll(at, "TIME"), what);
        }
    }

    private static Graph graph(String body, Lang lang) {
        Graph g = GraphFactory.createGraphMem();
        RDFParser.fromString(body, lang).parse(g);
        return g;
    }
}
