package org.skillgraph.testutil;

import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Quad;
import org.skillgraph.store.Registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Every quad of a store as sorted lines: to check that a rejected input changed nothing. */
public final class StoreDump {
    private StoreDump() {}

    public static List<String> quads(Registry registry) {
        return registry.read(ds -> {
            List<String> lines = new ArrayList<>();
            ds.find().forEachRemaining((Quad q) -> lines.add(NodeFmtLib.str(q)));
            Collections.sort(lines);
            return lines;
        });
    }
}
