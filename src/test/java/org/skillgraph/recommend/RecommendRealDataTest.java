package org.skillgraph.recommend;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.reference.esco.EscoImporter;
import org.skillgraph.reference.onet.OnetImporter;
import org.skillgraph.store.Registry;
import org.skillgraph.testutil.TestData;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Slices of the two development sets with BM25 (no embedding, so it runs in seconds): the first
 * 60 rows of the HOUSE split against all ESCO v1.1.1 skills, and 400 task-DWA pairs of O*NET 29.3
 * against all DWAs. The floors are well under the full-set numbers in BENCHMARKS.md; they catch a
 * broken reader or ranking, not a drift of a point.
 */
class RecommendRealDataTest {
    static Path data;

    @BeforeAll
    static void realData() {
        data = TestData.realData();
        assumeTrue(data != null, "set -Dskillgraph.realData to run");
    }

    static Path head(Path src, int rows, Path out) throws Exception {
        List<String> lines = Files.readAllLines(src, StandardCharsets.UTF_8);
        Files.write(out, lines.subList(0, Math.min(lines.size(), rows + 1)), StandardCharsets.UTF_8);
        return out;
    }

    @Test
    void houseSliceAgainstEscoSkills(@TempDir Path dir) throws Exception {
        try (Registry registry = Registry.openTdb2(dir.resolve("store"))) {
            new EscoImporter().importInto(registry, data.resolve("esco-v1.1.1"), null, n -> {});
            Recommender rec = new Recommender(registry, dir.resolve("store"));
            Recommender.Target t = rec.target("esco-skills");
            assertEquals(13896, t.concepts().size());
            assertTrue(t.transversal().size() >= 90, "ESCO's transversal skills collection: " + t.transversal().size());
            Path gold = head(data.resolve("skill-extraction-dev/house_validation.tsv"), 60, dir.resolve("gold.tsv"));
            RecommendEvaluation.GoldSet g = RecommendEvaluation.read(gold, t.concepts());
            assertTrue(g.withGold() >= 15, "sentences with an ESCO skill: " + g.withGold());
            assertTrue(g.labelsIgnored() > 0, "NO_ESCO_MATCH and UNDERSPECIFIED are ignored");
            RecommendEvaluation.Metrics m = RecommendEvaluation.score(g.gold(), RecommendEvaluation.indices(rec.rank(t, g.sentences(), "bm25", 100)));
            System.out.println("house slice, bm25: " + m.line());
            assertTrue(m.rp5() > 0.15 && m.hit10() > 0.35, m.line());
        }
    }

    @Test
    void taskSliceAgainstOnetDwas(@TempDir Path dir) throws Exception {
        Path onet = dir.resolve("onet");
        Files.createDirectories(onet);
        for (String f : List.of("Occupation Data.txt", "Content Model Reference.txt", "IWA Reference.txt", "DWA Reference.txt", "Read Me.txt"))
            if (Files.exists(data.resolve("onet-29.3").resolve(f))) Files.copy(data.resolve("onet-29.3").resolve(f), onet.resolve(f));
        // Gold from every 50th row of Tasks to DWAs: task statement -> DWA ID.
        List<String> rows = Files.readAllLines(data.resolve("onet-29.3/Tasks to DWAs.txt"), StandardCharsets.UTF_8);
        List<String> gold = new ArrayList<>(List.of("sentence\tlabel"));
        for (int i = 1; i < rows.size(); i += 50) {
            String[] c = rows.get(i).split("\t");
            gold.add(c[3] + "\t" + c[4]);
        }
        Path goldFile = Files.write(dir.resolve("gold.tsv"), gold, StandardCharsets.UTF_8);
        try (Registry registry = Registry.openTdb2(dir.resolve("store"))) {
            OnetImporter.importInto(registry, onet, null, n -> {});
            Recommender rec = new Recommender(registry, dir.resolve("store"));
            Recommender.Target t = rec.target("onet-dwas");
            assertEquals(2087, t.concepts().size());
            RecommendEvaluation.GoldSet g = RecommendEvaluation.read(goldFile, t.concepts());
            assertEquals(0, g.labelsIgnored(), "every DWA ID of the gold is a DWA");
            RecommendEvaluation.Metrics m = RecommendEvaluation.score(g.gold(), RecommendEvaluation.indices(rec.rank(t, g.sentences(), "bm25", 100)));
            System.out.println("task slice, bm25: " + m.line());
            assertTrue(m.hit5() > 0.25 && m.mrr() > 0.15, m.line());
        }
    }
}
