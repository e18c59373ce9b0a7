package org.skillgraph.casejson;

import org.apache.jena.graph.Node;
import org.skillgraph.vocab.SG;

/**
 * One field of a CASE entity: its JSON name, how it is read and written, and the ontology
 * property that holds it in RDF.
 */
public record Field(String json, FieldKind kind, String property, boolean required) {
    public Node predicate() { return SG.sg(property); }

    static Field req(String json, FieldKind kind) { return new Field(json, kind, json, true); }
    static Field opt(String json, FieldKind kind) { return new Field(json, kind, json, false); }
    static Field opt(String json, FieldKind kind, String property) { return new Field(json, kind, property, false); }
}
