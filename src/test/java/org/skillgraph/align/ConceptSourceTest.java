package org.skillgraph.align;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skillgraph.error.NotFoundException;
import org.skillgraph.store.Registry;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ConceptSourceTest {
    static Registry registry;

    @BeforeAll
    static void load() {
        registry = Registry.inMemory();
        AlignTestData.load(registry);
    }

    @Test
    void loadsOnetOccupationsWithAllFields() {
        List<Concept> cs = ConceptSource.load(registry, "onet-occupations");
        assertEquals(20, cs.size());
        Concept pilot = cs.stream().filter(c -> "53-2011.00".equals(c.notation())).findFirst().orElseThrow();
        assertEquals("https://www.onetonline.org/link/summary/53-2011.00", pilot.iri());
        assertEquals("Airline Pilots, Copilots, and Flight Engineers", pilot.prefLabel());
        assertFalse(pilot.altLabels().isEmpty());
        assertNotNull(pilot.definition());
    }

    @Test
    void escoOccupationsLeaveOutIscoGroupsAndKeepTheGroup() {
        List<Concept> cs = ConceptSource.load(registry, "esco-occupations");
        assertEquals(20, cs.size(), "the ISCO group in the same scheme is not an occupation");
        assertTrue(cs.stream().allMatch(c -> c.group() != null && c.group().startsWith("http://data.europa.eu/esco/isco/C")));
        assertTrue(cs.stream().allMatch(c -> c.definition() != null), "dct:description is the fallback definition");
    }

    @Test
    void unknownSchemeIsNotFound() {
        assertThrows(NotFoundException.class, () -> ConceptSource.load(registry, "no-such-scheme"));
    }
}
