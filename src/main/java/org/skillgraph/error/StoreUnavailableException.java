package org.skillgraph.error;

/**
 * The external store did not answer, or refused a request: it is down, unreachable, refused the
 * credentials, or failed. Names the store's URL. The CLI maps it to exit code 1, the server to 503.
 */
public class StoreUnavailableException extends RuntimeException {
    private final String store;

    public StoreUnavailableException(String store, String why, Throwable cause) {
        super("the store at " + store + " " + why, cause);
        this.store = store;
    }

    public String store() { return store; }
}
