package org.skillgraph.align;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** Reciprocal rank fusion (k = 60) of the embedding ranking and the BM25 ranking. */
public final class RrfRanker implements Ranker {
    static final int K = 60;
    private final VectorCache cache;

    public RrfRanker(VectorCache cache) { this.cache = cache; }

    @Override public String id() { return "rrf"; }

    @Override
    public List<List<String>> texts(List<Concept> source, List<Concept> target) {
        return List.of(Features.wholeTexts(source), Features.wholeTexts(target));
    }

    @Override
    public List<List<Scored>> rank(List<Concept> source, List<Concept> target, int k) {
        double[][] e = Features.wholeCos(cache, source, target), b = Features.bm25(source, target);
        return IntStream.range(0, source.size()).parallel().mapToObj(i -> {
            double[] s = new double[target.size()];
            add(s, e[i]);
            add(s, b[i]);
            return TopK.of(s, k);
        }).toList();
    }

    private static void add(double[] acc, double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (x, y) -> Double.compare(scores[y], scores[x]));
        for (int r = 0; r < order.length; r++) acc[order[r]] += 1.0 / (K + r + 1);
    }
}
