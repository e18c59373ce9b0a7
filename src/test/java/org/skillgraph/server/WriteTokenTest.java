package org.skillgraph.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skillgraph.store.Registry;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.*;

/** With a write token, updates need it as a bearer token; without it they are refused. */
class WriteTokenTest extends ServerTestBase {
    Registry registry;
    RegistryServer server;

    @BeforeEach
    void start() {
        registry = Registry.openTdb2(tmp.resolve("store"));
        server = RegistryServer.start(registry, ServerConfig.defaults(0).withWriteToken("s3cret-token"));
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
    }

    @Test
    void updateNeedsTheToken() throws Exception {
        String insert = "INSERT DATA { GRAPH <urn:test:g> { <urn:ex:a> <urn:ex:b> \"c\" } }";
        HttpResponse<String> none = post(server, "/update", "application/sparql-update", insert);
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        HttpResponse<String> wrong = post(server, "/update", "application/sparql-update", insert, "Authorization", "Bearer nope");
        assertEquals(403, wrong.statusCode());
        assertEquals(0, registry.size());
        HttpResponse<String> ok = post(server, "/update", "application/sparql-update", insert, "Authorization", "Bearer s3cret-token");
        assertTrue(ok.statusCode() == 200 || ok.statusCode() == 204, ok.statusCode() + " " + ok.body());
        assertEquals(1, registry.size());
    }

    @Test
    void bearerSchemeIsCaseInsensitiveAndWritesChangeEtags() throws Exception {
        org.skillgraph.pipeline.Pipeline p = new org.skillgraph.pipeline.Pipeline();
        p.importInto(registry, org.skillgraph.pipeline.Source.file(org.skillgraph.testutil.TestData.sample("data-analytics-certificate.json")), n -> {});
        String item = "/uri/7242f9d2-c323-5d82-bcb3-e66cca774c64.json";
        HttpResponse<String> first = get(server, item);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, get(server, item, "If-None-Match", etag).statusCode());
        String update = "PREFIX sg: <https://w3id.org/skillgraph/ns#> DELETE { GRAPH ?g { ?i sg:fullStatement ?s } } "
                + "INSERT { GRAPH ?g { ?i sg:fullStatement \"CHANGED\"@en } } WHERE { GRAPH ?g { ?i sg:identifier \"7242f9d2-c323-5d82-bcb3-e66cca774c64\" ; sg:fullStatement ?s } }";
        HttpResponse<String> u = post(server, "/update", "application/sparql-update", update, "Authorization", "bearer s3cret-token");
        assertTrue(u.statusCode() / 100 == 2, u.statusCode() + " " + u.body());
        HttpResponse<String> after = get(server, item, "If-None-Match", etag);
        assertEquals(200, after.statusCode());
        assertTrue(after.body().contains("CHANGED"), after.body());
    }

    @Test
    void graphStoreWriteNeedsTheToken() throws Exception {
        assertEquals(401, post(server, "/data?graph=urn:test:h", "text/turtle", "<urn:ex:a> <urn:ex:b> <urn:ex:c> .").statusCode());
        HttpResponse<String> ok = post(server, "/data?graph=urn:test:h", "text/turtle", "<urn:ex:a> <urn:ex:b> <urn:ex:c> .",
                "Authorization", "Bearer s3cret-token");
        assertTrue(ok.statusCode() / 100 == 2, ok.statusCode() + " " + ok.body());
        assertEquals(1, registry.size());
        assertEquals(200, get(server, "/data?graph=urn:test:h", "Accept", "text/turtle").statusCode());
    }
}
