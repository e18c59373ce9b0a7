package org.skillgraph.casejson;

/** How a CASE JSON field is read, stored in RDF and written back. */
public enum FieldKind {
    /** Plain string, xsd:string. */
    STRING,
    /** Human-language text; tagged with the entity's or framework's language in RDF. */
    TEXT,
    /** Whole number, xsd:integer (strings of digits are repaired). */
    INTEGER,
    /** Decimal number, xsd:decimal (numeric strings are repaired). */
    NUMBER,
    /** xsd:dateTime, lexical form kept as given. */
    DATE_TIME,
    /** xsd:date, or xsd:dateTime when the publisher gave a time. */
    DATE,
    /** A URL kept as text, xsd:anyURI. */
    URL,
    /** Several strings (one triple each); a comma-separated string is repaired into a list. */
    STRING_LIST,
    /** A LinkURI object {title, identifier, uri}: stored as a link to the target's node. */
    LINK,
    /** A list of LinkURI objects. */
    LINK_LIST,
    /** Free JSON (CASE 1.1 extensions), rdf:JSON. */
    JSON
}
