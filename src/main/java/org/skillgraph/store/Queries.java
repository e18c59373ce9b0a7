package org.skillgraph.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/** SPARQL used by code, kept in {@code src/main/resources/sparql/NAME.rq} and loaded by name. */
public final class Queries {
    private static final ConcurrentHashMap<String, String> CACHE = new ConcurrentHashMap<>();

    private Queries() {}

    public static String get(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            try (InputStream in = Queries.class.getResourceAsStream("/sparql/" + n + ".rq")) {
                if (in == null) throw new IllegalStateException("missing query resource /sparql/" + n + ".rq");
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
