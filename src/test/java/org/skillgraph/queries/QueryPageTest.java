package org.skillgraph.queries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skillgraph.pipeline.Pipeline;
import org.skillgraph.pipeline.Source;
import org.skillgraph.server.RegistryServer;
import org.skillgraph.server.ServerConfig;
import org.skillgraph.store.Registry;
import org.skillgraph.testutil.TestData;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The query page ({@code src/main/resources/web/index.html}): its embedded example queries are
 * byte-for-byte copies of {@code queries/*.rq}, it loads nothing from elsewhere, it links the
 * registry's services, and what it sends to the server works.
 */
class QueryPageTest {
    static final Pattern EMBEDDED = Pattern.compile(
            "<script type=\"application/sparql-query\" data-file=\"([^\"]+)\">(.*?)</script>", Pattern.DOTALL);
    /** What the page sends as Accept with every query. */
    static final String PAGE_ACCEPT = "application/sparql-results+json, text/turtle;q=0.9, */*;q=0.1";

    static String page() throws IOException {
        return Files.readString(TestData.projectDir().resolve("src/main/resources/web/index.html"), StandardCharsets.UTF_8);
    }

    static Map<String, String> embedded(String page) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = EMBEDDED.matcher(page);
        while (m.find()) assertNull(out.put(m.group(1), m.group(2)), "embedded twice: " + m.group(1));
        return out;
    }

    @Test
    void embeddedExamplesAreExactCopiesOfTheQueryFiles() throws IOException {
        String page = page();
        Map<String, String> queries = embedded(page);
        assertTrue(queries.size() >= 4, "the page embeds 4 or more example queries, found " + queries.keySet());
        assertEquals(page.split("<script type=\"application/sparql-query\"", -1).length - 1, queries.size(),
                "every embedded query has the form <script type=\"application/sparql-query\" data-file=\"NAME.rq\">");
        for (Map.Entry<String, String> e : queries.entrySet()) {
            Path file = TestData.projectDir().resolve("queries").resolve(e.getKey());
            assertTrue(Files.isRegularFile(file), "the page embeds " + e.getKey() + " but queries/ has no such file");
            byte[] expected = Files.readAllBytes(file);
            byte[] actual = e.getValue().getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(expected, actual, "the copy of queries/" + e.getKey() + " in index.html differs from the file: "
                    + "paste the file's text between <script type=\"application/sparql-query\" data-file=\"" + e.getKey()
                    + "\"> and </script>, with nothing added");
            // An embedded query must not end the script element or open an HTML comment in it.
            assertFalse(e.getValue().toLowerCase().contains("</script") || e.getValue().contains("<!--"), e.getKey());
        }
    }

    @Test
    void pageIsSelfContained() throws IOException {
        String page = EMBEDDED.matcher(page()).replaceAll("");
        String lower = page.toLowerCase();
        for (String external : List.of(" src=", "<link", "@import", "url(", "<iframe", "<object", "<embed"))
            assertFalse(lower.contains(external), "the page must not load anything (found '" + external.trim() + "')");
        for (String href : hrefs(page))
            assertFalse(href.matches("(?i)^([a-z][a-z0-9+.-]*:|//).*"), "links stay on the registry: " + href);
        Matcher fetches = Pattern.compile("fetch\\(\\s*'([^']*)'").matcher(page);
        int n = 0;
        while (fetches.find()) {
            n++;
            assertEquals("sparql", fetches.group(1), "the page talks to the SPARQL endpoint only");
        }
        assertTrue(n >= 1, "the page runs queries with fetch('sparql', ...)");
        assertTrue(page.contains("'Content-Type': 'application/sparql-query'"), "queries are POSTed as application/sparql-query");
        assertTrue(page.contains("'Accept': '" + PAGE_ACCEPT + "'"), "the Accept header this test uses is the page's");
        assertTrue(page.contains("'resolve?uri=' + encodeURIComponent("), "stored entities link to resolve?uri=");
    }

    @Test
    void pageLinksTheRegistryServices() throws IOException {
        URI root = URI.create("http://registry.example/");
        Set<String> paths = hrefs(page()).stream().map(h -> root.resolve(h).getPath()).collect(Collectors.toSet());
        for (String p : List.of("/void", "/sparql", "/ims/case/v1p1/CFDocuments", "/$/ping"))
            assertTrue(paths.contains(p), "the page links " + p + "; links: " + paths);
    }

    @Test
    void pageHasTheBasicsOfAnAccessibleForm() throws IOException {
        String page = page();
        assertTrue(page.startsWith("<!doctype html>"), "standards mode");
        assertTrue(page.contains("<html lang=\"en\">"));
        assertTrue(page.contains("<title>") && page.contains("<h1>"));
        Matcher controls = Pattern.compile("<(textarea|select|input)\\b[^>]*\\bid=\"([^\"]+)\"").matcher(page);
        int n = 0;
        while (controls.find()) {
            n++;
            assertTrue(page.contains("<label for=\"" + controls.group(2) + "\">"), "no <label> for #" + controls.group(2));
        }
        assertTrue(n >= 2, "a query editor and a select of examples");
        assertTrue(page.contains("<button type=\"submit\""), "a real button runs the query (Enter/Space work)");
        assertTrue(page.contains("role=\"alert\""), "errors are announced");
        assertTrue(page.contains("aria-live=\"polite\""), "the status line is announced");
        assertTrue(page.contains("h.scope = 'col'"), "result headers are column headers");
    }

    static List<String> hrefs(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\bhref=\"([^\"]*)\"").matcher(html);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    // ---------------------------------------------------------------- against the real server

    static Registry registry;
    static RegistryServer server;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() {
        registry = Registry.inMemory();
        Pipeline p = new Pipeline();
        for (String f : List.of("data-analytics-certificate.json", "data-analyst-job-role.json", "opensalt-what-standards-could-be.json"))
            p.importInto(registry, Source.file(TestData.sample(f)), n -> {});
        server = RegistryServer.start(registry, ServerConfig.defaults(0).withQueryTimeout(Duration.ofSeconds(20)));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (registry != null) registry.close();
    }

    static HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return HTTP.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> postQuery(String query) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(server.localUrl() + "sparql"))
                .header("Content-Type", "application/sparql-query").header("Accept", PAGE_ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofString(query, StandardCharsets.UTF_8)));
    }

    @Test
    void theServerServesThisPageAtTheRoot() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(server.localUrl())).GET());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), r.headers().toString());
        try (InputStream in = QueryPageTest.class.getResourceAsStream("/web/index.html")) {
            assertNotNull(in, "index.html is on the classpath at /web/index.html");
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), r.body());
        }
    }

    @Test
    void everyEmbeddedExampleRunsAsThePageSendsIt() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (Map.Entry<String, String> e : embedded(page()).entrySet()) {
            HttpResponse<String> r = postQuery(e.getValue());
            assertEquals(200, r.statusCode(), e.getKey() + ": " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"),
                    e.getKey() + ": " + r.headers());
            JsonNode rows = json.readTree(r.body()).at("/results/bindings");
            assertTrue(rows.isArray() && rows.size() > 0, e.getKey() + " answered no rows over HTTP");
        }
    }

    @Test
    void graphQueriesComeBackAsTurtleAndErrorsWithStatusAndMessage() throws Exception {
        HttpResponse<String> construct = postQuery(
                "CONSTRUCT { ?f a <https://w3id.org/skillgraph/ns#Framework> } WHERE { ?f a <https://w3id.org/skillgraph/ns#Framework> }");
        assertEquals(200, construct.statusCode(), construct.body());
        assertTrue(construct.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"), construct.headers().toString());

        HttpResponse<String> broken = postQuery("SELECT * WHERE { ?s ?p }");
        assertEquals(400, broken.statusCode());
        assertFalse(broken.body().isBlank(), "a parse error comes with a message the page can show");
    }

    @Test
    void theEntityLookupThePageMakesFindsStoredEntitiesOnly() throws Exception {
        String item = "https://case.example.edu/uri/eb66c1b1-5484-5cd2-ae83-e0adb913f392"; // the certificate's CFDocument
        String vocabulary = "https://w3id.org/skillgraph/ns#Competency";
        // The query linkStoredEntities() in index.html builds.
        String q = "SELECT DISTINCT ?s WHERE { VALUES ?s { <" + item + "> <" + vocabulary + "> } FILTER EXISTS { ?s <"
                + "https://w3id.org/skillgraph/ns#identifier> ?id } }";
        assertTrue(page().contains("' } FILTER EXISTS { ?s <' + SG_IDENTIFIER + '> ?id } }'"), "the page's lookup query changed");
        HttpResponse<String> r = postQuery(q);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode rows = new ObjectMapper().readTree(r.body()).at("/results/bindings");
        assertEquals(1, rows.size(), r.body());
        assertEquals(item, rows.get(0).at("/s/value").asText());
    }
}
