package org.skillgraph.align;

import java.util.Arrays;
import java.util.List;

/** Cosine of one embedding per concept (label, definition, alternate labels). */
public final class EmbedRanker implements Ranker {
    private final VectorCache cache;

    public EmbedRanker(VectorCache cache) { this.cache = cache; }

    @Override public String id() { return "embed"; }

    @Override
    public List<List<String>> texts(List<Concept> source, List<Concept> target) {
        return List.of(Features.wholeTexts(source), Features.wholeTexts(target));
    }

    @Override
    public List<List<Scored>> rank(List<Concept> source, List<Concept> target, int k) {
        return Arrays.stream(Features.wholeCos(cache, source, target)).parallel().map(r -> TopK.of(r, k)).toList();
    }
}
