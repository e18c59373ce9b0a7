package org.skillgraph.align;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hit@1, Hit@5, Hit@10 and MRR of ranked suggestions against gold pairs (source -> target, each
 * given by IRI or notation). A source with several gold targets counts once: a hit when any of
 * them is in the top k; its reciprocal rank is that of the best-ranked one (0 past the ranked list).
 * Numbers are given on every gold source ("all") and on the sources with at least one gold target
 * that exists in the target scheme ("existing").
 */
public final class Evaluation {
    private Evaluation() {}

    public record Metrics(int n, double hit1, double hit5, double hit10, double mrr) {
        public String line() {
            return String.format(java.util.Locale.ROOT, "n=%d  Hit@1=%.3f  Hit@5=%.3f  Hit@10=%.3f  MRR=%.3f", n, hit1, hit5, hit10, mrr);
        }
    }

    public record Result(int goldRows, int goldSources, int sourcesNotFound, int pairsTargetMissing, int sourcesAllTargetsMissing,
                         Metrics all, Metrics existing) {}

    /** Keys (IRI and notation) to concept index; an IRI wins over another concept's notation. */
    public static Map<String, Integer> keys(List<Concept> cs) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < cs.size(); i++) {
            Concept c = cs.get(i);
            if (c.notation() != null) m.putIfAbsent(c.notation(), i);
        }
        for (int i = 0; i < cs.size(); i++) m.put(cs.get(i).iri(), i);
        return m;
    }

    /**
     * @param ranked for each source concept, target indices best first (the ranked list)
     */
    public static Result evaluate(List<Gold.Pair> gold, List<Concept> source, List<Concept> target, List<int[]> ranked) {
        Map<String, Integer> sk = keys(source), tk = keys(target);
        Map<String, List<String>> bySource = new LinkedHashMap<>();
        for (Gold.Pair p : gold) bySource.computeIfAbsent(p.source(), x -> new ArrayList<>()).add(p.target());
        int notFound = 0, pairsMissing = 0, allMissing = 0;
        for (Gold.Pair p : gold) if (!tk.containsKey(p.target())) pairsMissing++;
        List<double[]> all = new ArrayList<>(), existing = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : bySource.entrySet()) {
            Set<Integer> want = new HashSet<>();
            for (String t : e.getValue()) { Integer j = tk.get(t); if (j != null) want.add(j); }
            if (want.isEmpty()) allMissing++;
            Integer i = sk.get(e.getKey());
            double[] r = {0, 0, 0, 0};
            if (i == null) notFound++;
            else {
                int[] list = ranked.get(i);
                for (int k = 0; k < list.length; k++) {
                    if (want.contains(list[k])) {
                        int rank = k + 1;
                        r = new double[]{rank <= 1 ? 1 : 0, rank <= 5 ? 1 : 0, rank <= 10 ? 1 : 0, 1.0 / rank};
                        break;
                    }
                }
            }
            all.add(r);
            if (!want.isEmpty()) existing.add(r);
        }
        return new Result(gold.size(), bySource.size(), notFound, pairsMissing, allMissing, metrics(all), metrics(existing));
    }

    static Metrics metrics(List<double[]> rs) {
        double[] s = new double[4];
        for (double[] r : rs) for (int i = 0; i < 4; i++) s[i] += r[i];
        int n = rs.size();
        double d = Math.max(1, n);
        return new Metrics(n, s[0] / d, s[1] / d, s[2] / d, s[3] / d);
    }

    /** Reads gold pairs from a CSV/TSV file, finding the source and target columns unless given. */
    public static List<Gold.Pair> gold(java.nio.file.Path file, List<Concept> source, List<Concept> target,
                                       String sourceColumn, String targetColumn) {
        List<String[]> rows = Gold.readRows(file);
        int sc = Gold.column(rows, sourceColumn, keys(source).keySet(), "source");
        Set<String> tkeys = new HashSet<>(keys(target).keySet());
        int tc = Gold.column(rows, targetColumn, tkeys, "target");
        List<Gold.Pair> out = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            String[] row = rows.get(r);
            if (row.length <= Math.max(sc, tc)) continue;
            String s = row[sc].strip(), t = row[tc].strip();
            if (!s.isEmpty() && !t.isEmpty()) out.add(new Gold.Pair(s, t));
        }
        return out;
    }
}
