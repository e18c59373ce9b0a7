package org.skillgraph.align;

/** Small vector helpers. */
final class Vectors {
    private Vectors() {}

    static float[] unit(float[] v) {
        double s = 0;
        for (float x : v) s += x * x;
        if (s == 0) return v;
        float inv = (float) (1 / Math.sqrt(s));
        float[] o = new float[v.length];
        for (int i = 0; i < v.length; i++) o[i] = v[i] * inv;
        return o;
    }

    /** Dot product, four accumulators so the JIT can overlap them. */
    static float dot(float[] a, float[] b) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int n = a.length, i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) s0 += a[i] * b[i];
        return (s0 + s1) + (s2 + s3);
    }

    /** Row-wise z-scores (mean 0, standard deviation 1) in place. */
    static void zRows(double[][] m) {
        for (double[] r : m) z(r);
    }

    static void z(double[] r) {
        double mean = 0, sq = 0;
        for (double x : r) mean += x;
        mean /= Math.max(1, r.length);
        for (double x : r) sq += (x - mean) * (x - mean);
        double sd = Math.sqrt(sq / Math.max(1, r.length));
        if (sd == 0) sd = 1;
        for (int i = 0; i < r.length; i++) r[i] = (r[i] - mean) / sd;
    }
}
