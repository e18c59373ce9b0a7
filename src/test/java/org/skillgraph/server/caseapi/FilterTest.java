package org.skillgraph.server.caseapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The filter language, parsed by hand and evaluated in Java. */
class FilterTest {
    static final Set<String> FIELDS = DocumentQuery.filterable(ApiVersion.V1P1);

    static ObjectNode doc() {
        ObjectNode d = SpecSchemas.JSON.createObjectNode().put("title", "Data Analytics Certificate")
                .put("creator", "O'Brien College").put("lastChangeDateTime", "2025-03-14T16:00:00Z").put("version", "10");
        d.putArray("subject").add("Data Analytics").add("Statistics");
        return d;
    }

    static boolean test(String filter) { return Filter.parse(filter, FIELDS).test(doc()); }

    @Test
    void operators() {
        assertTrue(test("title='Data Analytics Certificate'"));
        assertFalse(test("title='data analytics certificate'"));
        assertTrue(test("title~'ANALYTICS'"));
        assertTrue(test("title!='x'"));
        assertTrue(test("lastChangeDateTime>'2025-01-01'"));
        assertTrue(test("lastChangeDateTime>='2025-03-14T17:00:00+01:00'"));
        assertFalse(test("lastChangeDateTime<'2025-03-14T16:00:00Z'"));
        assertTrue(test("version>'9'"), "numbers compare as numbers");
        assertTrue(test("creator='O''Brien College'"), "a quote is written twice");
        assertTrue(test("subject='Statistics'"), "lists match on any value");
        assertFalse(test("subject!='Statistics'"));
        assertTrue(test("publisher!='x'"), "a missing field is not equal to anything");
        assertFalse(test("publisher='x'"));
    }

    @Test
    void andBindsTighterThanOr() {
        assertTrue(test("title='x' AND version='1' OR title~'data'"));
        assertFalse(test("title='x' OR title~'data' AND version='1'"));
        assertTrue(test("title~'data'  AND  subject='Statistics'"));
        assertTrue(test("title~'data' and version='10'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "title='x' } ; DROP ALL", "title='x') UNION { ?s ?p ?o }", "title=x", "title='x", "='x'", "title", "title=='x'",
            "title='x' AND", "title='x'AND version='1'", "title='x' XOR version='1'", "tit le='x'", "title~'x' ; ",
            "nosuchfield='x'", "CFPackageURI='x'", "extensions='x'", "1title='x'", "title\u00e9='x'"})
    void malformedOrUnknownIsInvalidSelectionField(String filter) {
        CaseApiException e = assertThrows(CaseApiException.class, () -> Filter.parse(filter, FIELDS));
        assertEquals(400, e.status());
        assertEquals(CodeMinor.INVALID_SELECTION_FIELD, e.codeMinor());
    }

    @Test
    void limits() {
        assertThrows(CaseApiException.class, () -> Filter.parse("title='" + "x".repeat(Filter.MAX_LENGTH) + "'", FIELDS));
        String many = String.join(" AND ", java.util.Collections.nCopies(Filter.MAX_CLAUSES + 1, "title='x'"));
        assertThrows(CaseApiException.class, () -> Filter.parse(many, FIELDS));
        assertEquals(1, Filter.parse("title='x' OR title='y'", FIELDS).groups().get(0).size());
    }

    @Test
    void fieldsOfTheVersionOnly() {
        assertTrue(DocumentQuery.filterable(ApiVersion.V1P1).contains("frameworkType"));
        assertFalse(DocumentQuery.filterable(ApiVersion.V1P0).contains("frameworkType"));
        assertThrows(CaseApiException.class, () -> Filter.parse("caseVersion='1.1'", DocumentQuery.filterable(ApiVersion.V1P0)));
    }
}
