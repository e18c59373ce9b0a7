package org.skillgraph.error;

/** A framework, entity or file that was asked for does not exist. CLI exit 1, HTTP 404. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) { super(message); }
}
