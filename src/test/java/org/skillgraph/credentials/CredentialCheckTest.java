package org.skillgraph.credentials;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skillgraph.store.Registry;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;
import static org.skillgraph.credentials.Fixtures.*;

/** The check against a registry holding the sample frameworks (in memory). */
class CredentialCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Registry registry;
    private static CredentialCheck check;

    @BeforeAll
    static void load() {
        registry = withSamples(Registry.inMemory());
        check = new CredentialCheck(registry);
    }

    @AfterAll
    static void close() { registry.close(); }

    private static JsonNode byUrl(JsonNode report, String url) {
        for (JsonNode a : report.get("alignments")) if (a.get("targetUrl").asText().equals(url)) return a;
        throw new AssertionError("no alignment for " + url + " in " + report);
    }

    private static JsonNode mismatch(JsonNode a, String field) {
        for (JsonNode m : a.get("mismatches")) if (m.get("field").asText().equals(field)) return m;
        return null;
    }

    @Test
    void ob3CredentialAdaptedToTheSamples() {
        long before = registry.size();
        ObjectNode r = check.check(bytes("adapted/ob3-aligned.json"), "ob3", null);
        assertEquals(before, registry.size(), "the check stores nothing");
        assertFalse(r.get("proofChecked").asBoolean());
        assertEquals("signatures/proofs are not verified", r.get("note").asText());
        assertEquals("http://example.edu/credentials/3732", r.at("/credential/id").asText());
        assertEquals(6, r.get("alignments").size());

        JsonNode ok = byUrl(r, DAC_1_1);
        assertEquals("resolved", ok.get("status").asText());
        assertEquals("iri", ok.get("matchedBy").asText());
        assertEquals(0, ok.get("mismatches").size(), ok.toString());
        assertEquals("credentialSubject.achievement.alignment[0]", ok.get("path").asText());
        assertEquals("DAC.1.1", ok.at("/item/humanCodingScheme").asText());
        assertEquals("CFItem", ok.at("/item/type").asText());
        assertEquals("Data Analytics Certificate", ok.at("/framework/title").asText());
        assertEquals(DAC_DOC, ok.at("/framework/uri").asText());
        assertEquals("eb66c1b1-5484-5cd2-ae83-e0adb913f392", ok.at("/framework/identifier").asText());
        assertEquals(1, ok.get("ancestors").size(), ok.get("ancestors").toString());
        assertEquals("DAC.1", ok.at("/ancestors/0/humanCodingScheme").asText());

        JsonNode wrong = byUrl(r, DA_1_1);
        assertEquals("resolved", wrong.get("status").asText());
        assertEquals("DA.9.9", mismatch(wrong, "targetCode").get("given").asText());
        assertEquals("DA.1.1", mismatch(wrong, "targetCode").get("stored").asText());
        assertEquals("Data Analyst Job Role", mismatch(wrong, "targetFramework").get("stored").asText());
        assertNotNull(mismatch(wrong, "targetName"));
        assertEquals("CFItem", mismatch(wrong, "targetType").get("stored").asText());
        assertEquals(4, wrong.get("mismatches").size());
        // DA.1.1 is the same as a certificate item: the neighbour is reported with its direction
        JsonNode n = wrong.get("neighbours").get(0);
        assertEquals("exactMatchOf", n.get("relation").asText());
        assertEquals("outgoing", n.get("direction").asText());
        assertEquals("https://case.example.edu/uri/6cea8534-080f-5d64-9fa0-e3c233a93720", n.get("uri").asText());
        assertTrue(n.get("words").asText().startsWith("DA.1.1 is the same as "), n.toString());
        assertTrue(n.get("inRegistry").asBoolean());

        JsonNode api = byUrl(r, "https://case.example.edu/ims/case/v1p0/CFItems/" + DAC_1_2_ID);
        assertEquals("resolved", api.get("status").asText());
        assertEquals("caseApiUrl", api.get("matchedBy").asText());
        assertEquals(0, api.get("mismatches").size(), api.toString());

        JsonNode missing = byUrl(r, "https://case.example.edu/uri/00000000-0000-4000-8000-000000000000");
        assertEquals("unknown", missing.get("status").asText());
        assertTrue(missing.get("reason").asText().contains("case.example.edu"), missing.toString());

        JsonNode ext = byUrl(r, "https://caseregistry.imsglobal.org/uri/74f5bb7d-d7cc-11e8-824f-0242ac160002");
        assertEquals("external", ext.get("status").asText());
        assertEquals("caseregistry.imsglobal.org", ext.get("publisher").asText());
        assertTrue(ext.has("harvestSource") && ext.get("harvestSource").isNull(), ext.toString());

        JsonNode ctdl = byUrl(r, "https://credentialfinder.org/competency/ce-6369c51f-4d86-4592-a761-8b32ae70a045");
        assertEquals("unknown", ctdl.get("status").asText());

        JsonNode s = r.get("summary");
        assertEquals(6, s.get("alignments").asInt());
        assertEquals(3, s.get("resolved").asInt());
        assertEquals(1, s.get("external").asInt());
        assertEquals(2, s.get("unknown").asInt());
        assertEquals(1, s.get("withMismatches").asInt());
    }

    @Test
    void incomingNeighboursAndReverseDirection() {
        ObjectNode r = check.resolveAll(List.of(JsonNodeFactory.instance.textNode("https://case.example.edu/uri/6cea8534-080f-5d64-9fa0-e3c233a93720")), null);
        JsonNode a = r.get("results").get(0);
        assertEquals("resolved", a.get("status").asText());
        boolean incoming = false;
        for (JsonNode n : a.get("neighbours"))
            if (n.get("direction").asText().equals("incoming") && n.get("uri").asText().equals(DA_1_1)) {
                incoming = true;
                assertTrue(n.get("words").asText().startsWith("DA.1.1"), n.toString());
                assertTrue(n.get("words").asText().contains(" is the same as "), n.toString());
            }
        assertTrue(incoming, a.get("neighbours").toString());
    }

    @Test
    void harvestHookIsAsked() {
        CredentialCheck withHarvest = new CredentialCheck(registry,
                url -> url.contains("caseregistry.imsglobal.org") ? Optional.of("https://caseregistry.imsglobal.org/ims/case/v1p0/") : Optional.empty());
        JsonNode ext = byUrl(withHarvest.check(bytes("adapted/ob3-aligned.json"), "ob3", null),
                "https://caseregistry.imsglobal.org/uri/74f5bb7d-d7cc-11e8-824f-0242ac160002");
        assertEquals("https://caseregistry.imsglobal.org/ims/case/v1p0/", ext.get("harvestSource").asText());
    }

    @Test
    void clrWithNestedCredentials() {
        ObjectNode r = check.check(bytes("adapted/clr-nested.json"), "clr", null);
        assertTrue(r.at("/credential/type").toString().contains("ClrCredential"));
        assertEquals(2, r.get("nestedCredentials").size());
        assertEquals(4, r.get("alignments").size());
        JsonNode nested = byUrl(r, DA_1);
        assertEquals("resolved", nested.get("status").asText());
        assertEquals(0, nested.get("mismatches").size(), nested.toString());
        assertEquals("http://example.com/credentials/3527", nested.at("/inCredential/id").asText());
        JsonNode http = byUrl(r, "http://case.example.edu/uri/" + DAC_2_ID);
        assertEquals("resolved", http.get("status").asText());
        assertTrue(http.get("reason").asText().contains("https"), http.toString());
        JsonNode wrongCode = byUrl(r, DAC_1_1);
        assertEquals("WRONG.CODE", mismatch(wrongCode, "targetCode").get("given").asText());
        // targetType CFItem: a CASE item of a publisher the registry does not hold
        assertEquals("external", byUrl(r, "https://example.org/not-a-case-uri/sql").get("status").asText());
        JsonNode assoc = r.get("associations").get(0);
        assertEquals("isParentOf", assoc.get("associationType").asText());
        assertEquals("Achievement 1", assoc.get("sourceName").asText());
        assertEquals("Achievement 2", assoc.get("targetName").asText());
        assertEquals(1, r.at("/summary/associations").asInt());
    }

    @Test
    void ob2BadgeClass() {
        ObjectNode r = check.check(bytes("adapted/ob2-badgeclass.json"), "ob2", null);
        assertEquals("BadgeClass", r.at("/credential/type/0").asText());
        JsonNode a = byUrl(r, DAC_1);
        assertEquals("resolved", a.get("status").asText());
        assertEquals(0, a.get("mismatches").size(), a.toString());
        assertEquals("unknown", byUrl(r, "https://learning.mozilla.org/en-US/web-literacy/skills#problem-solving").get("status").asText());
    }

    @Test
    void registryUrlsResolve() {
        String base = "https://registry.example.net/";
        List<JsonNode> in = new ArrayList<>();
        in.add(JsonNodeFactory.instance.textNode(base + "uri/" + DAC_2_ID));
        in.add(JsonNodeFactory.instance.textNode(base + "uri/" + DAC_2_ID + ".json"));
        in.add(JsonNodeFactory.instance.textNode(base + "resolve?uri=" + java.net.URLEncoder.encode(DAC_1_1, StandardCharsets.UTF_8)));
        in.add(JsonNodeFactory.instance.textNode(base + "ims/case/v1p1/CFItems/" + DAC_1_2_ID));
        ObjectNode withCode = JsonNodeFactory.instance.objectNode().put("targetUrl", DAC_1_1).put("targetCode", "NOPE");
        in.add(withCode);
        ObjectNode r = check.resolveAll(in, base);
        for (int i = 0; i < 4; i++) {
            JsonNode x = r.get("results").get(i);
            assertEquals("resolved", x.get("status").asText(), x.toString());
            assertEquals("registryUrl", x.get("matchedBy").asText(), x.toString());
        }
        assertEquals("NOPE", r.at("/results/4/mismatches/0/given").asText());
        assertEquals(base + "uri/" + DAC_2_ID, r.at("/results/0/item/registryUrl").asText());
    }

    @Test
    void stubsAreExternal() {
        // OpenSALT's sample keeps stubs for the items of another framework it matches exactly
        ObjectNode r = check.resolveAll(List.of(JsonNodeFactory.instance.textNode(
                "http://opensalt-staging.opened.com/uri/5b6c487e-04f1-5ba9-9722-d099849b9167")), null);
        JsonNode a = r.at("/results/0");
        assertEquals("external", a.get("status").asText(), a.toString());
        assertTrue(a.get("reason").asText().contains("links to it"), a.toString());
    }

    @Test
    void batchLimit() {
        List<JsonNode> many = new ArrayList<>();
        for (int i = 0; i <= CredentialCheck.MAX_URIS; i++) many.add(JsonNodeFactory.instance.textNode("https://example.org/" + i));
        CredentialRejectedException e = assertThrows(CredentialRejectedException.class, () -> check.resolveAll(many, null));
        assertEquals(413, e.status());
    }

    @Test
    void tenThousandAlignments() throws Exception {
        String[] targets = {DAC_1_1, DA_1_1, DAC_1, "https://case.example.edu/uri/00000000-0000-4000-8000-000000000000",
                "https://caseregistry.imsglobal.org/uri/74f5bb7d-d7cc-11e8-824f-0242ac160002"};
        StringBuilder sb = new StringBuilder(2_000_000);
        sb.append("{\"@context\": [\"https://www.w3.org/ns/credentials/v2\", \"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],")
                .append("\"id\": \"urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427\", \"type\": [\"VerifiableCredential\", \"OpenBadgeCredential\"],")
                .append("\"issuer\": {\"id\": \"https://example.edu/issuers/1\", \"type\": [\"Profile\"]}, \"validFrom\": \"2024-01-01T00:00:00Z\",")
                .append("\"name\": \"Big\", \"credentialSubject\": {\"type\": [\"AchievementSubject\"], \"achievement\": {")
                .append("\"id\": \"https://example.edu/a/1\", \"type\": [\"Achievement\"], \"name\": \"Big\", \"description\": \"d\", ")
                .append("\"criteria\": {\"narrative\": \"n\"}, \"alignment\": [");
        for (int i = 0; i < 10_000; i++) {
            if (i > 0) sb.append(',');
            String t = i % 7 == 6 ? "https://example.org/unknown/" + i : targets[i % targets.length];
            String code = i % 1000 == 0 ? "WRONG" : null;
            sb.append("{\"type\": [\"Alignment\"], ").append(i % 7 == 6 ? "" : "\"targetType\": \"CFItem\", ")
                    .append("\"targetUrl\": \"").append(t).append('"');
            if (code != null) sb.append(", \"targetCode\": \"").append(code).append('"');
            sb.append('}');
        }
        sb.append("]}}}");
        byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
        check.check(bytes("adapted/ob3-aligned.json"), "warm-up", null);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long memBefore = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        ObjectNode r = check.check(body, "big", null);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long memAfter = rt.totalMemory() - rt.freeMemory();
        assertEquals(10_000, r.get("alignments").size());
        int expectedUnknownOther = 0, expectedResolved = 0, expectedExternal = 0, expectedUnknown = 0;
        for (int i = 0; i < 10_000; i++) {
            if (i % 7 == 6) { expectedUnknownOther++; continue; }
            switch (i % targets.length) {
                case 0, 1, 2 -> expectedResolved++;
                case 3 -> expectedUnknown++;
                default -> expectedExternal++;
            }
        }
        assertEquals(expectedResolved, r.at("/summary/resolved").asInt());
        assertEquals(expectedExternal, r.at("/summary/external").asInt());
        assertEquals(expectedUnknown + expectedUnknownOther, r.at("/summary/unknown").asInt());
        // wrong codes on every 1000th, where it resolved
        int wrong = 0;
        for (int i = 0; i < 10_000; i += 1000) if (i % 7 != 6 && i % targets.length <= 2) wrong++;
        assertEquals(wrong, r.at("/summary/withMismatches").asInt());
        assertEquals("credentialSubject.achievement.alignment[9999]", r.at("/alignments/9999/path").asText());
        assertTrue(ms < 10_000, "10,000 alignments took " + ms + " ms");
        String out = JSON.writeValueAsString(r);
        assertTrue(out.length() < 80_000_000, "answer of " + out.length() + " chars");
        System.out.printf("10,000 alignments: %d ms, ~%d MB heap growth, %d MB answer%n", ms,
                Math.max(0, memAfter - memBefore) >> 20, out.length() >> 20);
    }

    @Test
    void ob3ObjectsForAStoredItem() throws Exception {
        ItemFacts f = Ob3Objects.facts(registry, DAC_1_1, "https://registry.example.net/").orElseThrow();
        ObjectNode al = Ob3Objects.alignment(f);
        assertEquals(DAC_1_1, al.get("targetUrl").asText());
        assertEquals("DAC.1.1", al.get("targetCode").asText());
        assertTrue(al.get("targetName").asText().startsWith("Describe the stages of the data analysis lifecycle"));
        assertEquals("Data Analytics Certificate", al.get("targetFramework").asText());
        assertEquals("CFItem", al.get("targetType").asText());
        assertEquals("Alignment", al.at("/type/0").asText());
        // by identifier, the canonical URI is still the targetUrl
        ItemFacts byId = Ob3Objects.facts(registry, "7242f9d2-c323-5d82-bcb3-e66cca774c64", null).orElseThrow();
        assertEquals(DAC_1_1, Ob3Objects.alignment(byId).get("targetUrl").asText());
        assertTrue(Ob3Objects.facts(registry, "https://example.org/nothing", null).isEmpty());

        ObjectNode ach = Ob3Objects.achievement(f);
        assertEquals(Contexts.OB3, ach.at("/@context/1").asText());
        assertEquals("Achievement", ach.at("/type/0").asText());
        // valid JSON-LD with the shipped contexts: every term expands (nothing is dropped)
        JsonArray exp = JsonLd.expand(JsonDocument.of(new ByteArrayInputStream(JSON.writeValueAsBytes(ach))))
                .options(new JsonLdOptions(new Contexts.Loader())).get();
        JsonObject a = exp.getJsonObject(0);
        assertEquals("https://purl.imsglobal.org/spec/vc/ob/vocab.html#Achievement", a.getJsonArray("@type").getString(0));
        for (String p : List.of("https://schema.org/name", "https://schema.org/description",
                "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Criteria", "https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievementType",
                "https://purl.imsglobal.org/spec/vc/ob/vocab.html#humanCode", "https://purl.imsglobal.org/spec/vc/ob/vocab.html#alignment"))
            assertTrue(a.containsKey(p), p + " in " + a);
        JsonObject al2 = a.getJsonArray("https://purl.imsglobal.org/spec/vc/ob/vocab.html#alignment").getJsonObject(0);
        assertEquals(7, al2.size(), al2.toString()); // @type + the six target fields: nothing dropped
        // and the check reads its own output back without mismatches
        ObjectNode cred = (ObjectNode) JSON.readTree(Fixtures.bytes("original/achievementAlignmentCase.json"));
        ((ObjectNode) cred.get("credentialSubject")).set("achievement", ach.deepCopy().without("@context"));
        JsonNode back = check.check(JSON.writeValueAsBytes(cred), "roundtrip", null).get("alignments").get(0);
        assertEquals("resolved", back.get("status").asText());
        assertEquals(0, back.get("mismatches").size(), back.toString());
        // and the alignment document on its own
        assertEquals(Contexts.VC2, Ob3Objects.alignmentDocument(f).at("/@context/0").asText());
    }

    @Test
    void htmlEscapesEverything() {
        String evil = Fixtures.text("original/achievementAlignmentCase.json")
                .replace("Example University Degree", "<script>alert(1)</script>")
                .replace("https://caseregistry.imsglobal.org/uri/74f5bb7d-d7cc-11e8-824f-0242ac160002", "javascript:alert(2)");
        ObjectNode r = check.check(evil.getBytes(StandardCharsets.UTF_8), "evil", null);
        String html = CheckHtml.render(r, "Check <b>");
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;"));
        assertFalse(html.contains("href=\"javascript:"), html);
        assertTrue(html.contains("Check &lt;b&gt;"));
    }
}
