package org.skillgraph.align;

import org.junit.jupiter.api.Test;
import org.skillgraph.store.Registry;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

class Bm25RankerTest {
    @Test
    void stemmerJoinsWordForms() {
        assertEquals(Tokens.of("engineer"), Tokens.of("engineering"));
        assertEquals(Tokens.of("engineers"), Tokens.of("engineer"));
        assertEquals(Tokens.of("manager"), Tokens.of("management"));
        assertEquals(Tokens.of("nurses"), Tokens.of("nurse"));
        assertEquals(List.of(), Tokens.of("the and of"));
    }

    @Test
    void ranksTheObviousMatchFirstForMost() {
        try (Registry r = Registry.inMemory()) {
            AlignTestData.load(r);
            List<Concept> esco = ConceptSource.load(r, "esco-occupations"), onet = ConceptSource.load(r, "onet-occupations");
            List<List<Ranker.Scored>> ranked = new Bm25Ranker().rank(esco, onet, 5);
            Map<String, String> gold = AlignTestData.goldPairs().stream().collect(Collectors.toMap(Gold.Pair::source, Gold.Pair::target));
            int first = 0, top5 = 0;
            for (int i = 0; i < esco.size(); i++) {
                String want = gold.get(esco.get(i).iri());
                List<Ranker.Scored> l = ranked.get(i);
                assertEquals(5, l.size());
                for (int j = 1; j < l.size(); j++) assertTrue(l.get(j - 1).score() >= l.get(j).score());
                if (onet.get(l.get(0).target()).notation().equals(want)) first++;
                if (l.stream().anyMatch(s -> onet.get(s.target()).notation().equals(want))) top5++;
            }
            assertTrue(first >= 12, "bm25 first for " + first + " of 20");
            assertTrue(top5 >= 16, "bm25 in top 5 for " + top5 + " of 20");
        }
    }
}
