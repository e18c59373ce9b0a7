package org.skillgraph.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.skillgraph.pipeline.Pipeline;
import org.skillgraph.pipeline.Source;
import org.skillgraph.store.Registry;
import org.skillgraph.testutil.TestData;

import java.nio.file.Path;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** When two frameworks hold an item with one identifier, the CASE API and /uri answer with the same one. */
class SameIdentifierTest extends ServerTestBase {
    @Test
    void newestImportWinsEverywhere() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode copy = (ObjectNode) json.readTree(TestData.sample("data-analytics-certificate.json").toFile());
        String docId = UUID.randomUUID().toString();
        ((ObjectNode) copy.get("CFDocument")).put("identifier", docId).put("uri", "https://copy.example.org/uri/" + docId)
                .put("title", "Copy of the certificate");
        for (JsonNode i : copy.get("CFItems")) ((ObjectNode) i).put("uri", "https://copy.example.org/uri/" + i.get("identifier").asText());
        Path file = tmp.resolve("copy.json");
        json.writeValue(file.toFile(), copy);
        String id = copy.get("CFItems").get(0).get("identifier").asText();

        try (Registry registry = openWithSamples(tmp.resolve("store"))) {
            new Pipeline().importInto(registry, Source.file(file), n -> {});
            try (RegistryServer server = RegistryServer.start(registry, ServerConfig.defaults(0))) {
                JsonNode viaUri = json.readTree(get(server, "/uri/" + id + ".json").body());
                JsonNode viaApi = json.readTree(get(server, "/ims/case/v1p1/CFItems/" + id).body());
                assertEquals("https://copy.example.org/uri/" + id, viaUri.path("uri").asText(), viaUri.toString());
                assertEquals(viaUri.path("uri").asText(), viaApi.path("uri").asText(), viaApi.toString());
            }
        }
    }
}
