package org.skillgraph.server.resolve;

import org.junit.jupiter.api.Test;
import org.skillgraph.vocab.SG;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Labels of terms come from the ontology, else from the local name. */
class LabelsTest {
    @Test
    void labelsComeFromTheOntology() {
        Labels l = Labels.get();
        assertEquals("last change date and time", l.label(SG.sg("lastChangeDateTime")));
        assertEquals("item type name", l.label(SG.sg("itemTypeName")));
        assertEquals("is part of", l.label(SG.isPartOf));
        assertEquals("some thing", l.label(SG.sg("someThing")));
    }
}
