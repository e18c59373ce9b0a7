package org.skillgraph.harvest;

/** How a harvest authenticates to a CASE provider. Secrets are never printed ({@code toString}). */
public sealed interface Auth permits Auth.None, Auth.Bearer, Auth.ClientCredentials {
    Auth NONE = new None();

    record None() implements Auth {}

    /** A bearer token given by the operator. */
    record Bearer(String token) implements Auth {
        @Override public String toString() { return "Bearer[token hidden]"; }
    }

    /** OAuth 2.0 client credentials grant (RFC 6749 section 4.4), the way CASE providers protect their API. */
    record ClientCredentials(String clientId, String secret, String tokenUrl, String scope) implements Auth {
        @Override public String toString() { return "ClientCredentials[" + clientId + ", secret hidden, " + tokenUrl + ", " + scope + "]"; }
    }
}
