package org.skillgraph.cli;

import org.skillgraph.store.Registry;
import org.skillgraph.store.SparqlEndpoints;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code --store DIR} (TDB2) or {@code --store sparql:URL} (an external SPARQL 1.1 store) and the
 * external store's endpoints and credentials, shared by the commands that use the registry.
 */
public final class StoreOptions {
    public static final String DEFAULT = "skillgraph-store";

    @Option(names = "--store", paramLabel = "DIR|sparql:URL",
            description = {"TDB2 store folder, or sparql:URL for an external SPARQL 1.1 store whose dataset URL answers",
                    "query, update and Graph Store requests (default: $SKILLGRAPH_STORE or ./" + DEFAULT + ")."})
    String store;

    @Option(names = "--keep-versions", paramLabel = "N", defaultValue = "${env:SKILLGRAPH_KEEP_VERSIONS:-10}",
            description = "Keep the content of the last N versions of each framework, for 'diff' (default: $SKILLGRAPH_KEEP_VERSIONS or 10).")
    int keepVersions = org.skillgraph.store.Snapshots.DEFAULT_KEEP;

    @Option(names = "--store-query", paramLabel = "URL", description = "External store: its SPARQL query endpoint, when not the dataset URL ($SKILLGRAPH_STORE_QUERY).")
    String query;

    @Option(names = "--store-update", paramLabel = "URL", description = "External store: its SPARQL Update endpoint, when not the dataset URL ($SKILLGRAPH_STORE_UPDATE).")
    String update;

    @Option(names = "--store-gsp", paramLabel = "URL", description = "External store: its Graph Store Protocol endpoint, when not the dataset URL ($SKILLGRAPH_STORE_GSP).")
    String gsp;

    @Option(names = "--store-token", paramLabel = "TOKEN", description = "External store: bearer token sent with every request ($SKILLGRAPH_STORE_TOKEN).")
    String token;

    @Option(names = "--store-user", paramLabel = "USER", description = "External store: user for HTTP basic authentication ($SKILLGRAPH_STORE_USER).")
    String user;

    @Option(names = "--store-password", paramLabel = "PASSWORD", description = "External store: password for basic authentication; prefer $SKILLGRAPH_STORE_PASSWORD (command lines are visible to other users).")
    String password;

    private String store() {
        if (store != null) return store;
        String e = System.getenv("SKILLGRAPH_STORE");
        return e != null && !e.isBlank() ? e : DEFAULT;
    }

    private String or(String option, String variable) {
        if (option != null) return option;
        String e = System.getenv(variable);
        return e != null && !e.isBlank() ? e : null;
    }

    /** True when the store is an external SPARQL store. */
    public boolean isExternal() { return SparqlEndpoints.names(store()); }

    /** The TDB2 folder, or null for an external store. */
    public Path dir() { return isExternal() ? null : Path.of(store()); }

    /** The store, for messages: the folder or the external store's address. */
    public String describe() { return isExternal() ? endpoints().toString() : dir().toAbsolutePath().toString(); }

    /** The external store's endpoints and credentials; only for {@code sparql:URL}. */
    public SparqlEndpoints endpoints() {
        String t = or(token, "SKILLGRAPH_STORE_TOKEN"), u = or(user, "SKILLGRAPH_STORE_USER"), p = or(password, "SKILLGRAPH_STORE_PASSWORD");
        if (t != null && u != null) throw new IllegalArgumentException("give --store-token or --store-user, not both");
        if (u != null && p == null) throw new IllegalArgumentException("--store-user needs --store-password (or $SKILLGRAPH_STORE_PASSWORD)");
        String auth = t != null ? SparqlEndpoints.bearer(t) : u != null ? SparqlEndpoints.basic(u, p) : null;
        return SparqlEndpoints.of(store().substring(SparqlEndpoints.SCHEME.length()), or(query, "SKILLGRAPH_STORE_QUERY"),
                or(update, "SKILLGRAPH_STORE_UPDATE"), or(gsp, "SKILLGRAPH_STORE_GSP"), auth);
    }

    public Registry open() {
        if (isExternal()) return Registry.openSparql(endpoints());
        try {
            return Registry.openTdb2(dir(), keepVersions);
        } catch (org.apache.jena.dboe.DBOpEnvException e) {
            throw new org.skillgraph.error.InputRejectedException(dir().toString(), null,
                    "the store is in use by another process (a running 'skillgraph serve'?): " + e.getMessage());
        }
    }
}
