package org.skillgraph.reference.esco;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.store.Registry;
import org.skillgraph.testutil.TestData;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.skillgraph.reference.esco.EscoTestSupport.*;

/**
 * The complete ESCO v1.1.1 English CSV download (~41 MB) and the older partial files, from
 * {@code -Dskillgraph.realData=../shared/data}; skipped without it. Expected numbers are row
 * counts of the files (counted independently of this importer).
 */
class EscoRealDataTest {
    static Path data;

    @BeforeAll
    static void realData() {
        data = TestData.realData();
        assumeTrue(data != null, "set -Dskillgraph.realData to run");
    }

    @Test
    void fullV111Download(@TempDir Path dir) {
        long t0 = System.nanoTime();
        try (Registry registry = Registry.openTdb2(dir)) {
            EscoImporter.Result r = new EscoImporter().importInto(registry, data.resolve("esco-v1.1.1"), null, n -> {});
            long seconds = (System.nanoTime() - t0) / 1_000_000_000;
            Runtime rt = Runtime.getRuntime();
            System.out.printf("ESCO v1.1.1: %d triples, read %.1f s, stored %.1f s, total %d s, heap used now %d MB%n",
                    r.triples(), r.data().readMillis() / 1000.0, r.storeMillis() / 1000.0, seconds,
                    (rt.totalMemory() - rt.freeMemory()) >> 20);
            EscoCounts c = r.data().counts();
            assertEquals("ESCO v1.1.1 (en)", r.data().title());
            assertEquals(3007, c.occupations());
            assertEquals(13896, c.skills());
            assertEquals(619, c.iscoGroups());
            assertEquals(647, c.skillGroups(), "640 in skillGroups_en.csv + 7 only in skillsHierarchy_en.csv");
            assertEquals(64946, c.essentialSkills());
            assertEquals(58909, c.optionalSkills());
            assertEquals(5899, c.skillSkillRelations());
            assertEquals(24273, c.broader());
            assertEquals(7, c.collections());
            assertEquals(96 + 1201 + 26 + 570 + 346 + 40 + 122, c.collectionMembers());
            assertEquals(19, c.schemes());
            assertEquals(c.triples(), r.triples());
            assertTrue(seconds < 240, "took " + seconds + " s");

            String ds = "<" + DATA_SCIENTIST + ">";
            assertEquals(54, count(registry, ds + " esco:hasEssentialSkill ?s"));
            assertEquals(21, count(registry, ds + " esco:hasOptionalSkill ?s"));
            assertEquals(List.of("2511.4"), values(registry, "SELECT ?c { GRAPH ?g { " + ds + " skos:notation ?c } }"));
            assertTrue(ask(registry, ds + " skos:broader isco:C2511 ; skos:prefLabel 'data scientist'@en"));
            // Each thematic collection is exactly one of ESCO's schemes.
            for (String[] p : new String[][]{{"transversal-skills", "esco-transversal"}, {"digital-skills", "esco-digital"},
                    {"green-skills", "esco-green"}, {"language-skills", "esco-language"}, {"digcomp-skills", "esco-digcomp"},
                    {"research-skills", "esco-research-skills"}, {"research-occupations", "esco-research-occupations"}})
                assertTrue(ask(registry, "<" + EscoSchemes.collection(p[0]) + "> rdfs:seeAlso <" + EscoSchemes.scheme(p[1]) + ">"), p[0]);
            assertEquals(96, count(registry, "<" + EscoSchemes.collection("transversal-skills") + "> skos:member ?m"));
            assertEquals(3007, count(registry, "?o skos:inScheme <" + EscoSchemes.scheme("esco-occupations") + "> ; a esco:Occupation"));
            assertEquals(13896, count(registry, "?o skos:inScheme <" + EscoSchemes.scheme("esco-skills") + "> ; a esco:Skill"));
            assertTrue(r.data().notes().stream().anyMatch(n -> n.startsWith("67 skill relations name one of 1 concepts")), r.data().notes().toString());
        }
    }

    @Test
    void olderPartialFiles() {
        EscoData d = new EscoImporter().read(data.resolve("esco"), null);
        assertEquals(3039, d.counts().occupations());
        assertEquals(13485, d.counts().skills());
        assertEquals(619, d.counts().iscoGroups());
        assertEquals(673, d.counts().skillGroups());
        assertEquals(2, d.counts().collections());
        assertEquals(21 + 107, d.counts().collectionMembers());
    }
}
