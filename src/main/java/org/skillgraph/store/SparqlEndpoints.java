package org.skillgraph.store;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where an external SPARQL 1.1 store answers: its query, update and Graph Store Protocol
 * endpoints, and the value of the {@code Authorization} header sent with every request (null:
 * none). {@link #toString()} never shows the credentials.
 */
public record SparqlEndpoints(String query, String update, String graphStore, String authorization) {
    /** The prefix of a {@code --store} value that names an external store. */
    public static final String SCHEME = "sparql:";

    public SparqlEndpoints {
        for (String u : new String[]{query, update, graphStore}) {
            URI uri;
            try {
                uri = URI.create(u);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("not a store address: '" + u + "'");
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null)
                throw new IllegalArgumentException("a store address must be an http(s) URL: '" + u + "'");
        }
    }

    /**
     * A store whose dataset URL answers all three protocols (Fuseki's {@code https://host/ds});
     * {@code query}, {@code update}, {@code graphStore} override the one given (null: the dataset URL).
     */
    public static SparqlEndpoints of(String dataset, String query, String update, String graphStore, String authorization) {
        return new SparqlEndpoints(query != null ? query : dataset, update != null ? update : dataset,
                graphStore != null ? graphStore : dataset, authorization);
    }

    /** True for a {@code --store} value of the form {@code sparql:URL}. */
    public static boolean names(String store) {
        return store != null && store.startsWith(SCHEME);
    }

    public static String bearer(String token) { return "Bearer " + token; }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return query.equals(update) && query.equals(graphStore) ? query
                : "query " + query + ", update " + update + ", graph store " + graphStore;
    }
}
