package org.skillgraph.cli;

import org.skillgraph.store.Registry;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --store DIR}, shared by the commands that use the registry. */
public final class StoreOptions {
    public static final String DEFAULT = "skillgraph-store";

    @Option(names = "--store", paramLabel = "DIR",
            description = "TDB2 store folder (default: $SKILLGRAPH_STORE or ./" + DEFAULT + ").")
    Path store;

    @Option(names = "--keep-versions", paramLabel = "N", defaultValue = "${env:SKILLGRAPH_KEEP_VERSIONS:-10}",
            description = "Keep the content of the last N versions of each framework, for 'diff' (default: $SKILLGRAPH_KEEP_VERSIONS or 10).")
    int keepVersions = org.skillgraph.store.Snapshots.DEFAULT_KEEP;

    public Path dir() {
        if (store != null) return store;
        String env = System.getenv("SKILLGRAPH_STORE");
        return Path.of(env != null && !env.isBlank() ? env : DEFAULT);
    }

    public Registry open() {
        try {
            return Registry.openTdb2(dir(), keepVersions);
        } catch (org.apache.jena.dboe.DBOpEnvException e) {
            throw new org.skillgraph.error.InputRejectedException(dir().toString(), null,
                    "the store is in use by another process (a running 'skillgraph serve'?): " + e.getMessage());
        }
    }
}
