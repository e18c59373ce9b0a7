package org.skillgraph.align;

import java.util.List;

/** Ranks target concepts for each source concept. */
public interface Ranker {
    /** A target (index into the target list) with its score; higher is better. */
    record Scored(int target, double score) {}

    /** The method's id, as stored with each suggestion. */
    String id();

    /** For each source concept (same order), its best {@code k} targets, best first. */
    List<List<Scored>> rank(List<Concept> source, List<Concept> target, int k);

    /** The lists of texts {@link #rank} sends to the vector cache (none for engines without embeddings). */
    default List<List<String>> texts(List<Concept> source, List<Concept> target) { return List.of(); }
}
