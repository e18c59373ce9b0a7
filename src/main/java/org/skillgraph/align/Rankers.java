package org.skillgraph.align;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The engines by id. {@link #DEFAULT} is the best on the development crosswalk (bench/align/RESULTS.md). */
public final class Rankers {
    private Rankers() {}

    public static final String DEFAULT = "fusion";

    /** Engine id to factory; the factory gets the vector cache (engines without embeddings ignore it). */
    public static final Map<String, Function<VectorCache, Ranker>> ENGINES;

    static {
        Map<String, Function<VectorCache, Ranker>> m = new LinkedHashMap<>();
        m.put("bm25", c -> new Bm25Ranker());
        m.put("embed", EmbedRanker::new);
        m.put("rrf", RrfRanker::new);
        m.put("fusion", FusionRanker::new);
        m.put("fusion-flat", c -> new FusionRanker(c, "fusion-flat", FusionRanker.W_TITLES, FusionRanker.W_BM25, 0));
        m.put("fusion-notitles", c -> new FusionRanker(c, "fusion-notitles", 0, FusionRanker.W_BM25, 0));
        ENGINES = Collections.unmodifiableMap(m);
    }

    public static Ranker create(String id, VectorCache cache) {
        Function<VectorCache, Ranker> f = ENGINES.get(id == null ? DEFAULT : id);
        if (f == null) throw new IllegalArgumentException("unknown method '" + id + "'; one of " + String.join(", ", ENGINES.keySet()));
        return f.apply(cache);
    }
}
