package org.skillgraph.casejson;

/** A CASE LinkURI / LinkGenURI: a pointer to another entity, possibly in another framework. */
public record Link(String title, String identifier, String uri, String targetType) {
    public Link(String title, String identifier, String uri) { this(title, identifier, uri, null); }
}
