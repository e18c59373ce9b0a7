package org.skillgraph.server.caseapi;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.skillgraph.server.ServerConfig;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** imsx_StatusInfo errors: status, code minor of the version, schema-valid body, never a 500 for a caller's mistake. */
class CaseApiErrorsTest extends CaseApiTestBase {
    static final List<String> ENDPOINTS = List.of("CFDocuments", "CFPackages", "CFItems", "CFItemAssociations", "CFAssociations",
            "CFAssociationGroupings", "CFConcepts", "CFSubjects", "CFItemTypes", "CFLicenses", "CFRubrics");
    static final String NOBODY = "00000000-1111-4222-8333-444444444444";

    @BeforeAll
    static void startServer() { start(ServerConfig.defaults(0)); }

    static String invalidUuid(ApiVersion v) { return v == ApiVersion.V1P0 ? "invaliduuid" : "invalid_uuid"; }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void unknownUuidIsUnknownObject(ApiVersion v) throws Exception {
        for (String e : ENDPOINTS) failure(v, e + "/" + NOBODY, 404, "unknownobject");
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void malformedUuidIsInvalidUuid(ApiVersion v) throws Exception {
        // The specification answers an invalid UUID with 404 ("Unknown Object' or 'Invalid UUID'"), code minor invalid_uuid.
        for (String e : ENDPOINTS)
            for (String id : List.of("not-a-uuid", "12345", "7242f9d2-c323-5d82-bcb3", "x".repeat(300), "' } ; DROP ALL #"))
                failure(v, e + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"), 404, invalidUuid(v));
    }

    @Test
    void anEntityOfAnotherTypeIsUnknown() throws Exception {
        failure(ApiVersion.V1P1, "CFItems/" + CERT, 404, "unknownobject");                                      // a document
        failure(ApiVersion.V1P1, "CFDocuments/7242f9d2-c323-5d82-bcb3-e66cca774c64", 404, "unknownobject");   // an item
        failure(ApiVersion.V1P1, "CFAssociations/7242f9d2-c323-5d82-bcb3-e66cca774c64", 404, "unknownobject");
        failure(ApiVersion.V1P1, "CFPackages/7242f9d2-c323-5d82-bcb3-e66cca774c64", 404, "unknownobject");
    }

    @Test
    void aUuidInUpperCaseFindsTheEntity() throws Exception {
        ok(ApiVersion.V1P1, "CFItems/7242F9D2-C323-5D82-BCB3-E66CCA774C64", "CFItem");
        ok(ApiVersion.V1P0, "CFDocuments/" + CERT.toUpperCase(), "CFDocument");
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void unknownEndpointsAreUnknownObject(ApiVersion v) throws Exception {
        for (String path : List.of("CFNothing", "CFNothing/" + NOBODY, "CFItems", "CFItems/" + NOBODY + "/more", "", "cfdocuments"))
            failure(v, path, 404, "unknownobject");
        failure(ApiVersion.V1P1, get("ims/case/v9p9/CFDocuments"), 404, "unknownobject");
        failure(ApiVersion.V1P1, get("ims/case/"), 404, "unknownobject");
        failure(ApiVersion.V1P0, "discovery", 404, "unknownobject");
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void writesAreRefused(ApiVersion v) throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            HttpResponse<String> r = send(method, api(v) + "CFDocuments/" + CERT);
            failure(v, r, 405, "forbidden");
            assertTrue(r.headers().firstValue("Allow").orElse("").contains("GET"));
        }
    }

    @Test
    void oddRequestsNeverGetA500() throws Exception {
        List<String> paths = List.of("CFItems/%00", "CFItems/%E2%80%AE", "CFItems/%F0%9F%98%80", "CFDocuments?limit=%00",
                "CFDocuments?filter=%FF", "CFDocuments?sort=%00", "CFDocuments?fields=", "CFDocuments?filter=" + "a".repeat(5000),
                "CFDocuments?filter=" + URLEncoder.encode("title='" + "(".repeat(3000) + "'", StandardCharsets.UTF_8),
                "CFItems/..%2F..%2Fsparql", "CFDocuments?orderBy=", "CFDocuments?limit=1&limit=2");
        for (ApiVersion v : ApiVersion.values())
            for (String p : paths) {
                HttpResponse<String> r = get(api(v) + p);
                assertTrue(r.statusCode() < 500, p + " -> " + r.statusCode() + " " + r.body());
                assertFalse(r.body().contains("\tat ") || r.body().contains("Exception"), r.body());
            }
    }
}
