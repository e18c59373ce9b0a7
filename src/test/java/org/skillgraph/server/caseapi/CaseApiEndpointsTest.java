package org.skillgraph.server.caseapi;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.skillgraph.server.ServerConfig;
import org.skillgraph.testutil.TestData;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.*;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every endpoint in both versions, each body validated against the official schema of its version;
 * frameworks published as CASE 1.0 and as CASE 1.1 are both served in both.
 */
class CaseApiEndpointsTest extends CaseApiTestBase {
    static final String CERT_ITEM = "7242f9d2-c323-5d82-bcb3-e66cca774c64";        // DAC.1.1
    static final String SALT_ITEM = "edfce0e7-dbbf-40d5-af1a-baccabef85e9";
    static final String SALT_ASSOC = "b4d83eff-ae8e-45e5-b039-d7b832c05cd3";
    static final String SALT_ITEM_TYPE = "5b5f9983-eabb-4661-aca4-9e0c81046772";    // description null in the file
    static final String JOB_GROUPING = "7a5af0d9-67c4-52cb-91bb-ffa5de1e4dae";
    static final String JOB_TO_CERT = "d682c1e6-6dd0-56d2-a1c5-222b36cc5e92";      // job role isRelatedTo DAC.1.1
    static final String CERT_SUBJECT = "f83993cb-363e-5f8f-b527-910898e8e926";
    static final String CERT_LICENSE = "bc77be8b-9249-581f-b6cd-ebbbeabf299f";
    static final String CERT_ITEM_TYPE = "8feddb3b-f360-59bf-a01e-440ec8902101";
    static final String FIX_ITEM_A = "7d1e0002-0b5c-4a6e-9f10-000000000002";
    static final String FIX_CONCEPT_1 = "7d1e0005-0b5c-4a6e-9f10-000000000005", FIX_CONCEPT_1_1 = "7d1e0006-0b5c-4a6e-9f10-000000000006";
    static final String FIX_CONCEPT_2 = "7d1e0007-0b5c-4a6e-9f10-000000000007";
    static final String FIX_SUBJECT = "7d1e0008-0b5c-4a6e-9f10-000000000008";      // no hierarchyCode in the file
    static final String FIX_GROUPING = "7d1e000b-0b5c-4a6e-9f10-00000000000b";
    static final String FIX_RUBRIC = "7d1e000c-0b5c-4a6e-9f10-00000000000c";
    static final String FIX_GROUPED = "7d1e0065-0b5c-4a6e-9f10-000000000065";      // isChildOf with grouping and notes
    static final String FIX_TO_CERT = "7d1e0067-0b5c-4a6e-9f10-000000000067";      // exactMatchOf DAC.1.1, no title given
    static final String FIX_TRANSLATION = "7d1e0068-0b5c-4a6e-9f10-000000000068";  // isTranslationOf

    @BeforeAll
    static void startServer() { start(ServerConfig.defaults(0)); }

    static JsonNode source(String doc) throws IOException {
        Path p = switch (doc) {
            case CERT -> TestData.sample("data-analytics-certificate.json");
            case JOB -> TestData.sample("data-analyst-job-role.json");
            case SALT -> TestData.sample("opensalt-what-standards-could-be.json");
            default -> fixture();
        };
        return SpecSchemas.JSON.readTree(p.toFile());
    }

    /** The identifiers of the members of an array, in order. */
    static List<String> top(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.get("identifier").asText()));
        return out;
    }

    static Set<String> identifiers(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(e -> out.add(e.get("identifier").asText()));
        return out;
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void documentsListsEveryFrameworkWhateverItsCaseVersion(ApiVersion v) throws Exception {
        JsonNode body = ok(v, "CFDocuments", "CFDocumentSet");
        assertEquals(new TreeSet<>(ALL_DOCUMENTS), identifiers(body.get("CFDocuments")));
        for (JsonNode d : body.get("CFDocuments")) {
            assertTrue(d.has("CFPackageURI"), d.toString());
            assertEquals(v == ApiVersion.V1P1, d.has("caseVersion"), "caseVersion is a 1.1 field");
        }
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void documentById(ApiVersion v) throws Exception {
        for (String id : ALL_DOCUMENTS) {
            JsonNode d = ok(v, "CFDocuments/" + id, "CFDocument");
            assertEquals(id, d.get("identifier").asText());
            assertEquals(source(id).at("/CFDocument/title").asText(), d.get("title").asText());
            assertEquals(id, d.at("/CFPackageURI/identifier").asText());
        }
        // The CASE 1.0 file's own CFPackageURI is kept; a 1.1 file has none, so it points at this API.
        assertEquals("http://opensalt-staging.opened.com/uri/" + SALT, ok(v, "CFDocuments/" + SALT, "CFDocument").at("/CFPackageURI/uri").asText());
        assertEquals(server.localUrl() + api(v) + "CFPackages/" + CERT, ok(v, "CFDocuments/" + CERT, "CFDocument").at("/CFPackageURI/uri").asText());
        // A local date-time of the 1.0 file is served with the offset RFC 3339 needs.
        assertEquals("2017-05-25T18:05:33Z", ok(v, "CFDocuments/" + SALT, "CFDocument").get("lastChangeDateTime").asText());
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void packagesOfEveryFramework(ApiVersion v) throws Exception {
        for (String id : ALL_DOCUMENTS) {
            JsonNode p = ok(v, "CFPackages/" + id, "CFPackage");
            if (v == ApiVersion.V1P1) {
                List<String> violations = SpecSchemas.violations(SpecSchemas.package11(), p);
                assertTrue(violations.isEmpty(), "CFPackage JSON Schema: " + violations);
            }
            JsonNode src = source(id);
            assertEquals(id, p.at("/CFDocument/identifier").asText());
            assertEquals(identifiers(src.get("CFItems")), identifiers(p.get("CFItems")));
            assertEquals(identifiers(src.get("CFAssociations")), identifiers(p.get("CFAssociations")));
            src.get("CFDefinitions").fields().forEachRemaining(e ->
                    assertEquals(identifiers(e.getValue()), identifiers(p.at("/CFDefinitions/" + e.getKey())), e.getKey()));
            assertFalse(p.get("CFDocument").has("CFPackageURI"), "a package's document has no CFPackageURI");
        }
        JsonNode salt = ok(v, "CFPackages/" + SALT, "CFPackage");
        JsonNode item = salt.get("CFItems").get(0);
        assertFalse(item.has("CFDocumentURI") || item.has("CFItemAssociationURI"), "not package item fields: " + item);
        // The OpenSALT file's misspelt "educationalLevel" was read as educationLevel, a list.
        for (JsonNode i : salt.get("CFItems"))
            if (i.get("identifier").asText().equals(SALT_ITEM)) assertEquals("06", i.at("/educationLevel/0").asText(), i.toString());
        // Extensions (the fixture's item R.1 has some) are 1.1 only.
        boolean anyExtension = false;
        for (JsonNode i : ok(v, "CFPackages/" + FIX, "CFPackage").get("CFItems")) anyExtension |= i.has("extensions");
        assertEquals(v == ApiVersion.V1P1, anyExtension);
        JsonNode rubric = ok(v, "CFPackages/" + FIX, "CFPackage").at("/CFRubrics/0");
        assertEquals(FIX_RUBRIC, rubric.get("identifier").asText());
        assertEquals(2, rubric.at("/CFRubricCriteria/0/CFRubricCriterionLevels").size());
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void itemsOfA10AndA11Framework(ApiVersion v) throws Exception {
        JsonNode cert = ok(v, "CFItems/" + CERT_ITEM, "CFItem");
        assertEquals("DAC.1.1", cert.get("humanCodingScheme").asText());
        assertEquals(CERT, cert.at("/CFDocumentURI/identifier").asText());
        JsonNode salt = ok(v, "CFItems/" + SALT_ITEM, "CFItem");
        assertEquals(SALT, salt.at("/CFDocumentURI/identifier").asText());
        assertEquals(SALT_ITEM_TYPE, salt.at("/CFItemTypeURI/identifier").asText());
        JsonNode a = ok(v, "CFItems/" + FIX_ITEM_A, "CFItem");
        assertEquals(v == ApiVersion.V1P1, a.has("subjectURI"), "subjectURI of an item is 1.1");
        assertEquals(v == ApiVersion.V1P1, a.has("extensions"));
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void itemAssociationsFromEveryFramework(ApiVersion v) throws Exception {
        JsonNode set = ok(v, "CFItemAssociations/" + CERT_ITEM, "CFAssociationSet");
        assertEquals(CERT_ITEM, set.at("/CFItem/identifier").asText());
        Set<String> ids = identifiers(set.get("CFAssociations"));
        assertTrue(ids.contains(JOB_TO_CERT), "the job role's association: " + ids);
        assertTrue(ids.contains(FIX_TO_CERT), "the fixture's association: " + ids);
        for (JsonNode a : set.get("CFAssociations")) {
            boolean touches = CERT_ITEM.equals(a.at("/originNodeURI/identifier").asText()) || CERT_ITEM.equals(a.at("/destinationNodeURI/identifier").asText());
            assertTrue(touches, a.toString());
            assertFalse(a.has("CFDocumentURI"), "package associations have no CFDocumentURI");
        }
        int fromCert = 0;
        for (JsonNode a : source(CERT).get("CFAssociations"))
            if (CERT_ITEM.equals(a.at("/originNodeURI/identifier").asText()) || CERT_ITEM.equals(a.at("/destinationNodeURI/identifier").asText())) fromCert++;
        assertEquals(fromCert + 2, ids.size(), ids.toString());
        // The fixture gave no title for this end: it is the stored item's statement.
        for (JsonNode a : set.get("CFAssociations"))
            if (a.get("identifier").asText().equals(FIX_TO_CERT))
                assertTrue(a.at("/destinationNodeURI/title").asText().startsWith("Describe the stages of the data analysis lifecycle ("));
        ok(v, "CFItemAssociations/" + SALT_ITEM, "CFAssociationSet");
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void associations(ApiVersion v) throws Exception {
        JsonNode salt = ok(v, "CFAssociations/" + SALT_ASSOC, "CFAssociation");
        assertEquals("exactMatchOf", salt.get("associationType").asText());
        assertEquals(SALT, salt.at("/CFDocumentURI/identifier").asText());
        JsonNode grouped = ok(v, "CFAssociations/" + FIX_GROUPED, "CFAssociation");
        assertEquals(FIX_GROUPING, grouped.at("/CFAssociationGroupingURI/identifier").asText());
        assertEquals(v == ApiVersion.V1P1, grouped.has("notes"), "association notes are 1.1");
        JsonNode translation = ok(v, "CFAssociations/" + FIX_TRANSLATION, "CFAssociation");
        assertEquals(v == ApiVersion.V1P1 ? "isTranslationOf" : "isRelatedTo", translation.get("associationType").asText());
        ok(v, "CFAssociations/" + JOB_TO_CERT, "CFAssociation");
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void definitions(ApiVersion v) throws Exception {
        assertEquals("Alignment to Data Analytics Certificate 2025",
                ok(v, "CFAssociationGroupings/" + JOB_GROUPING, "CFAssociationGrouping").get("title").asText());
        ok(v, "CFAssociationGroupings/" + FIX_GROUPING, "CFAssociationGrouping");
        JsonNode concepts = ok(v, "CFConcepts/" + FIX_CONCEPT_1, "CFConceptSet");
        assertEquals(List.of(FIX_CONCEPT_1, FIX_CONCEPT_1_1), top(concepts.get("CFConcepts")),
                "the concept, then its children by hierarchy code (not its sibling 2)");
        assertEquals(List.of(FIX_CONCEPT_1_1), top(ok(v, "CFConcepts/" + FIX_CONCEPT_1_1, "CFConceptSet").get("CFConcepts")));
        assertEquals(List.of(FIX_CONCEPT_2), top(ok(v, "CFConcepts/" + FIX_CONCEPT_2, "CFConceptSet").get("CFConcepts")));
        JsonNode subject = ok(v, "CFSubjects/" + FIX_SUBJECT, "CFSubjectSet").at("/CFSubjects/0");
        assertEquals("", subject.get("hierarchyCode").asText(), "required by the schema, absent in the file");
        assertEquals("30.7101", ok(v, "CFSubjects/" + CERT_SUBJECT, "CFSubjectSet").at("/CFSubjects/0/hierarchyCode").asText());
        assertEquals(1, ok(v, "CFItemTypes/" + CERT_ITEM_TYPE, "CFItemTypeSet").get("CFItemTypes").size());
        // OpenSALT's three item types all have hierarchyCode "1": siblings, not children.
        JsonNode saltTypes = ok(v, "CFItemTypes/" + SALT_ITEM_TYPE, "CFItemTypeSet");
        assertEquals(List.of(SALT_ITEM_TYPE), top(saltTypes.get("CFItemTypes")));
        assertEquals("", saltTypes.at("/CFItemTypes/0/description").asText());
        assertTrue(ok(v, "CFLicenses/" + CERT_LICENSE, "CFLicense").get("licenseText").asText().contains("CC BY 4.0"));
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void rubric(ApiVersion v) throws Exception {
        JsonNode r = ok(v, "CFRubrics/" + FIX_RUBRIC, "CFRubric");
        JsonNode criterion = r.at("/CFRubricCriteria/0");
        assertEquals("Accuracy", criterion.get("category").asText());
        assertEquals("7d1e0003-0b5c-4a6e-9f10-000000000003", criterion.at("/CFItemURI/identifier").asText());
        assertEquals(List.of("Proficient", "Developing"), criterion.get("CFRubricCriterionLevels").findValuesAsText("quality"));
    }

    @Test
    void etagAndConditionalGet() throws Exception {
        for (String path : List.of(api(ApiVersion.V1P1) + "CFItems/" + CERT_ITEM, api(ApiVersion.V1P0) + "CFPackages/" + SALT,
                api(ApiVersion.V1P1) + "CFDocuments")) {
            HttpResponse<String> first = get(path);
            String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag on " + path));
            assertEquals(etag, get(path).headers().firstValue("ETag").orElse(null), "stable");
            HttpResponse<String> again = get(path, "If-None-Match", etag);
            assertEquals(304, again.statusCode(), path);
            assertEquals("", again.body());
            assertEquals(200, get(path, "If-None-Match", "\"other\"").statusCode());
        }
        assertNotEquals(get(api(ApiVersion.V1P0) + "CFPackages/" + SALT).headers().firstValue("ETag"),
                get(api(ApiVersion.V1P1) + "CFPackages/" + SALT).headers().firstValue("ETag"), "versions differ");
    }

    @Test
    void headIsAnswered() throws Exception {
        HttpResponse<String> r = send("HEAD", api(ApiVersion.V1P1) + "CFItems/" + CERT_ITEM);
        assertEquals(200, r.statusCode());
        assertEquals("", r.body());
        assertJsonType(r);
    }
}
