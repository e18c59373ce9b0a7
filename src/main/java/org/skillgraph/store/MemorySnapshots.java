package org.skillgraph.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.graph.GraphFactory;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Version contents held in memory, as immutable copies. */
final class MemorySnapshots implements Snapshots {
    private final int keep;
    private final Map<String, Graph> byHash = new ConcurrentHashMap<>();

    MemorySnapshots(int keep) { this.keep = keep; }

    @Override public int keep() { return keep; }

    @Override
    public void save(String hash, Graph content) {
        if (keep > 0) byHash.computeIfAbsent(hash, h -> copy(content));
    }

    @Override
    public boolean has(String hash) { return byHash.containsKey(hash); }

    @Override
    public Optional<Graph> load(String hash) {
        return Optional.ofNullable(byHash.get(hash)).map(MemorySnapshots::copy);
    }

    @Override
    public void retainOnly(Set<String> hashes) { byHash.keySet().retainAll(hashes); }

    private static Graph copy(Graph g) {
        Graph c = GraphFactory.createGraphMem();
        g.find().forEachRemaining(c::add);
        return c;
    }
}
