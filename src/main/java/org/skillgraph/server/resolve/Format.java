package org.skillgraph.server.resolve;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The representations of an entity: media type, file suffix ({@code /uri/{id}.ttl}) and the names {@code format=} takes. */
public enum Format {
    HTML("text/html", "html", "HTML page", List.of("application/xhtml+xml"), List.of("htm")),
    JSON("application/json", "json", "CASE JSON", List.of(), List.of("case")),
    JSONLD("application/ld+json", "jsonld", "JSON-LD", List.of(), List.of("json-ld")),
    TURTLE("text/turtle", "ttl", "Turtle", List.of("application/x-turtle"), List.of("turtle")),
    NTRIPLES("application/n-triples", "nt", "N-Triples", List.of(), List.of("ntriples", "n-triples"));

    private final String mediaType;
    private final String suffix;
    private final String label;
    private final List<String> otherMediaTypes;
    private final List<String> otherNames;

    Format(String mediaType, String suffix, String label, List<String> otherMediaTypes, List<String> otherNames) {
        this.mediaType = mediaType;
        this.suffix = suffix;
        this.label = label;
        this.otherMediaTypes = otherMediaTypes;
        this.otherNames = otherNames;
    }

    public String mediaType() { return mediaType; }
    String suffix() { return suffix; }
    String label() { return label; }

    /** The value of Content-Type, with the charset. */
    public String contentType() { return mediaType + "; charset=utf-8"; }

    boolean accepts(String mediaRange) {
        return mediaType.equals(mediaRange) || otherMediaTypes.contains(mediaRange);
    }

    /** The format a path suffix names ({@code json}, {@code jsonld}, {@code ttl}, {@code nt}, {@code html}). */
    static Optional<Format> bySuffix(String suffix) {
        for (Format f : values()) if (f.suffix.equals(suffix)) return Optional.of(f);
        return Optional.empty();
    }

    /** The format a {@code format=} parameter names: a suffix, a common name, or a media type. */
    public static Optional<Format> byName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Format f : values()) {
            if (f.suffix.equals(n) || f.otherNames.contains(n) || f.accepts(n)) return Optional.of(f);
        }
        return Optional.empty();
    }
}
