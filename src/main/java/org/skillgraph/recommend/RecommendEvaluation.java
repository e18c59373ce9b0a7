package org.skillgraph.recommend;

import org.skillgraph.align.Concept;
import org.skillgraph.align.Evaluation;
import org.skillgraph.align.Gold;
import org.skillgraph.align.Ranker;
import org.skillgraph.error.InputRejectedException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores sentence -> concept recommendations against a gold TSV with the header
 * {@code sentence<TAB>label}, one row per pair. A label is a target concept's IRI or code; other
 * labels (NO_ESCO_MATCH, UNDERSPECIFIED, retired IRIs) are ignored. Each distinct sentence is one
 * query. Over the queries with at least one gold concept: Hit@k (a gold concept in the top k),
 * MRR (of the best-ranked gold concept; 0 when none is ranked), and RP@k (gold concepts in the top
 * k divided by min(k, number of gold concepts)).
 */
public final class RecommendEvaluation {
    private RecommendEvaluation() {}

    /** The distinct sentences in file order, each with its gold concepts (indices into the target). */
    public record GoldSet(List<String> sentences, List<Set<Integer>> gold, int rows, int labelsIgnored) {
        public long withGold() { return gold.stream().filter(g -> !g.isEmpty()).count(); }
    }

    public record Metrics(int n, double hit1, double hit5, double hit10, double mrr, double rp5, double rp10) {
        public String line() {
            return String.format(Locale.ROOT, "n=%d  Hit@1=%.3f  Hit@5=%.3f  Hit@10=%.3f  MRR=%.3f  RP@5=%.1f  RP@10=%.1f",
                    n, hit1, hit5, hit10, mrr, 100 * rp5, 100 * rp10);
        }
    }

    public static GoldSet read(Path file, List<Concept> target) {
        List<String[]> rows = Gold.readRows(file);
        String[] header = rows.get(0);
        int sc = column(header, "sentence", file), lc = column(header, "label", file);
        Map<String, Integer> keys = Evaluation.keys(target);
        Map<String, Set<Integer>> bySentence = new LinkedHashMap<>();
        int ignored = 0;
        for (int r = 1; r < rows.size(); r++) {
            String[] row = rows.get(r);
            if (row.length <= Math.max(sc, lc)) continue;
            String s = row[sc].strip(), l = row[lc].strip();
            if (s.isEmpty()) continue;
            Set<Integer> g = bySentence.computeIfAbsent(s, x -> new LinkedHashSet<>());
            Integer i = keys.get(l);
            if (i != null) g.add(i);
            else ignored++;
        }
        return new GoldSet(List.copyOf(bySentence.keySet()), List.copyOf(bySentence.values()), rows.size() - 1, ignored);
    }

    private static int column(String[] header, String name, Path file) {
        for (int i = 0; i < header.length; i++) if (header[i].strip().equalsIgnoreCase(name)) return i;
        throw new InputRejectedException(file.toString(), "line 1", "no column '" + name + "'; the header must be sentence<TAB>label");
    }

    /** Metrics over the queries with gold concepts; {@code ranked} holds each query's target indices, best first. */
    public static Metrics score(List<Set<Integer>> gold, List<int[]> ranked) {
        double h1 = 0, h5 = 0, h10 = 0, mrr = 0, rp5 = 0, rp10 = 0;
        int n = 0;
        for (int q = 0; q < gold.size(); q++) {
            Set<Integer> g = gold.get(q);
            if (g.isEmpty()) continue;
            n++;
            int[] list = ranked.get(q);
            int first = -1, in5 = 0, in10 = 0;
            for (int k = 0; k < list.length; k++) {
                if (!g.contains(list[k])) continue;
                if (first < 0) first = k + 1;
                if (k < 5) in5++;
                if (k < 10) in10++;
            }
            if (first > 0) {
                mrr += 1.0 / first;
                if (first <= 1) h1++;
                if (first <= 5) h5++;
                if (first <= 10) h10++;
            }
            rp5 += (double) in5 / Math.min(5, g.size());
            rp10 += (double) in10 / Math.min(10, g.size());
        }
        double d = Math.max(1, n);
        return new Metrics(n, h1 / d, h5 / d, h10 / d, mrr / d, rp5 / d, rp10 / d);
    }

    /** Each query's ranked list as target indices. */
    public static List<int[]> indices(List<List<Ranker.Scored>> ranked) {
        List<int[]> out = new ArrayList<>(ranked.size());
        for (List<Ranker.Scored> l : ranked) out.add(l.stream().mapToInt(Ranker.Scored::target).toArray());
        return out;
    }
}
