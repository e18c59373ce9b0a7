package org.skillgraph.align;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Okapi BM25 (k1 = 1.2, b = 0.75) over each target's preferred label (counted three times),
 * alternate labels and definition; the query is the source concept's labels and definition.
 */
public final class Bm25Ranker implements Ranker {
    static final double K1 = 1.2, B = 0.75;
    static final int TITLE_WEIGHT = 3;

    @Override public String id() { return "bm25"; }

    @Override
    public List<List<Scored>> rank(List<Concept> source, List<Concept> target, int k) {
        Index index = new Index(target);
        return IntStream.range(0, source.size()).parallel()
                .mapToObj(i -> TopK.of(index.scores(source.get(i)), k)).toList();
    }

    /** Target text: the preferred label three times, the alternate labels, the definition. */
    static List<String> documentTokens(Concept c) {
        List<String> t = new ArrayList<>();
        List<String> title = Tokens.of(c.label());
        for (int r = 0; r < TITLE_WEIGHT; r++) t.addAll(title);
        for (String a : c.altLabels()) t.addAll(Tokens.of(a));
        t.addAll(Tokens.of(c.definition()));
        return t;
    }

    /** Query text: the labels and the definition. */
    static List<String> queryTokens(Concept c) {
        List<String> t = new ArrayList<>();
        for (String l : c.labels()) t.addAll(Tokens.of(l));
        t.addAll(Tokens.of(c.definition()));
        return t;
    }

    /** An inverted index of the targets. */
    static final class Index {
        private final Map<String, int[][]> postings = new HashMap<>(); // term -> {docs[], tfs[]}
        private final double[] norm;
        private final int n;

        Index(List<Concept> target) {
            n = target.size();
            norm = new double[n];
            Map<String, List<int[]>> tmp = new HashMap<>();
            long total = 0;
            int[] len = new int[n];
            for (int d = 0; d < n; d++) {
                List<String> toks = documentTokens(target.get(d));
                len[d] = toks.size();
                total += toks.size();
                Map<String, Integer> tf = new HashMap<>();
                for (String t : toks) tf.merge(t, 1, Integer::sum);
                final int doc = d;
                tf.forEach((t, f) -> tmp.computeIfAbsent(t, x -> new ArrayList<>()).add(new int[]{doc, f}));
            }
            double avg = n == 0 ? 1 : Math.max(1, (double) total / n);
            for (int d = 0; d < n; d++) norm[d] = K1 * (1 - B + B * len[d] / avg);
            tmp.forEach((t, l) -> {
                int[][] p = new int[2][l.size()];
                for (int i = 0; i < l.size(); i++) { p[0][i] = l.get(i)[0]; p[1][i] = l.get(i)[1]; }
                postings.put(t, p);
            });
        }

        /** BM25 of every target for the source concept's text (query terms weighted by their count). */
        double[] scores(Concept query) {
            double[] s = new double[n];
            Map<String, Integer> qtf = new HashMap<>();
            for (String t : queryTokens(query)) qtf.merge(t, 1, Integer::sum);
            qtf.forEach((t, qf) -> {
                int[][] p = postings.get(t);
                if (p == null) return;
                int df = p[0].length;
                double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
                double w = idf * (1 + Math.log(qf)); // sublinear weight of repeated query terms
                for (int i = 0; i < df; i++) {
                    int d = p[0][i], f = p[1][i];
                    s[d] += w * f * (K1 + 1) / (f + norm[d]);
                }
            });
            return s;
        }
    }
}
