package org.skillgraph.reference.onet;

import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.store.Registry;
import org.skillgraph.testutil.TestData;
import org.skillgraph.vocab.SG;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The full O*NET 29.3 text release ({@code -Dskillgraph.realData=../shared/data}, folder
 * {@code onet-29.3}): every file read and checked, the counts of the release. The graph is built
 * in memory and checked, then stored into TDB2 by {@code storesIntoTdb2} (about a minute).
 */
class OnetRealDataTest {
    @TempDir Path tmp;

    static Path release() {
        Path real = TestData.realData();
        assumeTrue(real != null, "no -Dskillgraph.realData");
        return real.resolve("onet-29.3");
    }

    @Test
    void readsTheWholeRelease() {
        Path dir = release();
        long start = System.nanoTime();
        OnetResult r = new OnetImporter().read(dir, null);
        double seconds = (System.nanoTime() - start) / 1e9;
        OnetCounts c = r.counts();
        assertEquals("29.3", r.version());
        assertEquals(1016, c.occupations());       // distinct codes in Occupation Data.txt
        assertEquals(627, c.elements());
        assertEquals(29, c.scales());
        assertEquals(332, c.iwas());
        assertEquals(2087, c.dwas());
        assertEquals(18796, c.tasks());
        assertEquals(23233, c.taskDwaLinks());
        assertEquals(923, c.jobZones());
        assertEquals(56560, c.alternateTitles());
        assertEquals(7796, c.reportedTitles());
        assertEquals(18460, c.relatedOccupations());
        assertEquals(32681, c.technologySkills());
        assertEquals(41662, c.toolsUsed());
        // Skills 61,530 + Knowledge 58,014 + Work Styles 14,064 + Interests 8,307 + Work Values 7,866
        // + Education, Training, and Experience 36,209.
        assertEquals(185990, c.ratings());
        assertEquals(c.ratings(), r.graph().find(Node.ANY, SG.rdfType, OnetIris.Rating).toList().size());
        // The release is consistent: no file names a code its reference file lacks.
        assertEquals(List.of("Abilities.txt not found: skipped", "Work Activities.txt not found: skipped",
                "Work Context.txt not found: skipped", "Task Ratings.txt not found: skipped"),
                r.notes().subList(0, 4));
        assertEquals(5, r.notes().size(), r.notes()::toString);
        assertTrue(r.notes().get(4).startsWith("not imported (no mapping yet): Abilities to Work Activities.txt"));
        assertTrue(seconds < 60, "read in " + seconds + " s");
        System.out.printf("O*NET 29.3 read in %.1f s: %,d triples%n", seconds, c.triples());
    }

    @Test
    void storesIntoTdb2() {
        Path dir = release();
        long start = System.nanoTime();
        try (Registry registry = Registry.openTdb2(tmp.resolve("store"))) {
            OnetResult r = OnetImporter.importInto(registry, dir, null, n -> {});
            assertEquals(r.counts().triples(), r.stored());
            assertEquals(r.stored(), (long) registry.read(dsg -> dsg.getGraph(OnetIris.GRAPH).size()));
        }
        System.out.printf("O*NET 29.3 stored in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }
}
