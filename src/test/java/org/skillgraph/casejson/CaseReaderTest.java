package org.skillgraph.casejson;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.skillgraph.error.InputRejectedException;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CaseReaderTest {
    private static ReadResult read(String json) {
        return new CaseReader().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    private static InputRejectedException rejected(String resource) throws Exception {
        try (InputStream in = CaseReaderTest.class.getResourceAsStream("/broken/" + resource)) {
            assertNotNull(in, resource);
            return assertThrows(InputRejectedException.class, () -> new CaseReader().read(in, resource));
        }
    }

    private static final String DOC = "\"CFDocument\":{\"identifier\":\"d0000000-0000-4000-8000-000000000000\",\"uri\":\"https://ex.org/d\","
            + "\"creator\":\"c\",\"title\":\"T\",\"lastChangeDateTime\":\"2020-01-01T00:00:00Z\"}";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "truncated.json|malformed JSON",
            "empty.json|the file is empty",
            "not-case.json|no CFDocument",
            "top-level-array.json|found an array",
            "deep-nesting.json|nested deeper than 32 levels",
            "items-not-array.json|expected an array, found an object",
            "wrong-type-statement.json|fullStatement must be a string, found object",
            "wrong-type-sequence.json|sequenceNumber must be a whole number"})
    void brokenInputsAreRejectedWithWhatWhereAndWhy(String file, String reason) throws Exception {
        InputRejectedException e = rejected(file);
        assertEquals(file, e.source());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(e.getMessage().startsWith(file), e.getMessage());
    }

    @Test
    void pointerNamesTheOffendingField() throws Exception {
        assertEquals("/CFItems/3/fullStatement", rejected("wrong-type-statement.json").location());
        assertEquals("/CFItems", rejected("items-not-array.json").location());
        assertTrue(rejected("truncated.json").location().startsWith("line "));
    }

    @Test
    void repairsWhatRealPublishersSend() {
        ReadResult r = read("{" + DOC + ",\"CFItems\":[{\"identifier\":\"10000000-0000-4000-8000-000000000001\",\"uri\":\"https://ex.org/i1\","
                + "\"fullStatement\":\"S\",\"lastChangeDateTime\":\"2020-01-01 10:00:00\",\"educationLevel\":\"KG, 01,02\","
                + "\"notes\":null,\"listEnumeration\":7,\"madeUp\":{\"x\":1}}],"
                + "\"CFAssociations\":[{\"identifier\":\"20000000-0000-4000-8000-000000000001\",\"uri\":\"https://ex.org/a1\","
                + "\"associationType\":\"ext:isCousinOf\",\"sequenceNumber\":\"3\",\"lastChangeDateTime\":\"2020-01-01T00:00:00Z\","
                + "\"originNodeURI\":{\"title\":\"o\",\"identifier\":\"10000000-0000-4000-8000-000000000001\",\"uri\":\"https://ex.org/i1\"},"
                + "\"destinationNodeURI\":{\"title\":\"d\",\"identifier\":\"local:x\",\"uri\":\"local:x\"}}]}");
        CaseEntity item = r.casePackage().items().get(0);
        assertEquals(List.of("01", "02", "KG"), item.values().get("educationLevel"));
        assertEquals("2020-01-01T10:00:00", item.string("lastChangeDateTime"));
        assertEquals("7", item.string("listEnumeration"));
        assertFalse(item.values().containsKey("notes"));
        assertTrue(item.unknown().containsKey("madeUp"));
        CaseEntity assoc = r.casePackage().associations().get(0);
        assertEquals(BigInteger.valueOf(3), assoc.values().get("sequenceNumber"));
        assertEquals("ext:isCousinOf", assoc.string("associationType"));
        assertEquals("local:x", assoc.link("destinationNodeURI").uri());
        List<String> where = r.repairs().stream().map(Repair::pointer).toList();
        assertTrue(where.containsAll(List.of("/CFItems/0/educationLevel", "/CFItems/0/lastChangeDateTime", "/CFItems/0/notes",
                "/CFItems/0/listEnumeration", "/CFItems/0/madeUp", "/CFAssociations/0/sequenceNumber")), where.toString());
        assertEquals("1.0", r.casePackage().caseVersion());
    }

    @Test
    void caseVersionComesFromTheDocument() {
        ReadResult r = read("{" + DOC.replace("\"creator\"", "\"caseVersion\":\"1.1\",\"creator\"") + "}");
        assertEquals("1.1", r.casePackage().caseVersion());
        assertTrue(r.repairs().isEmpty(), r.repairs().toString());
    }

    @Test
    void entityWithoutIdentifierOrUriIsRejected() {
        InputRejectedException e = assertThrows(InputRejectedException.class,
                () -> read("{" + DOC + ",\"CFItems\":[{\"fullStatement\":\"S\"}]}"));
        assertEquals("/CFItems/0", e.location());
    }
}
