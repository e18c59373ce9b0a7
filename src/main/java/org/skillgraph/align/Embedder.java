package org.skillgraph.align;

import java.util.List;

/** A sentence-embedding model: texts to unit-length vectors. */
public interface Embedder {
    /** Names the model (and its version of the text recipe); part of the vector cache key. */
    String id();

    /** One unit vector per text, same order. */
    float[][] embed(List<String> texts);
}
