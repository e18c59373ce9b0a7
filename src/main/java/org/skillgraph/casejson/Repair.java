package org.skillgraph.casejson;

/** Something the reader accepted but changed: where (JSON pointer) and what it did. */
public record Repair(String pointer, String message) {
    @Override public String toString() { return pointer + ": " + message; }
}
