package org.skillgraph.credentials;

import org.skillgraph.error.InputRejectedException;

/**
 * A credential (or a list of URIs) that cannot be checked: not JSON, not JSON-LD that the shipped
 * contexts can read, or too large. {@code status} is the HTTP status the server answers with
 * (400, 413 or 422), {@code error} a short machine-readable code. The CLI exits 1.
 */
public class CredentialRejectedException extends InputRejectedException {
    private final int status;
    private final String error;
    private final String context;

    public CredentialRejectedException(int status, String error, String source, String location, String reason,
                                       String context, Throwable cause) {
        super(source, location, reason, cause);
        this.status = status;
        this.error = error;
        this.context = context;
    }

    public CredentialRejectedException(int status, String error, String source, String reason) {
        this(status, error, source, null, reason, null, null);
    }

    public int status() { return status; }

    public String error() { return error; }

    /** The remote context that is not shipped, when that is the reason; else null. */
    public String context() { return context; }
}
