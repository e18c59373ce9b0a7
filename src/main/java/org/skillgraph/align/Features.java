package org.skillgraph.align;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** The scores the engines combine: whole-text cosine, per-title max-sim ("titles") and BM25. */
final class Features {
    private Features() {}

    static final int MAX_ALTS_IN_TEXT = 20;
    static final int MAX_TEXT_CHARS = 1500;

    /** One text per concept: label, definition and up to 20 alternate labels. */
    static String wholeText(Concept c) {
        StringBuilder sb = new StringBuilder(c.label());
        if (c.definition() != null && !c.definition().isBlank()) sb.append(". ").append(c.definition().strip());
        List<String> alts = c.altLabels();
        if (!alts.isEmpty()) {
            sb.append(" Also called: ");
            sb.append(String.join("; ", alts.subList(0, Math.min(MAX_ALTS_IN_TEXT, alts.size()))));
        }
        return sb.length() > MAX_TEXT_CHARS ? sb.substring(0, MAX_TEXT_CHARS) : sb.toString();
    }

    static List<String> wholeTexts(List<Concept> cs) {
        return cs.stream().map(Features::wholeText).toList();
    }

    static float[][] wholeVectors(VectorCache cache, List<Concept> cs) {
        return cache.vectors(wholeTexts(cs));
    }

    /** Cosine of every source's whole text with every target's. */
    static double[][] wholeCos(VectorCache cache, List<Concept> source, List<Concept> target) {
        float[][] s = wholeVectors(cache, source), t = wholeVectors(cache, target);
        double[][] m = new double[s.length][];
        IntStream.range(0, s.length).parallel().forEach(i -> {
            double[] r = new double[t.length];
            for (int j = 0; j < t.length; j++) r[j] = Vectors.dot(s[i], t[j]);
            m[i] = r;
        });
        return m;
    }

    /** Every label of every concept as its own vector (labels embedded once, even when shared). */
    static float[][][] labelVectors(VectorCache cache, List<Concept> cs) {
        Map<String, Integer> unique = uniqueLabels(cs);
        float[][] v = cache.vectors(new ArrayList<>(unique.keySet()));
        float[][][] out = new float[cs.size()][][];
        for (int i = 0; i < cs.size(); i++) {
            List<String> ls = cs.get(i).labels();
            out[i] = new float[ls.size()][];
            for (int j = 0; j < ls.size(); j++) out[i][j] = v[unique.get(ls.get(j).strip().toLowerCase(java.util.Locale.ROOT))];
        }
        return out;
    }

    /** The distinct lower-cased labels of the concepts, in first-seen order, with their index. */
    private static Map<String, Integer> uniqueLabels(List<Concept> cs) {
        Map<String, Integer> unique = new LinkedHashMap<>();
        for (Concept c : cs) for (String l : c.labels()) unique.putIfAbsent(l.strip().toLowerCase(java.util.Locale.ROOT), unique.size());
        return unique;
    }

    /** The list of texts {@link #labelVectors} embeds. */
    static List<String> labelTexts(List<Concept> cs) {
        return new ArrayList<>(uniqueLabels(cs).keySet());
    }

    /** For each source label the best-matching target title, averaged over the source labels. */
    static double titles(float[][] sourceLabels, float[][] targetTitles) {
        int n = sourceLabels.length;
        float[] best = new float[n];
        java.util.Arrays.fill(best, -1f);
        int a = 0;
        // Four source labels against each title in one pass over the title (register blocking).
        for (; a + 3 < n; a += 4) {
            float[] a0 = sourceLabels[a], a1 = sourceLabels[a + 1], a2 = sourceLabels[a + 2], a3 = sourceLabels[a + 3];
            float b0 = -1, b1 = -1, b2 = -1, b3 = -1;
            for (float[] t : targetTitles) {
                float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                for (int i = 0; i < t.length; i++) {
                    float x = t[i];
                    s0 += a0[i] * x;
                    s1 += a1[i] * x;
                    s2 += a2[i] * x;
                    s3 += a3[i] * x;
                }
                if (s0 > b0) b0 = s0;
                if (s1 > b1) b1 = s1;
                if (s2 > b2) b2 = s2;
                if (s3 > b3) b3 = s3;
            }
            best[a] = b0; best[a + 1] = b1; best[a + 2] = b2; best[a + 3] = b3;
        }
        for (; a < n; a++) {
            for (float[] t : targetTitles) {
                float d = Vectors.dot(sourceLabels[a], t);
                if (d > best[a]) best[a] = d;
            }
        }
        double sum = 0;
        for (float b : best) sum += b;
        return sum / Math.max(1, n);
    }

    /** BM25 of every source against every target. */
    static double[][] bm25(List<Concept> source, List<Concept> target) {
        Bm25Ranker.Index index = new Bm25Ranker.Index(target);
        double[][] m = new double[source.size()][];
        IntStream.range(0, source.size()).parallel().forEach(i -> m[i] = index.scores(source.get(i)));
        return m;
    }
}
