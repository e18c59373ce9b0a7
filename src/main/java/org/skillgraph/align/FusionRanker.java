package org.skillgraph.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Z-score fusion: {@code z(whole-text cosine) + W_TITLES * z(titles) + W_BM25 * z(BM25)}, then
 * smoothing along the source scheme's own hierarchy: each score gets {@code LAMBDA} times the mean
 * score of the same target for the other source concepts of the same group (ESCO: ISCO unit group;
 * otherwise the skos:broader parent). Nothing from a crosswalk is used.
 *
 * <p>Cost: whole-text and BM25 are computed for every pair; the per-title "titles" score (for each
 * source label the best-matching target title, averaged over the source labels) only for the
 * {@code CANDIDATES} best targets of each source by {@code z(whole) + 0.5 z(BM25)}, and z-scored
 * over those candidates. Targets outside the candidates rank after them, by whole + BM25.
 *
 * <p>The weights are the only numbers fitted on the development crosswalk (bench/align/RESULTS.md).
 */
public final class FusionRanker implements Ranker {
    public static final double W_TITLES = 1.5, W_BM25 = 0.25, LAMBDA = 0.5;
    /** Targets per source that get the titles score (system property {@code skillgraph.align.candidates}). */
    static final int CANDIDATES = Integer.getInteger("skillgraph.align.candidates", 40);
    static final double CANDIDATE_BM25 = 0.5;

    private final VectorCache cache;
    private final String id;
    private final double wTitles, wBm25, lambda;

    public FusionRanker(VectorCache cache) { this(cache, "fusion", W_TITLES, W_BM25, LAMBDA); }

    public FusionRanker(VectorCache cache, String id, double wTitles, double wBm25, double lambda) {
        this.cache = cache;
        this.id = id;
        this.wTitles = wTitles;
        this.wBm25 = wBm25;
        this.lambda = lambda;
    }

    @Override public String id() { return id; }

    @Override
    public List<List<Scored>> rank(List<Concept> source, List<Concept> target, int k) {
        return features(cache, source, target, CANDIDATES, wTitles != 0).rank(wTitles, wBm25, lambda, k);
    }

    @Override
    public List<List<String>> texts(List<Concept> source, List<Concept> target) {
        List<List<String>> t = new ArrayList<>(List.of(Features.wholeTexts(source), Features.wholeTexts(target)));
        if (wTitles != 0) {
            t.add(Features.labelTexts(source));
            t.add(Features.labelTexts(target));
        }
        return t;
    }

    /** Computes the three scores once; {@link Scores#rank} combines them with any weights (for tuning). */
    public static Scores features(VectorCache cache, List<Concept> source, List<Concept> target, int candidates, boolean titles) {
        int nS = source.size(), nT = target.size();
        double[][] w = Features.wholeCos(cache, source, target);
        Vectors.zRows(w);
        double[][] b = Features.bm25(source, target);
        Vectors.zRows(b);
        int c = Math.min(nT, candidates);
        int[][] cand = new int[nS][];
        double[][] t = new double[nS][];
        float[][][] sl = titles ? Features.labelVectors(cache, source) : null;
        float[][][] tl = titles ? Features.labelVectors(cache, target) : null;
        IntStream.range(0, nS).parallel().forEach(i -> {
            double[] base = new double[nT];
            for (int j = 0; j < nT; j++) base[j] = w[i][j] + CANDIDATE_BM25 * b[i][j];
            int[] cs = TopK.indices(base, c);
            double[] ts = new double[cs.length];
            if (titles) {
                for (int j = 0; j < cs.length; j++) ts[j] = Features.titles(sl[i], tl[cs[j]]);
                Vectors.z(ts);
            }
            cand[i] = cs;
            t[i] = ts;
        });
        String[] groups = source.stream().map(Concept::group).toArray(String[]::new);
        return new Scores(w, b, cand, t, groups, nT);
    }

    /** Whole-text and BM25 z-scores for all pairs, titles z-scores for each source's candidates. */
    public record Scores(double[][] whole, double[][] bm25, int[][] candidates, double[][] titles, String[] groups, int targets) {
        public List<List<Scored>> rank(double wTitles, double wBm25, double lambda, int k) {
            int nS = whole.length;
            // fin[i][j]: fused score of source i for its j-th candidate; floor[i]: titles part outside the candidates.
            double[][] fin = new double[nS][];
            double[] floor = new double[nS];
            List<Map<Integer, Integer>> pos = new ArrayList<>(nS);
            for (int i = 0; i < nS; i++) {
                int[] cs = candidates[i];
                double[] f = new double[cs.length];
                double min = 0;
                Map<Integer, Integer> p = new HashMap<>(cs.length * 2);
                for (int j = 0; j < cs.length; j++) {
                    f[j] = whole[i][cs[j]] + wBm25 * bm25[i][cs[j]] + wTitles * titles[i][j];
                    min = Math.min(min, titles[i][j]);
                    p.put(cs[j], j);
                }
                fin[i] = f;
                floor[i] = wTitles * min;
                pos.add(p);
            }
            Map<String, List<Integer>> members = new HashMap<>();
            for (int i = 0; i < nS; i++) if (groups[i] != null) members.computeIfAbsent(groups[i], x -> new ArrayList<>()).add(i);
            return IntStream.range(0, nS).parallel().mapToObj(i -> {
                // Outside the candidates: whole + BM25 with the worst candidate's titles, no smoothing;
                // pushed below every candidate so only a ranked list longer than the candidates reaches them.
                double[] s = new double[targets];
                double low = Double.MAX_VALUE;
                List<Integer> peers = lambda == 0 || groups[i] == null ? List.of() : members.get(groups[i]);
                int others = peers.size() - 1;
                for (int j = 0; j < candidates[i].length; j++) {
                    int t = candidates[i][j];
                    double v = fin[i][j];
                    if (others > 0) {
                        double sum = 0;
                        for (int p : peers) {
                            if (p == i) continue;
                            Integer at = pos.get(p).get(t);
                            sum += at != null ? fin[p][at] : whole[p][t] + wBm25 * bm25[p][t] + floor[p];
                        }
                        v += lambda * sum / others;
                    }
                    s[t] = v;
                    low = Math.min(low, v);
                }
                if (candidates[i].length < targets) {
                    double[] rest = new double[targets];
                    double high = -Double.MAX_VALUE;
                    for (int t = 0; t < targets; t++) {
                        rest[t] = whole[i][t] + wBm25 * bm25[i][t] + floor[i];
                        high = Math.max(high, rest[t]);
                    }
                    boolean[] isCand = new boolean[targets];
                    for (int t : candidates[i]) isCand[t] = true;
                    double shift = candidates[i].length == 0 ? 0 : high - low + 1;
                    for (int t = 0; t < targets; t++) if (!isCand[t]) s[t] = rest[t] - shift;
                }
                return TopK.of(s, k);
            }).toList();
        }
    }
}
