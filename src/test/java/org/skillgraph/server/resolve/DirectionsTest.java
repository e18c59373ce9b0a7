package org.skillgraph.server.resolve;

import org.junit.jupiter.api.Test;
import org.skillgraph.vocab.SG;

import static org.junit.jupiter.api.Assertions.*;

/** Directions are phrased from the ontology's definitions, comments and named inverses. */
class DirectionsTest {
    private final Directions d = Directions.get();

    private void forward(String type, String phrase, String fromDestination) {
        Directions.Direction x = d.of(type);
        assertFalse(x.reversed(), type);
        assertEquals(phrase, x.phrase(), type);
        assertEquals(phrase, x.fromOrigin(), type);
        assertEquals(fromDestination, x.fromDestination(), type);
    }

    @Test
    void directedTypesReadFromOriginToDestination() {
        forward("isChildOf", "is a child of", "has child");
        forward("isPartOf", "is part of", "has part");
        forward("exactMatchOf", "is an exact match of", "has exact match");
        forward("precedes", "comes before", "follows");
        forward("replacedBy", "has been replaced by", "replaces");
        forward("isTranslationOf", "is a translation of", "has translation");
    }

    @Test
    void symmetricTypesReadTheSameBothWays() {
        forward("isPeerOf", "is a peer of", "is a peer of");
        forward("isRelatedTo", "is related to", "is related to");
        assertTrue(d.of("isPeerOf").symmetric());
    }

    @Test
    void typesWhoseWordsRunFromTheDestinationAreTurnedRound() {
        Directions.Direction exemplar = d.of("exemplar");
        assertTrue(exemplar.reversed());
        assertEquals("is an example that illustrates", exemplar.phrase());
        Directions.Direction level = d.of("hasSkillLevel");
        assertTrue(level.reversed());
        assertEquals("describes a skill level of", level.phrase());
        assertEquals("has skill level", level.fromOrigin());
    }

    @Test
    void publisherTypesReadAsRelated() {
        Directions.Direction ext = d.of("ext:isTaughtWith");
        assertEquals("is related to", ext.phrase());
        assertEquals(SG.isRelatedTo, ext.property());
        assertTrue(ext.fromOrigin().contains("ext:isTaughtWith"));
        assertEquals("is related to", d.of(null).phrase());
    }

    @Test
    void labelsComeFromTheOntology() {
        assertEquals("last change date and time", d.label(SG.sg("lastChangeDateTime")));
        assertEquals("item type name", d.label(SG.sg("itemTypeName")));
        assertEquals("some thing", d.label(SG.sg("someThing")));
    }
}
