package org.skillgraph.server;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skillgraph.store.Registry;
import org.skillgraph.store.SparqlEndpoints;
import org.skillgraph.testutil.TestFuseki;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The SPARQL protocol tests of {@link SparqlServerTest} with the registry in an external store (a
 * Fuseki server of its own): /sparql, /data and /update pass requests on to it.
 */
class ExternalSparqlServerTest extends SparqlServerTest {
    final TestFuseki fuseki = TestFuseki.start();

    @Override
    Registry openStore() { return withSamples(Registry.openSparql(fuseki.endpoints())); }

    @AfterEach
    void stopStore() { fuseki.close(); }

    @Test
    void serviceIsNotPassedOnToTheStore() throws Exception {
        HttpResponse<String> r = get(server, "/sparql?query=" + q("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("SERVICE"), r.body());
        HttpResponse<String> sub = get(server, "/sparql?query=" + q("SELECT * WHERE { { SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } } } }"));
        assertEquals(400, sub.statusCode(), sub.body());
    }

    @Test
    void writesNeedTheWriteTokenAndReachTheStoreWithTheStoresOwnCredentials() throws Exception {
        try (TestFuseki guarded = TestFuseki.withToken("store-secret");
             Registry r = Registry.openSparql(guarded.endpoints(SparqlEndpoints.bearer("store-secret")));
             RegistryServer s = RegistryServer.start(r, ServerConfig.defaults(0).withWriteToken("writer"))) {
            String update = "INSERT DATA { GRAPH <urn:test:g> { <urn:test:s> <urn:test:p> \"o\" } }";
            assertEquals(401, post(s, "/update", "application/sparql-update", update).statusCode());
            HttpResponse<String> ok = post(s, "/update", "application/sparql-update", update, "Authorization", "Bearer writer");
            assertEquals(200, ok.statusCode() / 100 * 100, ok.statusCode() + " " + ok.body());
            DatasetGraph d = guarded.dataset();
            assertTrue(Txn.calculateRead(d, () -> d.contains(NodeFactory.createURI("urn:test:g"), NodeFactory.createURI("urn:test:s"),
                    NodeFactory.createURI("urn:test:p"), NodeFactory.createLiteralString("o"))));
            HttpResponse<String> put = post(s, "/data?graph=" + q("urn:test:h"), "text/turtle", "<urn:test:a> <urn:test:b> <urn:test:c> .", "Authorization", "Bearer writer");
            assertEquals(200, put.statusCode() / 100 * 100, put.statusCode() + " " + put.body());
            HttpResponse<String> read = get(s, "/data?graph=" + q("urn:test:h"), "Accept", "application/n-triples");
            assertEquals("<urn:test:a> <urn:test:b> <urn:test:c> .", read.body().strip());
            HttpResponse<String> bad = post(s, "/update", "application/sparql-update", "INSERT DATA {", "Authorization", "Bearer writer");
            assertEquals(400, bad.statusCode(), bad.body());
        }
    }

    @Test
    void aStoreThatGoesDownIs503NamingIt() throws Exception {
        fuseki.close();
        HttpResponse<String> q = get(server, "/sparql?query=" + q(COUNT));
        assertEquals(503, q.statusCode(), q.body());
        assertTrue(q.body().contains(fuseki.datasetUrl()), q.body());
        HttpResponse<String> c = get(server, "/ims/case/v1p1/CFDocuments");
        assertEquals(503, c.statusCode(), c.body());
        HttpResponse<String> u = get(server, "/uri/eb66c1b1-5484-5cd2-ae83-e0adb913f392");
        assertEquals(503, u.statusCode(), u.body());
        assertTrue(u.body().contains(fuseki.datasetUrl()), u.body());
    }

    @Test
    void queryTimeLimitIsTheServers() throws Exception {
        try (RegistryServer s = RegistryServer.start(registry, ServerConfig.defaults(0).withQueryTimeout(Duration.ofMillis(300)))) {
            String heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
            HttpResponse<String> r = get(s, "/sparql?query=" + q(heavy));
            assertEquals(503, r.statusCode(), r.body());
            assertTrue(r.body().contains("timed out"), r.body());
        }
    }
}
