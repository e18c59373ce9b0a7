package org.skillgraph.reference.onet;

import org.apache.jena.graph.Graph;

import java.util.List;

/**
 * An O*NET release read into a graph: its version and catalog title, the counts per kind and
 * the notes (skipped or ignored files, references to codes the release does not define).
 * {@code stored} is the number of triples written to the store, or -1 when not stored.
 */
public record OnetResult(String version, String title, String attribution, Graph graph, OnetCounts counts,
                         List<String> notes, long stored) {

    OnetResult withStored(long n) {
        return new OnetResult(version, title, attribution, graph, counts, notes, n);
    }
}
