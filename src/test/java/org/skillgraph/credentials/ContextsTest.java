package org.skillgraph.credentials;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ContextsTest {
    private static final Map<String, String> SHA256 = Map.of(
            "2018-credentials-v1.jsonld", "3d0b277522ed24385c850b9882b9688687189b8f37a9bd9f1577e348b1019c44",
            "credentials-v2.jsonld", "59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734",
            "ob_v3p0_context.json", "b077fa134d909d92c1dcd1c153f2af1b244aeb415967fdc1467d7fc5dd48ac10",
            "ob_v3p0_context-3.0.1.json", "d582f3564282fb3b709136d28412e78e70b678b4dbc2f0221f67d84932748355",
            "ob_v3p0_context-3.0.2.json", "00666ad080ba407687ed1846b7f5e7495f5019042b202a727de47c48a1755c53",
            "ob_v3p0_context-3.0.3.json", "ef2fa9c7846dce233cc166b43639027278be4ee44f00bb1d45c75de2dd0cd761",
            "ob-v3p0-extensions.json", "146f85aa16effd7ca1da8056eb443f53ce1eca8a34186cb062832c0a97d889c3",
            "clr-v2p0.json", "e198d7b517d74c5036434ce495086f67b10244709e9a3df9dcb7f8b1579b6167",
            "clr-v2p0-2.0.1.json", "880f1902d4158f2f33ce06af41b90719977cd1ea337a9de2e41edb3ff5e543d6",
            "ob_v2p0_v2_context.json", "3c0c25a0e581c64cbe632197377c4f334c6c0b95f0d90e3b74449781612b153d");

    @Test
    void shippedContextsAreTheOfficialBytes() throws Exception {
        assertEquals(SHA256.keySet(), new java.util.HashSet<>(Contexts.SHIPPED.values()));
        Path shared = Fixtures.sharedCredentials();
        for (Map.Entry<String, String> e : Contexts.SHIPPED.entrySet()) {
            byte[] b = Contexts.bytes(e.getKey());
            assertNotNull(b, e.getKey());
            assertEquals(SHA256.get(e.getValue()), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b)), e.getValue());
            if (shared != null) assertArrayEquals(Files.readAllBytes(shared.resolve("contexts").resolve(e.getValue())), b, e.getValue());
            assertNotNull(Contexts.document(e.getKey()), e.getKey());
        }
        assertNull(Contexts.bytes("https://example.org/context.json"));
    }

    @Test
    void everyContextTheExamplesNameIsShippedButTwo() throws Exception {
        java.util.Set<String> named = new java.util.TreeSet<>();
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        try (var files = Files.list(Fixtures.path("original"))) {
            for (Path p : files.toList()) collect(m.readTree(p.toFile()), named);
        }
        named.removeAll(Contexts.SHIPPED.keySet());
        assertEquals(java.util.Set.of("https://w3id.org/security/suites/ed25519-2020/v1", "https://dc.imsglobal.org/draft/clr/v2p0/context"), named);
    }

    private static void collect(com.fasterxml.jackson.databind.JsonNode n, java.util.Set<String> out) {
        if (n.isObject()) {
            com.fasterxml.jackson.databind.JsonNode c = n.get("@context");
            if (c != null && c.isTextual()) out.add(c.asText());
            if (c != null && c.isArray()) c.forEach(x -> { if (x.isTextual()) out.add(x.asText()); });
            n.forEach(x -> collect(x, out));
        } else if (n.isArray()) n.forEach(x -> collect(x, out));
    }

    @Test
    void loaderServesOnlyShippedContextsAndNamesTheOthers() {
        Contexts.Loader l = new Contexts.Loader();
        assertDoesNotThrow(() -> l.loadDocument(java.net.URI.create(Contexts.OB3), null));
        var e = assertThrows(com.apicatalog.jsonld.JsonLdError.class,
                () -> l.loadDocument(java.net.URI.create("https://evil.example.com/ctx.jsonld"), null));
        assertTrue(e.getMessage().contains("https://evil.example.com/ctx.jsonld"), e.getMessage());
        assertEquals("https://evil.example.com/ctx.jsonld", l.unknown());
    }
}
