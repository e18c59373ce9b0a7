package org.skillgraph.align;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class EvaluationTest {
    static Concept c(String iri, String code) { return new Concept(iri, code, iri, List.of(), null, null); }

    @Test
    void metricsComputedByHand() throws Exception {
        List<Concept> src = List.of(c("s:a", "A"), c("s:b", "B"), c("s:c", "C"), c("s:d", "D"));
        List<Concept> tgt = List.of(c("t:0", "00"), c("t:1", "11"), c("t:2", "22"), c("t:3", "33"), c("t:4", "44"), c("t:5", "55"));
        // Gold (by code and by IRI, TSV): a -> 11 (ranked 1st), b -> t:4 (ranked 3rd), c -> 55 (ranked 6th),
        // d -> 99 (not in the target scheme), x -> 00 (source not in the source scheme).
        Path gold = Files.createTempFile("gold", ".tsv");
        Files.writeString(gold, "from\tto\nA\t11\ns:b\tt:4\nC\t55\nD\t99\nX\t00\n");
        List<Gold.Pair> pairs = Evaluation.gold(gold, src, tgt, null, null);
        assertEquals(5, pairs.size());
        List<int[]> ranked = List.of(
                new int[]{1, 0, 2, 3, 4, 5},
                new int[]{0, 1, 4, 2, 3, 5},
                new int[]{0, 1, 2, 3, 4, 5},
                new int[]{0, 1, 2, 3, 4, 5});
        Evaluation.Result r = Evaluation.evaluate(pairs, src, tgt, ranked);
        assertEquals(1, r.sourcesNotFound());
        assertEquals(1, r.pairsTargetMissing());
        // Whole file, 5 sources: hit@1 = 1/5, hit@5 = 2/5, hit@10 = 3/5, MRR = (1 + 1/3 + 1/6) / 5 = 0.3.
        assertEquals(5, r.all().n());
        assertEquals(0.2, r.all().hit1(), 1e-9);
        assertEquals(0.4, r.all().hit5(), 1e-9);
        assertEquals(0.6, r.all().hit10(), 1e-9);
        assertEquals(0.3, r.all().mrr(), 1e-9);
        // Existing gold targets only (a, b, c, x): MRR = 1.5 / 4.
        assertEquals(4, r.existing().n());
        assertEquals(0.25, r.existing().hit1(), 1e-9);
        assertEquals(0.5, r.existing().hit5(), 1e-9);
        assertEquals(0.75, r.existing().hit10(), 1e-9);
        assertEquals(0.375, r.existing().mrr(), 1e-9);
    }

    @Test
    void csvQuotingAndColumnDetection() {
        List<String[]> rows = Gold.parse("a,b,c\n\"x, y\",\"['q', \"\"r\"\"]\",z\r\n", ',');
        assertEquals(2, rows.size());
        assertArrayEquals(new String[]{"x, y", "['q', \"r\"]", "z"}, rows.get(1));
    }
}
