package org.skillgraph.server.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skillgraph.diff.JobRoleV2;
import org.skillgraph.pipeline.Pipeline;
import org.skillgraph.pipeline.Source;
import org.skillgraph.server.RegistryServer;
import org.skillgraph.server.ServerConfig;
import org.skillgraph.server.ServerTestBase;
import org.skillgraph.store.Registry;
import org.skillgraph.vocab.Iris;
import org.skillgraph.vocab.SG;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.*;

/** /catalog and /api/frameworks over HTTP, on the three samples with a second version of the job role. */
class CatalogServerTest extends ServerTestBase {
    static final ObjectMapper JSON = new ObjectMapper();
    Registry registry;
    RegistryServer server;

    @BeforeEach
    void start() throws Exception {
        registry = openWithSamples(tmp.resolve("store"));
        new Pipeline().importInto(registry, Source.file(JobRoleV2.write(tmp)), n -> {});
        server = RegistryServer.start(registry, ServerConfig.defaults(0));
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
    }

    static Model parse(String body, Lang lang) {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(body, lang).parse(m);
        return m;
    }

    @Test
    void catalogIsTurtleByDefaultAndJsonLdOnRequest() throws Exception {
        HttpResponse<String> ttl = get(server, "/catalog");
        assertEquals(200, ttl.statusCode(), ttl.body());
        assertTrue(ttl.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        Model m = parse(ttl.body(), Lang.TURTLE);
        assertEquals(3, m.listSubjectsWithProperty(RDF.type, m.createResource(SG.DCAT + "Dataset")).toList().size());
        assertEquals(3, m.listSubjectsWithProperty(RDF.type, m.createResource(SG.VOID + "Dataset")).toList().size());
        assertTrue(m.contains(m.wrapAsResource(Iris.CATALOG), RDF.type, m.createResource(SG.DCAT + "Catalog")));
        // The job role has two versions, linked with DCAT and PROV-O.
        var jobRole = m.createResource(Iris.frameworkGraph(JobRoleV2.ID).getURI());
        var v1 = m.createResource(Iris.frameworkVersion(JobRoleV2.ID, 1).getURI());
        var v2 = m.createResource(Iris.frameworkVersion(JobRoleV2.ID, 2).getURI());
        assertTrue(m.contains(jobRole, m.createProperty(SG.DCAT, "hasCurrentVersion"), v2));
        assertTrue(m.contains(jobRole, m.createProperty(SG.DCAT, "hasVersion"), v1));
        assertTrue(m.contains(v2, m.createProperty(SG.PROV, "wasRevisionOf"), v1));
        assertTrue(m.contains(v1, RDF.type, m.createResource(SG.PROV + "Entity")));
        assertEquals(2, m.listObjectsOfProperty(jobRole, m.createProperty(SG.DCAT, "distribution")).toList().size());
        assertTrue(ttl.body().contains(server.localUrl() + "ims/case/v1p1/CFPackages/" + JobRoleV2.ID), "CASE package link");

        HttpResponse<String> jsonld = get(server, "/catalog", "Accept", "application/ld+json");
        assertEquals(200, jsonld.statusCode());
        assertTrue(jsonld.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
        assertTrue(parse(jsonld.body(), Lang.JSONLD).isIsomorphicWith(m), "the same catalog in both formats");

        assertEquals(200, get(server, "/catalog?format=nt").statusCode());
        assertEquals(406, get(server, "/catalog", "Accept", "image/png").statusCode());
        assertEquals(400, get(server, "/catalog?format=pdf").statusCode());
    }

    @Test
    void catalogPageListsEachFrameworkWithItsFacts() throws Exception {
        HttpResponse<String> r = get(server, "/catalog", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = r.body();
        for (String t : new String[]{"Data Analytics Certificate", "Data Analyst Job Role", "What Standards Could Be",
                "Riverbend Community College", registry.find(JobRoleV2.ID).contentHash(), "v2</span> (<a href"})
            assertTrue(html.contains(t), t + " in\n" + html);
        assertEquals(4, html.split("<tr>").length - 1, "a header row and one row per framework");
        assertFalse(html.contains("withdrawn 20"));
    }

    @Test
    void apiListsFrameworksAndOneWithItsVersions() throws Exception {
        HttpResponse<String> r = get(server, "/api/frameworks");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode list = JSON.readTree(r.body());
        assertEquals(3, list.get("count").asInt());
        JsonNode cert = null;
        for (JsonNode f : list.get("frameworks")) if (f.get("title").asText().equals("Data Analytics Certificate")) cert = f;
        assertNotNull(cert, r.body());
        assertEquals(33, cert.get("items").asInt());
        assertEquals("Riverbend Community College", cert.get("publisher").asText());
        assertEquals("current", cert.get("status").asText());
        assertEquals(1, cert.get("version").asInt());
        assertTrue(cert.get("source").asText().endsWith("data-analytics-certificate.json"));
        assertTrue(cert.get("contentHash").asText().startsWith("h128:"));
        assertFalse(cert.has("versions"), "the list leaves versions out");

        JsonNode one = JSON.readTree(get(server, "/api/frameworks/" + JobRoleV2.ID).body());
        assertEquals(2, one.get("version").asInt());
        assertEquals(2, one.get("versions").size());
        assertEquals(2, one.at("/versions/0/version").asInt());
        assertEquals(1, one.at("/versions/0/previous").asInt());
        assertTrue(one.at("/versions/0/replacedAt").isNull());
        assertFalse(one.at("/versions/1/replacedAt").isNull());
        assertTrue(one.at("/versions/1/contentKept").asBoolean());
        assertEquals("sg:repairCount", one.get("provenance").fieldNames().next(), one.get("provenance").toString());

        HttpResponse<String> missing = get(server, "/api/frameworks/no-such-id");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("no framework 'no-such-id'"), missing.body());
        assertEquals(404, get(server, "/api/frameworks/" + JobRoleV2.ID + "/nothing").statusCode());
    }

    @Test
    void diffOverHttpAsJsonAndText() throws Exception {
        HttpResponse<String> r = get(server, "/api/frameworks/" + JobRoleV2.ID + "/diff");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode d = JSON.readTree(r.body());
        assertEquals(1, d.at("/from/version").asInt());
        assertEquals(2, d.at("/to/version").asInt());
        assertEquals(JobRoleV2.DA_5_4, d.at("/items/added/0/identifier").asText());
        assertEquals(JobRoleV2.DA_5_3, d.at("/items/removed/0/identifier").asText());
        assertEquals(JobRoleV2.DA_1_1_STATEMENT, d.at("/items/changed/0/fields/0/to").asText());
        assertEquals(1, d.at("/summary/associationsAdded").asInt());

        HttpResponse<String> text = get(server, "/api/frameworks/" + JobRoleV2.ID + "/diff?from=2&to=1", "Accept", "text/plain");
        assertEquals(200, text.statusCode());
        assertTrue(text.body().contains("items: 1 added, 1 removed, 1 changed"), text.body());
        assertTrue(text.body().contains("  + DA.5.3 "), text.body());

        HttpResponse<String> bad = get(server, "/api/frameworks/" + JobRoleV2.ID + "/diff?from=abc");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("a version number"), bad.body());
        assertEquals(404, get(server, "/api/frameworks/" + JobRoleV2.ID + "/diff?from=9").statusCode());
        HttpResponse<String> only = get(server, "/api/frameworks/" + JobRoleV2.ID + "/diff?to=1");
        assertEquals(400, only.statusCode());
        assertTrue(only.body().contains("first version"), only.body());
    }

    @Test
    void aWithdrawnMarkInTheCatalogIsShown() throws Exception {
        // What a harvest writes when the provider stops listing a framework.
        Txn.executeWrite(registry.dataset(), () -> registry.dataset().add(Iris.CATALOG_GRAPH,
                Iris.frameworkGraph(JobRoleV2.ID), SG.sg("withdrawnAt"),
                NodeFactory.createLiteralDT("2026-11-01T00:00:00Z", XSDDatatype.XSDdateTime)));
        JsonNode one = JSON.readTree(get(server, "/api/frameworks/" + JobRoleV2.ID).body());
        assertEquals("withdrawn", one.get("status").asText());
        assertEquals("2026-11-01T00:00:00Z", one.get("withdrawnAt").asText());
        assertFalse(one.get("provenance").has("sg:withdrawnAt"), "named once, not repeated under provenance");
        assertTrue(get(server, "/catalog?format=html").body().contains("withdrawn 2026-11-01T00:00:00Z"));
    }

    @Test
    void theCatalogIsReadOnly() throws Exception {
        HttpResponse<String> r = post(server, "/api/frameworks", "application/json", "{}");
        assertEquals(403, r.statusCode(), "a read-only server refuses writes under /api/: " + r.body());
    }
}
