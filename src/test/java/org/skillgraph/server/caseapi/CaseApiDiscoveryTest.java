package org.skillgraph.server.caseapi;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skillgraph.server.ServerConfig;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The CASE 1.1 discovery document, on a server started with a public base address (--base-uri):
 * absolute URLs from it, and the official operations, response schemas and component properties.
 */
class CaseApiDiscoveryTest extends CaseApiTestBase {
    static final String PUBLIC = "https://case.example.org/registry/";

    @BeforeAll
    static void startServer() { start(ServerConfig.defaults(0).withBaseUri(PUBLIC)); }

    static JsonNode discovery() throws Exception {
        HttpResponse<String> r = get("ims/case/v1p1/discovery");
        assertEquals(200, r.statusCode(), r.body());
        assertJsonType(r);
        return json(r);
    }

    static Map<String, String> operations(JsonNode openApi) {
        Map<String, String> out = new TreeMap<>();
        openApi.get("paths").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().at("/get/operationId").asText()));
        return out;
    }

    @Test
    void serversAreTheAbsolutePublicAddress() throws Exception {
        JsonNode d = discovery();
        assertEquals("3.0.0", d.get("openapi").asText());
        assertEquals("1.1", d.at("/info/version").asText());
        assertEquals(PUBLIC + "ims/case/v1p1", d.at("/servers/0/url").asText());
        assertEquals(200, get("ims/case/v1p1/discovery/").statusCode());
    }

    @Test
    void theOfficialOperationsAndResponseSchemas() throws Exception {
        JsonNode d = discovery(), official = SpecSchemas.openApi11();
        assertEquals(operations(official), operations(d));
        official.get("paths").fields().forEachRemaining(e -> {
            String path = e.getKey();
            assertEquals(e.getValue().at("/get/responses/200/content/application~1json/schema/$ref").asText(),
                    d.at("/paths/" + path.replace("/", "~1") + "/get/responses/200/content/application~1json/schema/$ref").asText(), path);
            List<String> params = new ArrayList<>(), ours = new ArrayList<>();
            e.getValue().at("/get/parameters").forEach(p -> params.add(p.get("name").asText()));
            d.at("/paths/" + path.replace("/", "~1") + "/get/parameters").forEach(p -> ours.add(p.get("name").asText()));
            assertEquals(params, ours, path);
        });
        JsonNode schemas = d.at("/components/schemas");
        schemas.fields().forEachRemaining(e -> {
            JsonNode o = official.at("/components/schemas/" + e.getKey());
            assertFalse(o.isMissingNode(), e.getKey());
            List<String> a = new ArrayList<>(), b = new ArrayList<>();
            o.get("properties").fieldNames().forEachRemaining(a::add);
            e.getValue().get("properties").fieldNames().forEachRemaining(b::add);
            assertEquals(a, b, e.getKey());
        });
        // Every $ref in the document resolves inside it.
        for (JsonNode ref : d.findValues("$ref"))
            assertFalse(d.at(ref.asText().substring(1)).isMissingNode(), ref.asText());
        assertTrue(d.at("/paths/~1CFDocuments/get/responses/200/headers").has("X-Total-Count"));
    }

    @Test
    void linksUseThePublicAddressToo() throws Exception {
        HttpResponse<String> r = get(api(ApiVersion.V1P1) + "CFDocuments?limit=1");
        assertTrue(r.headers().firstValue("Link").orElse("").contains("<" + PUBLIC + "ims/case/v1p1/CFDocuments?limit=1&offset=1>; rel=\"next\""),
                r.headers().toString());
        JsonNode doc = ok(ApiVersion.V1P1, "CFDocuments/" + CERT, "CFDocument");
        assertEquals(PUBLIC + "ims/case/v1p1/CFPackages/" + CERT, doc.at("/CFPackageURI/uri").asText());
    }
}
