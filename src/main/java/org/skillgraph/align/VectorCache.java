package org.skillgraph.align;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Embeddings computed once per (model, list of texts) and kept in
 * {@code <storeDir>/vectors/<model>/<sha256 of the texts>.bin} (count, dimension, then the float
 * vectors, big-endian), so a second run reads them instead of embedding again. A list of texts is
 * the content of one scheme in one role (e.g. every occupation's labels), so a changed scheme gets
 * a new file. Without a folder (in-memory stores) the vectors are kept for the life of the object.
 */
public final class VectorCache {
    private final Path dir;
    private final Embedder embedder;
    private final Map<String, float[][]> memory = new HashMap<>();
    private final int keepFrom;
    private int embedded;

    /** {@code storeDir} may be null: then nothing is written to disk. */
    public VectorCache(Path storeDir, Embedder embedder) {
        this(storeDir, embedder, 0);
    }

    /**
     * Lists of fewer than {@code keepFrom} texts are embedded on every call and kept nowhere (the
     * passages of one document, in a long-running server); longer lists are kept as above.
     */
    public VectorCache(Path storeDir, Embedder embedder, int keepFrom) {
        this.dir = storeDir == null ? null : storeDir.resolve("vectors").resolve(embedder.id());
        this.embedder = embedder;
        this.keepFrom = keepFrom;
    }

    public Embedder embedder() { return embedder; }

    /** How many texts this cache has sent to the model. */
    public synchronized int embeddedTexts() { return embedded; }

    /** Whether these texts' vectors are at hand (in memory or on disk), so {@link #vectors} will not embed them. */
    public synchronized boolean has(List<String> texts) {
        String key = key(texts);
        return memory.containsKey(key) || dir != null && Files.isRegularFile(dir.resolve(key + ".bin"));
    }

    public float[][] vectors(List<String> texts) {
        if (texts.size() < keepFrom) {
            float[][] v = embedder.embed(texts);
            synchronized (this) { embedded += texts.size(); }
            return v;
        }
        return kept(texts);
    }

    private synchronized float[][] kept(List<String> texts) {
        String key = key(texts);
        float[][] v = memory.get(key);
        if (v != null) return v;
        Path file = dir == null ? null : dir.resolve(key + ".bin");
        if (file != null && Files.isRegularFile(file)) v = read(file, texts.size());
        if (v == null) {
            v = embedder.embed(texts);
            embedded += texts.size();
            if (file != null) write(file, v);
        }
        memory.put(key, v);
        return v;
    }

    static String key(List<String> texts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String t : texts) {
                md.update(t.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static float[][] read(Path file, int expected) {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            java.nio.ByteBuffer all = ch.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, ch.size());
            int n = all.getInt(), d = all.getInt();
            if (n != expected || ch.size() != 8L + 4L * n * d) return null;
            java.nio.FloatBuffer fb = all.asFloatBuffer();
            float[][] v = new float[n][d];
            for (float[] row : v) fb.get(row);
            return v;
        } catch (IOException e) {
            return null; // a broken cache file is recomputed
        }
    }

    private static void write(Path file, float[][] v) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "vectors", ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                out.writeInt(v.length);
                out.writeInt(v.length == 0 ? 0 : v[0].length);
                for (float[] row : v) for (float x : row) out.writeFloat(x);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write vector cache " + file, e);
        }
    }
}
