package org.skillgraph.store;

import org.apache.jena.graph.Graph;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The content of imported framework versions, kept outside the store's named graphs (so that
 * queries over the union default graph never see old versions) and keyed by content hash, so
 * that two versions can be compared after the framework's graph was replaced. At most
 * {@link #keep()} versions per framework are kept; the registry prunes older ones.
 */
public sealed interface Snapshots permits FileSnapshots, MemorySnapshots {
    int DEFAULT_KEEP = 10;

    /** How many versions of each framework are kept (0: none). */
    int keep();

    /** Keeps the content with this hash; does nothing when it is kept already or keep() is 0. */
    void save(String hash, Graph content);

    /** Whether the content with this hash is kept. */
    boolean has(String hash);

    /** A copy of the content with this hash, when it is kept. */
    Optional<Graph> load(String hash);

    /** Drops every snapshot whose hash is not in {@code hashes}. */
    void retainOnly(Set<String> hashes);

    /** Snapshots as compressed N-Triples files in {@code dir}. */
    static Snapshots inFolder(Path dir, int keep) { return new FileSnapshots(dir, checked(keep)); }

    /** Snapshots in memory (for in-memory stores). */
    static Snapshots inMemory(int keep) { return new MemorySnapshots(checked(keep)); }

    private static int checked(int keep) {
        if (keep < 0) throw new IllegalArgumentException("the number of versions to keep must be 0 or more, not " + keep);
        return keep;
    }
}
