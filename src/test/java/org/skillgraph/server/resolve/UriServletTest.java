package org.skillgraph.server.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.skillgraph.server.RegistryServer;
import org.skillgraph.server.ServerConfig;
import org.skillgraph.store.Registry;
import org.skillgraph.vocab.SG;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.*;

import static org.junit.jupiter.api.Assertions.*;

/** /uri/{identifier} and /resolve?uri= on the real server over the three sample frameworks. */
class UriServletTest {
    @TempDir static Path dir;
    static Registry registry;
    static RegistryServer server;
    static Samples s;

    static final Node IDENTIFIER = SG.sg("identifier");
    static final Node FULL_STATEMENT = SG.sg("fullStatement");

    @BeforeAll
    static void start() {
        s = new Samples();
        registry = Samples.registryWithSamples(dir.resolve("tdb"));
        server = RegistryServer.start(registry, ServerConfig.defaults(0));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (registry != null) registry.close();
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        return Samples.get(server, path, headers);
    }

    private static String contentType(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    private static Graph parse(String body, Lang lang) {
        Graph g = GraphFactory.createGraphMem();
        RDFParser.fromString(body, lang).parse(g);
        return g;
    }

    // ---------------------------------------------------------------------------------------- formats

    @ParameterizedTest(name = "Accept {0}")
    @CsvSource({
            "application/json, application/json",
            "text/html, text/html",
            "application/ld+json, application/ld+json",
            "text/turtle, text/turtle",
            "application/n-triples, application/n-triples",
            "'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', text/html",
            "*/*, application/json",
            "'application/json;q=0.5, text/turtle', text/turtle",
    })
    void negotiatesEveryFormatByAccept(String accept, String expected) throws Exception {
        String id = s.id("DAC.2.3");
        HttpResponse<String> r = get("/uri/" + id, "Accept", accept);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(contentType(r).startsWith(expected), contentType(r));
        assertTrue(r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")), "Vary: Accept");
        checkBody(r.body(), expected, id, s.itemUris.get("DAC.2.3"));
    }

    @ParameterizedTest(name = ".{0}")
    @CsvSource({"json, application/json", "jsonld, application/ld+json", "ttl, text/turtle", "nt, application/n-triples", "html, text/html"})
    void suffixOverridesAccept(String suffix, String expected) throws Exception {
        String id = s.id("DA.1.2");
        String accept = expected.equals("text/html") ? "application/json" : "text/html";
        HttpResponse<String> r = get("/uri/" + id + "." + suffix, "Accept", accept);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(contentType(r).startsWith(expected), contentType(r));
        checkBody(r.body(), expected, id, s.itemUris.get("DA.1.2"));
    }

    private static void checkBody(String body, String mediaType, String id, String iri) {
        Node n = NodeFactory.createURI(iri);
        switch (mediaType) {
            case "application/json" -> {
                JsonNode j = Samples.parse(body);
                assertEquals(id, j.get("identifier").asText());
                assertFalse(j.get("fullStatement").asText().isBlank());
                assertEquals(iri, j.get("uri").asText());
            }
            case "text/html" -> {
                assertTrue(body.startsWith("<!doctype html>"), body);
                assertTrue(body.contains(id));
            }
            default -> {
                Lang lang = switch (mediaType) {
                    case "application/ld+json" -> Lang.JSONLD11;
                    case "text/turtle" -> Lang.TURTLE;
                    default -> Lang.NTRIPLES;
                };
                Graph g = parse(body, lang);
                assertTrue(g.contains(n, IDENTIFIER, NodeFactory.createLiteralString(id)), body);
                assertTrue(g.contains(n, FULL_STATEMENT, Node.ANY), body);
                assertTrue(g.contains(n, SG.rdfType, SG.Competency), body);
            }
        }
    }

    @Test
    void rdfHasTheEntitysOwnTriplesAndLabelsOfLinkedNodes() throws Exception {
        String id = s.id("DAC.2.3");
        Node n = NodeFactory.createURI(s.itemUris.get("DAC.2.3"));
        Graph g = parse(get("/uri/" + id + ".ttl").body(), Lang.TURTLE);
        // every triple the certificate's graph holds about the item
        Set<org.apache.jena.graph.Triple> stored = registry.read(dsg -> {
            Set<org.apache.jena.graph.Triple> out = new HashSet<>();
            dsg.find(Node.ANY, n, Node.ANY, Node.ANY).forEachRemaining(q -> out.add(q.asTriple()));
            return out;
        });
        assertFalse(stored.isEmpty());
        for (var t : stored) assertTrue(g.contains(t), "missing " + t);
        // the incoming exact match from the job role, and the label of its origin
        Node da12 = NodeFactory.createURI(s.itemUris.get("DA.1.2"));
        assertTrue(g.contains(da12, SG.exactMatchOf, n));
        assertTrue(g.contains(da12, SG.skosNotation, NodeFactory.createLiteralString("DA.1.2")));
        // the parent's label
        Node parent = NodeFactory.createURI(s.itemUris.get("DAC.2"));
        assertTrue(g.contains(n, SG.isChildOf, parent));
        assertTrue(g.contains(parent, SG.skosPrefLabel, Node.ANY));
    }

    @Test
    void jsonLdUsesThePrefixes() throws Exception {
        String body = get("/uri/" + s.id("DAC.2.3") + ".jsonld").body();
        JsonNode j = Samples.parse(body);
        JsonNode ctx = j.get("@context");
        assertNotNull(ctx, body);
        assertEquals(SG.NS, ctx.get("sg").asText());
        assertEquals(SG.SKOS, ctx.get("skos").asText());
        assertEquals(SG.DCT, ctx.get("dct").asText());
        assertTrue(body.contains("\"sg:fullStatement\""), body);
    }

    // ---------------------------------------------------------------------------------------- kinds

    @Test
    void itemJsonIsTheCase11CFItem() throws Exception {
        JsonNode j = Samples.parse(get("/uri/" + s.id("DA.1.2"), "Accept", "application/json").body());
        assertEquals("DA.1.2", j.get("humanCodingScheme").asText());
        assertEquals("Skill", j.get("CFItemType").asText());
        assertEquals(s.jobRole.get("CFDocument").get("identifier").asText(), j.get("CFDocumentURI").get("identifier").asText());
        assertEquals("Data Analyst Job Role", j.get("CFDocumentURI").get("title").asText());
        assertTrue(j.has("lastChangeDateTime"));
        assertEquals("Skill", j.get("CFItemTypeURI").get("title").asText());
    }

    @Test
    void frameworkResolvesToItsCFDocumentAndPage() throws Exception {
        JsonNode doc = s.certificate.get("CFDocument");
        String id = doc.get("identifier").asText();
        HttpResponse<String> r = get("/uri/" + id, "Accept", "application/json");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode j = Samples.parse(r.body());
        assertEquals(id, j.get("identifier").asText());
        assertEquals(doc.get("title").asText(), j.get("title").asText());
        assertEquals(doc.get("creator").asText(), j.get("creator").asText());
        assertEquals("1.1", j.get("caseVersion").asText());
        assertEquals(id, j.get("CFPackageURI").get("identifier").asText());
        assertFalse(j.has("CFItems"));

        String html = get("/uri/" + id, "Accept", "text/html").body();
        String text = Samples.text(html);
        assertTrue(text.contains("Data Analytics Certificate"), text);
        assertTrue(text.contains("Children (6)"), text);
        assertTrue(text.contains("DAC.1") && text.contains("DAC.6"), text);
        assertTrue(text.contains("Items 33"), text);

        Graph g = parse(get("/uri/" + id + ".ttl").body(), Lang.TURTLE);
        Node d = NodeFactory.createURI(doc.get("uri").asText());
        assertTrue(g.contains(d, SG.rdfType, SG.Framework));
        assertTrue(g.contains(d, IDENTIFIER, NodeFactory.createLiteralString(id)));
    }

    @Test
    void associationResolvesToItsCFAssociation() throws Exception {
        JsonNode a = s.association(s.jobRole, "exactMatchOf", "DA.1.2", "DAC.2.3");
        String id = a.get("identifier").asText();
        JsonNode j = Samples.parse(get("/uri/" + id + ".json").body());
        assertEquals(id, j.get("identifier").asText());
        assertEquals("exactMatchOf", j.get("associationType").asText());
        assertEquals(s.id("DA.1.2"), j.get("originNodeURI").get("identifier").asText());
        assertEquals(s.id("DAC.2.3"), j.get("destinationNodeURI").get("identifier").asText());
        assertEquals(s.jobRole.get("CFDocument").get("identifier").asText(), j.get("CFDocumentURI").get("identifier").asText());
        assertEquals("Alignment to Data Analytics Certificate 2025", j.get("CFAssociationGroupingURI").get("title").asText());

        String text = Samples.text(get("/uri/" + id + ".html").body());
        assertTrue(text.contains("DA.1.2 is the same as DAC.2.3 (Data Analytics Certificate)"), text);
        assertTrue(text.contains("is the same as (read from the destination: has exact match)"), text);

        Graph g = parse(get("/uri/" + id + ".nt").body(), Lang.NTRIPLES);
        Node n = NodeFactory.createURI(a.get("uri").asText());
        assertTrue(g.contains(n, SG.originNode, NodeFactory.createURI(s.itemUris.get("DA.1.2"))));
        assertTrue(g.contains(n, SG.destinationNode, NodeFactory.createURI(s.itemUris.get("DAC.2.3"))));
        assertTrue(g.contains(NodeFactory.createURI(s.itemUris.get("DAC.2.3")), SG.skosNotation, NodeFactory.createLiteralString("DAC.2.3")));
    }

    @Test
    void definitionsResolveToo() throws Exception {
        JsonNode itemType = s.jobRole.get("CFDefinitions").get("CFItemTypes").get(0);
        JsonNode j = Samples.parse(get("/uri/" + itemType.get("identifier").asText(), "Accept", "application/json").body());
        assertEquals(itemType.get("title").asText(), j.get("title").asText());
        JsonNode license = s.certificate.get("CFDefinitions").get("CFLicenses").get(0);
        String html = get("/uri/" + license.get("identifier").asText() + ".html").body();
        assertTrue(html.contains("CFLicense"), html);
    }

    // ---------------------------------------------------------------------------------------- pages

    @Test
    void jobRolePageShowsParentAndOutgoingMatchesInPlainWords() throws Exception {
        HttpResponse<String> r = get("/uri/" + s.id("DA.1.2"), "Accept", "text/html");
        assertEquals(200, r.statusCode());
        String html = r.body(), text = Samples.text(html);
        assertTrue(text.contains("DA.1.2 is a child of DA.1"), text);
        assertTrue(text.contains("DA.1.2 is the same as DAC.2.3 (Data Analytics Certificate)"), text);
        assertTrue(text.contains("DA.1.2 is a prerequisite for DA.2.1"), text);
        // links: the parent and the matched item by identifier, the framework, the other formats
        assertTrue(html.contains("href=\"" + server.localUrl() + "uri/" + s.id("DA.1") + "\""), html);
        assertTrue(html.contains("href=\"" + server.localUrl() + "uri/" + s.id("DAC.2.3") + "\""), html);
        assertTrue(html.contains("href=\"" + server.localUrl() + "uri/" + s.jobRole.get("CFDocument").get("identifier").asText() + "\""));
        for (String suffix : List.of("json", "jsonld", "ttl", "nt"))
            assertTrue(html.contains("uri/" + s.id("DA.1.2") + "." + suffix + "\""), suffix);
        assertTrue(html.contains("<link rel=\"canonical\" href=\"" + s.itemUris.get("DA.1.2") + "\">"));
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.matches("(?s).*(src|href)=\"//.*"), "no external assets");
    }

    @Test
    void certificatePageShowsIncomingAssociationsFromTheJobRole() throws Exception {
        String html = get("/uri/" + s.id("DAC.2.3"), "Accept", "text/html").body();
        String text = Samples.text(html);
        assertTrue(text.contains("DAC.2.3 is a child of DAC.2"), text);
        assertTrue(text.contains("DA.1.2 (Data Analyst Job Role) is the same as DAC.2.3"), text);
        assertTrue(text.contains("has exact match"), text);
        assertTrue(text.contains("DAC.2.3 is a peer of DAC.4.2.1"), text);
        assertTrue(html.contains("href=\"" + server.localUrl() + "uri/" + s.id("DA.1.2") + "\""), html);

        String related = Samples.text(get("/uri/" + s.id("DAC.2.1.1") + ".html").body());
        assertTrue(related.contains("DA.1.1 (Data Analyst Job Role) is related to DAC.2.1.1"), related);

        String parent = Samples.text(get("/uri/" + s.id("DAC.2") + ".html").body());
        assertTrue(parent.contains("Each of these is a child of DAC.2"), parent);
        int c1 = parent.indexOf("DAC.2.1 "), c3 = parent.indexOf("DAC.2.3 ");
        assertTrue(c1 > 0 && c3 > c1, "children in order");
    }

    @Test
    void pageShowsAlignmentsWhenTheStoreHasThem() throws Exception {
        Node item = NodeFactory.createURI(s.itemUris.get("DA.1.2"));
        Node onet = NodeFactory.createURI("https://www.onetonline.org/link/summary/15-2051.00");
        Node esco = NodeFactory.createURI("http://data.europa.eu/esco/skill/0e2ba6a7-3a8d-4b2c-9a7c-1b0c2f2f5b00");
        Node g = NodeFactory.createURI("urn:skillgraph:test:alignments");
        registry.dataset().executeWrite(() -> {
            registry.dataset().add(g, item, NodeFactory.createURI(SG.SKOS + "closeMatch"), onet);
            registry.dataset().add(g, onet, SG.skosPrefLabel, NodeFactory.createLiteralLang("Data Scientists", "en"));
            registry.dataset().add(g, item, NodeFactory.createURI(SG.SKOS + "exactMatch"), esco);
            registry.dataset().add(g, esco, SG.skosPrefLabel, NodeFactory.createLiteralLang("clean data", "en"));
        });
        try {
            String html = get("/uri/" + s.id("DA.1.2") + ".html").body();
            String text = Samples.text(html);
            assertTrue(text.contains("DA.1.2 is a close match of 15-2051.00 Data Scientists"), text);
            assertTrue(text.contains("DA.1.2 is an exact match of clean data"), text);
            assertTrue(text.contains("O*NET") && text.contains("ESCO"), text);
            assertTrue(html.contains("href=\"https://www.onetonline.org/link/summary/15-2051.00\""));
            Graph rdf = parse(get("/uri/" + s.id("DA.1.2") + ".ttl").body(), Lang.TURTLE);
            assertTrue(rdf.contains(item, NodeFactory.createURI(SG.SKOS + "closeMatch"), onet));
            assertTrue(rdf.contains(onet, SG.skosPrefLabel, Node.ANY));
        } finally {
            registry.dataset().executeWrite(() -> registry.dataset().deleteAny(g, Node.ANY, Node.ANY, Node.ANY));
        }
    }

    // ---------------------------------------------------------------------------------------- headers

    @Test
    void linkHeadersNameEveryFormatAndTheCanonicalIri() throws Exception {
        String id = s.id("DAC.2.3");
        HttpResponse<String> r = get("/uri/" + id, "Accept", "application/json");
        String link = String.join(", ", r.headers().allValues("Link"));
        for (String[] f : new String[][]{{"json", "application/json"}, {"jsonld", "application/ld+json"}, {"ttl", "text/turtle"},
                {"nt", "application/n-triples"}, {"html", "text/html"}})
            assertTrue(link.contains("<" + server.localUrl() + "uri/" + id + "." + f[0] + ">; rel=\"alternate\"; type=\"" + f[1] + "\""), link);
        assertTrue(link.contains("<" + s.itemUris.get("DAC.2.3") + ">; rel=\"canonical\""), link);
        assertEquals(server.localUrl() + "uri/" + id + ".json", r.headers().firstValue("Content-Location").orElse(null));
        assertTrue(r.headers().firstValue("ETag").isPresent());
        assertTrue(r.headers().firstValue("Last-Modified").isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"application/json", "text/html", "text/turtle", "application/ld+json", "application/n-triples"})
    void etagRevalidatesTo304(String accept) throws Exception {
        String path = "/uri/" + s.id("DAC.2.3");
        HttpResponse<String> first = get(path, "Accept", accept);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = get(path, "Accept", accept, "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(etag, again.headers().firstValue("ETag").orElse(null));
        assertEquals(304, get(path, "Accept", accept, "If-None-Match", "\"other\", W/" + etag).statusCode());
        assertEquals(200, get(path, "Accept", accept, "If-None-Match", "\"other\"").statusCode());
        // another format of the same resource has another tag
        String otherAccept = accept.equals("application/json") ? "text/turtle" : "application/json";
        assertEquals(200, get(path, "Accept", otherAccept, "If-None-Match", etag).statusCode());
    }

    @Test
    void ifModifiedSinceRevalidatesTo304() throws Exception {
        String path = "/uri/" + s.id("DA.1.2");
        for (String accept : List.of("application/json", "text/html")) {
            HttpResponse<String> first = get(path, "Accept", accept);
            String lm = first.headers().firstValue("Last-Modified").orElseThrow();
            assertEquals(304, get(path, "Accept", accept, "If-Modified-Since", lm).statusCode());
            String later = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusDays(1));
            assertEquals(304, get(path, "Accept", accept, "If-Modified-Since", later).statusCode());
            String earlier = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.parse(lm, DateTimeFormatter.RFC_1123_DATE_TIME).minusHours(1));
            assertEquals(200, get(path, "Accept", accept, "If-Modified-Since", earlier).statusCode());
            assertEquals(200, get(path, "Accept", accept, "If-Modified-Since", "not a date").statusCode());
        }
    }

    @Test
    void headAnswersLikeGetWithoutABody() throws Exception {
        for (String accept : List.of("application/json", "text/html", "text/turtle")) {
            String path = "/uri/" + s.id("DAC.2.3");
            HttpResponse<String> g = get(path, "Accept", accept);
            HttpResponse<String> h = Samples.head(server, path, "Accept", accept);
            assertEquals(200, h.statusCode());
            assertEquals("", h.body());
            assertEquals(g.headers().firstValue("ETag"), h.headers().firstValue("ETag"));
            assertEquals(g.headers().firstValue("Content-Type"), h.headers().firstValue("Content-Type"));
            assertEquals(String.valueOf(g.body().getBytes(StandardCharsets.UTF_8).length), h.headers().firstValue("Content-Length").orElse(null));
        }
        assertEquals(404, Samples.head(server, "/uri/nothing-here").statusCode());
    }

    // ---------------------------------------------------------------------------------------- /resolve

    @Test
    void resolvesExternalIrisThroughResolve() throws Exception {
        String iri = s.itemUris.get("DAC.2.3");
        String q = "/resolve?uri=" + URLEncoder.encode(iri, StandardCharsets.UTF_8);
        HttpResponse<String> r = get(q, "Accept", "application/json");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(s.id("DAC.2.3"), Samples.parse(r.body()).get("identifier").asText());
        assertTrue(r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")));
        assertTrue(String.join(",", r.headers().allValues("Link")).contains("resolve?uri=" + URLEncoder.encode(iri, StandardCharsets.UTF_8) + "&format=ttl"));

        HttpResponse<String> ttl = get(q + "&format=ttl", "Accept", "application/json");
        assertTrue(contentType(ttl).startsWith("text/turtle"));
        assertTrue(parse(ttl.body(), Lang.TURTLE).contains(NodeFactory.createURI(iri), IDENTIFIER, Node.ANY));
        assertTrue(contentType(get(q + "&format=text/html")).startsWith("text/html"));
        assertTrue(contentType(get(q, "Accept", "text/html")).startsWith("text/html"));

        // a framework and an association by IRI
        String docIri = s.jobRole.get("CFDocument").get("uri").asText();
        assertEquals("Data Analyst Job Role", Samples.parse(get("/resolve?uri=" + URLEncoder.encode(docIri, StandardCharsets.UTF_8) + "&format=json").body()).get("title").asText());
        // by identifier, for identifiers that are not one path segment
        assertEquals(200, get("/resolve?id=" + s.id("DA.1.2") + "&format=json").statusCode());
    }

    @Test
    void resolveErrors() throws Exception {
        HttpResponse<String> missing = get("/resolve?uri=" + URLEncoder.encode("https://nowhere.example/x", StandardCharsets.UTF_8), "Accept", "application/json");
        assertEquals(404, missing.statusCode());
        assertTrue(Samples.parse(missing.body()).get("message").asText().contains("no entity with IRI https://nowhere.example/x"));
        assertEquals(400, get("/resolve", "Accept", "application/json").statusCode());
        assertEquals(406, get("/resolve?uri=x&format=xml").statusCode());
        // a node the opensalt sample links to but does not describe
        JsonNode external = null;
        for (JsonNode a : s.opensalt.get("CFAssociations"))
            if (a.get("associationType").asText().equals("exactMatchOf")) { external = a.get("destinationNodeURI"); break; }
        assertNotNull(external);
        HttpResponse<String> ref = get("/resolve?uri=" + URLEncoder.encode(external.get("uri").asText(), StandardCharsets.UTF_8), "Accept", "text/html");
        assertEquals(404, ref.statusCode());
        assertTrue(ref.body().contains("link to it"), ref.body());
    }

    // ---------------------------------------------------------------------------------------- errors

    @Test
    void unknownIdentifierIs404WithAHelpfulBody() throws Exception {
        HttpResponse<String> j = get("/uri/no-such-thing", "Accept", "application/json");
        assertEquals(404, j.statusCode());
        assertTrue(contentType(j).startsWith("application/json"));
        String msg = Samples.parse(j.body()).get("message").asText();
        assertTrue(msg.contains("no entity with identifier no-such-thing in this registry"), msg);
        assertTrue(msg.contains("/sparql") && msg.contains("/ims/case/v1p1/CFDocuments"), msg);

        HttpResponse<String> h = get("/uri/no-such-thing", "Accept", "text/html");
        assertEquals(404, h.statusCode());
        assertTrue(contentType(h).startsWith("text/html"));
        assertTrue(h.body().contains("<code>no-such-thing</code>"));
        assertTrue(h.body().contains("/sparql") && h.body().contains("/ims/case/v1p1/CFDocuments"));

        assertEquals(404, get("/uri/no-such-thing.json").statusCode());
        assertEquals(404, get("/uri/").statusCode());
    }

    @Test
    void nothingAcceptableIs406() throws Exception {
        HttpResponse<String> r = get("/uri/" + s.id("DA.1.2"), "Accept", "image/png");
        assertEquals(406, r.statusCode());
        assertTrue(r.body().contains("text/turtle"), r.body());
        assertTrue(String.join(",", r.headers().allValues("Link")).contains("rel=\"alternate\""));
        assertEquals(406, get("/uri/" + s.id("DA.1.2"), "Accept", "application/json;q=0, text/html;q=0").statusCode());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/uri/%22%3E%3Cscript%3E|\"><script>",
            "/uri/x'%20UNION|x' UNION",
            "/uri/x'%20UNION%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D%20%23|x' UNION { ?s ?p ?o } #",
            "/uri/%3Cimg%20src=x%20onerror=alert(1)%3E.html|<img src=x onerror=alert(1)>",
            "/resolve?uri=%22%3E%3Cscript%3Ealert(1)%3C/script%3E|\"><script>alert(1)</script>",
            "/resolve?uri=javascript:alert(1)|javascript:alert(1)",
    })
    void injectionLikeIdentifiersAre404WithEscapedBodies(String path, String raw) throws Exception {
        for (String accept : List.of("text/html", "application/json", "text/turtle")) {
            HttpResponse<String> r = get(path, "Accept", accept);
            assertEquals(404, r.statusCode(), path + " " + accept + ": " + r.body());
            assertFalse(r.body().contains("<script>"), r.body());
            assertFalse(r.body().contains("<img"), r.body());
            if (contentType(r).startsWith("text/html")) {
                assertTrue(r.body().contains(org.skillgraph.server.Http.htmlEscape(raw)), r.body());
                assertFalse(r.body().contains("href=\"javascript:"), r.body());
            } else {
                JsonNode j = Samples.parse(r.body());
                assertTrue(j.get("message").asText().contains(raw), r.body());
            }
        }
    }

    // ---------------------------------------------------------------------------------------- sweep

    @Test
    void everyStoredEntityResolvesInEveryFormat() throws Exception {
        List<String> ids = registry.read(dsg -> {
            TreeSet<String> out = new TreeSet<>();
            Iterator<Quad> it = dsg.find(Node.ANY, Node.ANY, IDENTIFIER, Node.ANY);
            while (it.hasNext()) out.add(it.next().getObject().getLiteralLexicalForm());
            return new ArrayList<>(out);
        });
        assertTrue(ids.size() > 200, "ids: " + ids.size());
        for (String id : ids) {
            String path = "/uri/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
            HttpResponse<String> j = get(path + ".json");
            assertEquals(200, j.statusCode(), id + ": " + j.body());
            assertEquals(id.toLowerCase(Locale.ROOT), Samples.parse(j.body()).get("identifier").asText().toLowerCase(Locale.ROOT), id);
            HttpResponse<String> h = get(path + ".html");
            assertEquals(200, h.statusCode(), id);
            assertTrue(h.body().endsWith("</html>\n"), id);
            assertFalse(parse(get(path + ".ttl").body(), Lang.TURTLE).isEmpty(), id);
            assertFalse(parse(get(path + ".jsonld").body(), Lang.JSONLD11).isEmpty(), id);
        }
    }
}
