package org.skillgraph.mapping;

import org.junit.jupiter.api.Test;
import org.skillgraph.vocab.SG;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every association type reads in both directions, from the ontology's sg:phrase annotations. */
class DirectionsTest {

    @Test
    void theIssuesSentences() {
        assertEquals("A is part of B", Directions.sentence("isPartOf", "A", "B"));
        assertEquals("A is the same as B", Directions.sentence("exactMatchOf", "A", "B"));
        assertEquals("A is a prerequisite for B", Directions.sentence("precedes", "A", "B"));
        assertEquals("has part", Directions.inverse("isPartOf"));
        assertEquals("is a child of", Directions.forward("isChildOf"));
        assertEquals("is the parent of", Directions.inverse("isChildOf"));
    }

    @Test
    void everyCaseTypeHasBothPhrasings() {
        assertEquals(10, SG.ASSOCIATION_TYPES.size());
        for (String type : SG.ASSOCIATION_TYPES) {
            String f = Directions.forward(type);
            String i = Directions.inverse(type);
            assertFalse(f.isBlank(), type);
            assertFalse(i.isBlank(), type);
            assertFalse(f.contains("("), type + " fell back to the generic reading: " + f);
            assertTrue(Directions.phrases().stream().anyMatch(p -> p.associationType().equals(type) && !p.inverse()), type);
        }
        // directed types read differently each way; symmetric ones the same
        assertEquals(Directions.forward("isPeerOf"), Directions.inverse("isPeerOf"));
        assertEquals(Directions.forward("isRelatedTo"), Directions.inverse("isRelatedTo"));
        for (String type : List.of("isChildOf", "isPartOf", "exactMatchOf", "precedes", "replacedBy", "exemplar",
                "hasSkillLevel", "isTranslationOf")) {
            assertFalse(Directions.forward(type).equals(Directions.inverse(type)), type);
            assertTrue(Directions.phrases().contains(new Directions.Phrase(Directions.inverse(type), type, true)), type);
        }
    }

    @Test
    void extensionTypesReadAsRelated() {
        assertEquals("A is related to (ext:assesses) B", Directions.sentence("ext:assesses", "A", "B"));
        assertEquals("is related to (ext:assesses)", Directions.inverse("ext:assesses"));
    }

    @Test
    void phrasesAreDistinctAndParseBack() {
        Set<String> seen = new HashSet<>();
        for (Directions.Phrase p : Directions.phrases()) {
            assertTrue(seen.add(p.text().toLowerCase()), "phrase offered twice: " + p.text());
            assertEquals(p, Directions.parse(p.text()).orElseThrow());
        }
        assertEquals(18, Directions.phrases().size());
    }

    @Test
    void parseIgnoresCaseAndSpaces() {
        assertEquals(new Directions.Phrase("has part", "isPartOf", true), Directions.parse("  Has   PART ").orElseThrow());
        assertEquals(new Directions.Phrase("is part of", "isPartOf", false), Directions.parse("IS PART OF").orElseThrow());
        assertEquals("isPartOf", Directions.parse("isPartOf").orElseThrow().associationType());
        assertEquals("ext:assesses", Directions.parse("ext:assesses").orElseThrow().associationType());
        assertTrue(Directions.parse("is vaguely like").isEmpty());
        assertTrue(Directions.parse("").isEmpty());
        assertTrue(Directions.parse(null).isEmpty());
    }
}
