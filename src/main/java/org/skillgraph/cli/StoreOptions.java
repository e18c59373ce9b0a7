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

    public Path dir() {
        if (store != null) return store;
        String env = System.getenv("SKILLGRAPH_STORE");
        return Path.of(env != null && !env.isBlank() ? env : DEFAULT);
    }

    public Registry open() {
        try {
            return Registry.openTdb2(dir());
        } catch (org.apache.jena.dboe.DBOpEnvException e) {
            throw new org.skillgraph.error.InputRejectedException(dir().toString(), null,
                    "the store is in use by another process (a running 'skillgraph serve'?): " + e.getMessage());
        }
    }
}
