package org.skillgraph.recommend;

import org.junit.jupiter.api.Test;
import org.skillgraph.align.Concept;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class RecommendEvaluationTest {
    static Concept c(String code) {
        return new Concept("https://example.org/" + code, code, "statement " + code, List.of(), null, null);
    }

    @Test
    void metricsOnAHandMadeGold() {
        // Query 0: gold {1, 2}, ranked 1 first and 2 sixth: Hit@1, RR 1, RP@5 = 1/2, RP@10 = 2/2.
        // Query 1: gold {3}, ranked third: Hit@5, RR 1/3, RP@5 = 1, RP@10 = 1.
        // Query 2: gold {4}, not ranked: all 0.  Query 3: no gold: not counted.
        List<Set<Integer>> gold = List.of(Set.of(1, 2), Set.of(3), Set.of(4), Set.of());
        List<int[]> ranked = List.of(
                new int[]{1, 5, 6, 7, 8, 2, 9},
                new int[]{5, 6, 3, 7},
                new int[]{5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
                new int[]{1});
        RecommendEvaluation.Metrics m = RecommendEvaluation.score(gold, ranked);
        assertEquals(3, m.n());
        assertEquals(1.0 / 3, m.hit1(), 1e-9);
        assertEquals(2.0 / 3, m.hit5(), 1e-9);
        assertEquals(2.0 / 3, m.hit10(), 1e-9);
        assertEquals((1 + 1.0 / 3) / 3, m.mrr(), 1e-9);
        assertEquals((0.5 + 1) / 3, m.rp5(), 1e-9);
        assertEquals((1 + 1) / 3.0, m.rp10(), 1e-9);
        assertTrue(m.line().contains("RP@5=50.0"), m.line());
    }

    @Test
    void rpDividesByTheSmallerOfKAndTheGoldCount() {
        // Seven gold concepts, all five of the top 5 among them: RP@5 = 5/min(5,7) = 1; RP@10 = 7/min(10,7) = 1.
        Set<Integer> g = Set.of(0, 1, 2, 3, 4, 5, 6);
        RecommendEvaluation.Metrics m = RecommendEvaluation.score(List.of(g), List.of(new int[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
        assertEquals(1.0, m.rp5(), 1e-9);
        assertEquals(1.0, m.rp10(), 1e-9);
    }

    @Test
    void goldLabelsThatAreNoConceptAreIgnoredAndSentencesGrouped() throws Exception {
        Path gold = Path.of(getClass().getResource("/recommend/gold.tsv").toURI());
        List<Concept> target = List.of(c("DA.1.1"), c("DA.2.3"), c("DA.2.4"), c("DA.3.1"), c("DA.3.3"));
        RecommendEvaluation.GoldSet g = RecommendEvaluation.read(gold, target);
        assertEquals(8, g.rows());
        assertEquals(5, g.sentences().size(), "one query per distinct sentence");
        assertEquals(3, g.labelsIgnored(), "NO_MATCH twice and an IRI that is no target concept");
        assertEquals(4, g.withGold());
        assertEquals(Set.of(3, 4), g.gold().get(1));
        assertEquals(Set.of(), g.gold().get(4));
    }
}
