package org.skillgraph.server.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.pipeline.Pipeline;
import org.skillgraph.pipeline.Source;
import org.skillgraph.server.RegistryServer;
import org.skillgraph.server.ServerConfig;
import org.skillgraph.store.Registry;
import org.skillgraph.testutil.TestData;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Which entity answers when several stored nodes carry one identifier (definition over stub, then
 * the most recently imported framework), stubs of their own, and hostile stored values.
 */
class ResolverRulesTest {
    @TempDir static Path dir;
    static Registry registry;
    static RegistryServer server;
    static Samples s;

    static final String SHARED = "5a7e0c1e-0000-4000-8000-000000000001";
    static final String STUB_IRI = "https://elsewhere.example/license/stub-of-dac-2-3";
    static final String RUBRIC = "40000000-0000-4000-8000-0000000000c1";
    static final String CRITERION = "40000000-0000-4000-8000-0000000000c2";
    static final String LOCAL = "30000000-0000-4000-8000-0000000000a1";
    static final String EVIL = "<script>alert('x')</script> & \"co\"";

    @BeforeAll
    static void start() throws Exception {
        s = new Samples();
        registry = Registry.openTdb2(dir.resolve("tdb"));
        Pipeline p = new Pipeline();
        p.importInto(registry, Source.file(TestData.sample(Samples.CERTIFICATE)), n -> {});
        // one: links to a "license" whose identifier is that of certificate item DAC.2.3 (a stub)
        //      and defines the shared identifier; two: defines it again, later, with a hostile statement
        p.importInto(registry, Source.file(write("one.json", pkg("10000000-0000-4000-8000-00000000000d", "Tiny One",
                SHARED, "https://one.example/uri/" + SHARED, "First definition", "T1.1",
                ",\"licenseURI\":{\"title\":\"Stub title\",\"identifier\":\"" + s.id("DAC.2.3") + "\",\"uri\":\"" + STUB_IRI + "\"}", ""))), n -> {});
        p.importInto(registry, Source.file(write("two.json", pkg("70000000-0000-4000-8000-00000000000d", "Tiny Two",
                SHARED, "https://two.example/uri/" + SHARED, EVIL, "T2.1", "",
                ",{\"identifier\":\"70000000-0000-4000-8000-0000000000e1\",\"uri\":\"https://two.example/uri/e1\",\"associationType\":\"exemplar\","
                        + "\"originNodeURI\":{\"title\":\"x\",\"identifier\":\"" + SHARED + "\",\"uri\":\"https://two.example/uri/" + SHARED + "\"},"
                        + "\"destinationNodeURI\":{\"title\":\"<img src=x onerror=alert(1)>\",\"identifier\":\"70000000-0000-4000-8000-0000000000e2\",\"uri\":\"javascript:alert(1)\"},"
                        + "\"lastChangeDateTime\":\"2025-01-01T00:00:00Z\"}"))), n -> {});
        // three: an item whose uri is not absolute, so it is named urn:uuid:{identifier}
        p.importInto(registry, Source.file(write("three.json", pkg("30000000-0000-4000-8000-00000000000d", "Tiny Three",
                LOCAL, "items/local", "Named by a URN", "T3.1", "", ""))), n -> {});
        // four: a rubric with one criterion (judging the item) and one level
        String four = pkg("40000000-0000-4000-8000-00000000000d", "Tiny Four", "40000000-0000-4000-8000-0000000000a1",
                "https://four.example/uri/item", "Judged item", "T4.1", "", "");
        four = four.substring(0, four.length() - 1) + ",\"CFRubrics\":[{\"identifier\":\"" + RUBRIC + "\",\"uri\":\"https://four.example/uri/rubric\","
                + "\"title\":\"Rubric\",\"lastChangeDateTime\":\"2025-01-01T00:00:00Z\",\"CFRubricCriteria\":[{\"identifier\":\"" + CRITERION + "\","
                + "\"uri\":\"https://four.example/uri/criterion\",\"lastChangeDateTime\":\"2025-01-01T00:00:00Z\",\"weight\":1.5,\"position\":1,"
                + "\"CFItemURI\":{\"title\":\"Judged item\",\"identifier\":\"40000000-0000-4000-8000-0000000000a1\",\"uri\":\"https://four.example/uri/item\"},"
                + "\"CFRubricCriterionLevels\":[{\"identifier\":\"40000000-0000-4000-8000-0000000000c3\",\"uri\":\"https://four.example/uri/level\","
                + "\"lastChangeDateTime\":\"2025-01-01T00:00:00Z\",\"quality\":\"Proficient\",\"score\":3}]}]}]}";
        p.importInto(registry, Source.file(write("four.json", four)), n -> {});
        server = RegistryServer.start(registry, ServerConfig.defaults(0));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (registry != null) registry.close();
    }

    private static Path write(String name, String json) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, json);
        return f;
    }

    /** A CASE 1.1 package: one document, one item (a child of the document), extra item fields and associations. */
    private static String pkg(String docId, String title, String itemId, String itemUri, String statement, String code,
                              String itemExtra, String extraAssociations) {
        String docUri = "https://tiny.example/uri/" + docId;
        return "{\"CFDocument\":{\"identifier\":\"" + docId + "\",\"uri\":\"" + docUri + "\",\"caseVersion\":\"1.1\",\"creator\":\"Tests\","
                + "\"title\":\"" + title + "\",\"lastChangeDateTime\":\"2025-01-01T00:00:00Z\"},"
                + "\"CFItems\":[{\"identifier\":\"" + itemId + "\",\"uri\":\"" + itemUri + "\",\"fullStatement\":" + quote(statement)
                + ",\"humanCodingScheme\":\"" + code + "\",\"lastChangeDateTime\":\"2025-01-01T00:00:00Z\"" + itemExtra + "}],"
                + "\"CFAssociations\":[{\"identifier\":\"" + docId.substring(0, 30) + "a00001\",\"uri\":\"https://tiny.example/uri/a-" + docId + "\","
                + "\"associationType\":\"isChildOf\",\"originNodeURI\":{\"title\":\"x\",\"identifier\":\"" + itemId + "\",\"uri\":\"" + itemUri + "\"},"
                + "\"destinationNodeURI\":{\"title\":\"" + title + "\",\"identifier\":\"" + docId + "\",\"uri\":\"" + docUri + "\"},"
                + "\"lastChangeDateTime\":\"2025-01-01T00:00:00Z\"}" + extraAssociations + "]}";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        return Samples.get(server, path, headers);
    }

    @Test
    void anEntityItsFrameworkDefinesWinsOverAStub() throws Exception {
        String id = s.id("DAC.2.3");
        JsonNode j = Samples.parse(get("/uri/" + id + ".json").body());
        assertEquals(s.itemUris.get("DAC.2.3"), j.get("uri").asText(), "the certificate's item, not the later stub");
        assertTrue(j.has("fullStatement"));
        String text = Samples.text(get("/uri/" + id + ".html").body());
        assertTrue(text.contains("Same identifier elsewhere"), text);
        assertTrue(text.contains(STUB_IRI + " a link target in Tiny One"), text);
    }

    @Test
    void aStubResolvesByItsIriAndSaysWhatItIs() throws Exception {
        String q = "/resolve?uri=" + URLEncoder.encode(STUB_IRI, StandardCharsets.UTF_8);
        JsonNode j = Samples.parse(get(q, "Accept", "application/json").body());
        assertEquals(s.id("DAC.2.3"), j.get("identifier").asText());
        assertEquals("Stub title", j.get("title").asText());
        assertEquals(STUB_IRI, j.get("uri").asText());
        HttpResponse<String> page = get(q, "Accept", "text/html");
        assertEquals(200, page.statusCode());
        String text = Samples.text(page.body());
        assertTrue(text.contains("This is not an entity that any framework in this registry defines"), text);
        assertTrue(text.contains("Tiny One"), text);
    }

    @Test
    void amongDefinitionsTheMostRecentlyImportedWins() throws Exception {
        JsonNode j = Samples.parse(get("/uri/" + SHARED + ".json").body());
        assertEquals("https://two.example/uri/" + SHARED, j.get("uri").asText());
        assertEquals("Tiny Two", j.get("CFDocumentURI").get("title").asText());
        // the other definition stays reachable by its IRI
        JsonNode one = Samples.parse(get("/resolve?format=json&uri=" + URLEncoder.encode("https://one.example/uri/" + SHARED, StandardCharsets.UTF_8)).body());
        assertEquals("First definition", one.get("fullStatement").asText());
        String text = Samples.text(get("/uri/" + SHARED + ".html").body());
        assertTrue(text.contains("https://one.example/uri/" + SHARED + " defined in Tiny One"), text);
    }

    @Test
    void rubricsResolveWithTheirCriteriaAndLevels() throws Exception {
        JsonNode rubric = Samples.parse(get("/uri/" + RUBRIC + ".json").body());
        JsonNode criterion = rubric.get("CFRubricCriteria").get(0);
        assertEquals(CRITERION, criterion.get("identifier").asText());
        assertEquals("Judged item", criterion.get("CFItemURI").get("title").asText());
        assertEquals("Proficient", criterion.get("CFRubricCriterionLevels").get(0).get("quality").asText());
        JsonNode alone = Samples.parse(get("/uri/" + CRITERION, "Accept", "application/json").body());
        assertEquals(criterion, alone);
        HttpResponse<String> page = get("/uri/" + CRITERION + ".html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("CFRubricCriterion"), page.body());
    }

    @Test
    void entitiesNamedByUrnResolveByIdentifierAndByUrn() throws Exception {
        HttpResponse<String> r = get("/uri/" + LOCAL, "Accept", "application/json");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("items/local", Samples.parse(r.body()).get("uri").asText());
        assertTrue(String.join(",", r.headers().allValues("Link")).contains("<urn:uuid:" + LOCAL + ">; rel=\"canonical\""));
        HttpResponse<String> byUrn = get("/resolve?uri=urn:uuid:" + LOCAL, "Accept", "text/turtle");
        assertEquals(200, byUrn.statusCode(), byUrn.body());
        assertTrue(byUrn.body().contains("urn:uuid:" + LOCAL), byUrn.body());
        String html = get("/uri/" + LOCAL + ".html").body();
        assertFalse(html.contains("rel=\"canonical\""), "a URN is no address for a browser");
        assertTrue(html.contains("urn:uuid:" + LOCAL));
    }

    @Test
    void storedValuesAreEscapedEverywhere() throws Exception {
        String html = get("/uri/" + SHARED + ".html").body();
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("href=\"javascript:"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;"), html);
        // exemplar: "<item> has example <example>", the example's stored title escaped
        assertTrue(Samples.text(html).contains("T2.1 has example <img src=x onerror=alert(1)> (not in this registry)"), Samples.text(html));

        HttpResponse<String> json = get("/uri/" + SHARED + ".json");
        assertFalse(json.body().contains("<script>"), json.body());
        assertEquals(EVIL, Samples.parse(json.body()).get("fullStatement").asText());
        assertEquals("nosniff", json.headers().firstValue("X-Content-Type-Options").orElse(null));
    }
}
