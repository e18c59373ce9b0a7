package org.skillgraph.server.caseapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.*;

import static org.junit.jupiter.api.Assertions.*;

/** The response shapes table against the official descriptions, property by property. */
class ShapesTest {

    private static List<String> names(JsonNode schema) {
        List<String> out = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static Set<String> required(JsonNode schema) {
        Set<String> out = new TreeSet<>();
        schema.path("required").forEach(r -> out.add(r.asText()));
        return out;
    }

    private static Set<String> required(Shapes.Shape s) {
        Set<String> out = new TreeSet<>();
        for (Shapes.Prop p : s.props()) if (p.required()) out.add(p.name());
        return out;
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void everyShapeHasTheOfficialPropertiesInTheOfficialOrderAndRequiredSet(ApiVersion v) {
        JsonNode defs = v == ApiVersion.V1P1 ? SpecSchemas.openApi11().at("/components/schemas") : SpecSchemas.swagger10Definitions();
        for (Shapes.Shape s : Shapes.all(v).values()) {
            String official = v == ApiVersion.V1P1 ? s.name() + "DType" : s.name() + ".Type";
            JsonNode schema = defs.get(official);
            assertNotNull(schema, v + ": no official " + official);
            assertEquals(names(schema), s.names(), v + " " + official + " properties");
            assertEquals(required(schema), required(s), v + " " + official + " required");
        }
    }

    /** The validators the server tests rely on do reject what the specifications forbid. */
    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void theOfficialValidatorsRejectBadBodies(ApiVersion v) {
        ObjectNode item = SpecSchemas.JSON.createObjectNode()
                .put("identifier", "7d1e0002-0b5c-4a6e-9f10-000000000002").put("uri", "https://x.example/i")
                .put("fullStatement", "S").put("lastChangeDateTime", "2024-06-01T09:30:00Z");
        item.putObject("CFDocumentURI").put("title", "D").put("identifier", "7d1e0001-0b5c-4a6e-9f10-000000000001").put("uri", "https://x.example/d");
        assertEquals(List.of(), SpecSchemas.violations(SpecSchemas.of(v, "CFItem"), item), "a good CFItem");
        ObjectNode noDoc = item.deepCopy();
        noDoc.remove("CFDocumentURI");
        assertFalse(SpecSchemas.violations(SpecSchemas.of(v, "CFItem"), noDoc).isEmpty(), "CFDocumentURI is required");
        assertEquals(List.of(), SpecSchemas.violations(SpecSchemas.of(v, "CFPckgItem"), noDoc));
        assertFalse(SpecSchemas.violations(SpecSchemas.of(v, "CFPckgItem"), item).isEmpty(), "no CFDocumentURI in a package item");
        assertFalse(SpecSchemas.violations(SpecSchemas.of(v, "CFItem"), item.deepCopy().put("unknownField", 1)).isEmpty());
        assertFalse(SpecSchemas.violations(SpecSchemas.of(v, "CFItem"), item.deepCopy().put("lastChangeDateTime", "2017-05-25T18:05:33")).isEmpty(),
                "date-time needs an offset (formats are asserted)");
        assertFalse(SpecSchemas.violations(SpecSchemas.of(v, "CFItem"), item.deepCopy().put("identifier", "not-a-uuid")).isEmpty());
        ObjectNode status = SpecSchemas.JSON.createObjectNode().put("imsx_codeMajor", "failure").put("imsx_severity", "error");
        status.putObject("imsx_codeMinor").putArray("imsx_codeMinorField").addObject()
                .put("imsx_codeMinorFieldName", "TargetEndSystem").put("imsx_codeMinorFieldValue", CodeMinor.INVALID_UUID.value(v));
        assertEquals(List.of(), SpecSchemas.violations(SpecSchemas.of(v, "imsx_StatusInfo"), status));
        status.at("/imsx_codeMinor/imsx_codeMinorField/0").withObject("").put("imsx_codeMinorFieldValue", "invalid_filter_field");
        assertFalse(SpecSchemas.violations(SpecSchemas.of(v, "imsx_StatusInfo"), status).isEmpty(), "not in either vocabulary");
    }

    @Test
    void everyCodeMinorIsInTheVocabularyOfItsVersion() {
        for (ApiVersion v : ApiVersion.values()) {
            JsonNode allowed = v == ApiVersion.V1P1
                    ? SpecSchemas.openApi11().at("/components/schemas/imsx_CodeMinorFieldDType/properties/imsx_codeMinorFieldValue/enum")
                    : SpecSchemas.swagger10().at("/definitions/imsx_CodeMinorField.Type/properties/imsx_codeMinorFieldValue/enum");
            Set<String> words = new HashSet<>();
            allowed.forEach(w -> words.add(w.asText()));
            for (CodeMinor c : CodeMinor.values()) assertTrue(words.contains(c.value(v)), v + " " + c.value(v));
        }
    }

    @Test
    void everyOfficialNonExtensionComponentHasAShape() {
        SpecSchemas.openApi11().at("/components/schemas").fieldNames().forEachRemaining(n -> {
            if (n.endsWith("ExtensionDType")) return;
            assertTrue(Shapes.all(ApiVersion.V1P1).containsKey(n.substring(0, n.length() - "DType".length())), n);
        });
    }

    @Test
    void conformDropsUnknownFillsRequiredStringsAndNormalisesDates() {
        ObjectNode in = SpecSchemas.JSON.createObjectNode()
                .put("identifier", "7d1e0005-0b5c-4a6e-9f10-000000000005").put("uri", "https://x.example/c")
                .put("title", "T").put("lastChangeDateTime", "2017-05-25T18:05:33").put("educationalLevel", "typo");
        ObjectNode out = Shapes.conform(in, ApiVersion.V1P1, "CFConcept");
        assertEquals(List.of("identifier", "uri", "title", "hierarchyCode", "lastChangeDateTime"), names(SpecSchemas.JSON.createObjectNode().set("properties", out)));
        assertEquals("", out.get("hierarchyCode").asText());
        assertEquals("2017-05-25T18:05:33Z", out.get("lastChangeDateTime").asText());
        assertTrue(SpecSchemas.violations(SpecSchemas.v1p1("CFConceptDType"), out).isEmpty());
        assertEquals("2020-01-02T03:04:00+01:00", Shapes.dateTime("2020-01-02T03:04+01:00"));
        assertEquals("2020-01-02T03:04:00Z", Shapes.dateTime("2020-01-02T03:04"));
        assertEquals("2020-01-02", Shapes.date("2020-01-02T00:00:00"));
    }

    @Test
    void associationTypesUnknownToCase10AreServedAsIsRelatedToThere() {
        ObjectNode in = SpecSchemas.JSON.createObjectNode().put("associationType", "isTranslationOf");
        assertEquals("isRelatedTo", Shapes.conform(in, ApiVersion.V1P0, "CFPckgAssociation").get("associationType").asText());
        assertEquals("isTranslationOf", Shapes.conform(in, ApiVersion.V1P1, "CFPckgAssociation").get("associationType").asText());
    }

    @Test
    void levelExtensionsAreAnArrayIn11() {
        ObjectNode in = SpecSchemas.JSON.createObjectNode();
        in.putObject("extensions").put("a", 1);
        ObjectNode out = Shapes.conform(in, ApiVersion.V1P1, "CFRubricCriterionLevel");
        assertTrue(out.get("extensions").isArray());
        assertFalse(Shapes.conform(in, ApiVersion.V1P0, "CFRubricCriterionLevel").has("extensions"));
    }
}
