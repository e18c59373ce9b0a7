package org.skillgraph.server;

import java.time.Duration;

/**
 * How the server runs. {@code baseUri} is the public address of this registry (used for IRIs it
 * mints and links it writes); {@code writeToken} null means read-only.
 */
public record ServerConfig(String host, int port, String baseUri, String writeToken, Duration queryTimeout,
                           long maxBodyBytes, int maxPageSize) {
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_MAX_BODY = 10L * 1024 * 1024;
    public static final int DEFAULT_MAX_PAGE = 1000;

    public ServerConfig {
        if (baseUri != null && !baseUri.endsWith("/")) baseUri = baseUri + "/";
    }

    public static ServerConfig defaults(int port) {
        return new ServerConfig("0.0.0.0", port, null, null, DEFAULT_QUERY_TIMEOUT, DEFAULT_MAX_BODY, DEFAULT_MAX_PAGE);
    }

    public boolean readOnly() { return writeToken == null || writeToken.isEmpty(); }

    public ServerConfig withPort(int p) { return new ServerConfig(host, p, baseUri, writeToken, queryTimeout, maxBodyBytes, maxPageSize); }
    public ServerConfig withBaseUri(String b) { return new ServerConfig(host, port, b, writeToken, queryTimeout, maxBodyBytes, maxPageSize); }
    public ServerConfig withWriteToken(String t) { return new ServerConfig(host, port, baseUri, t, queryTimeout, maxBodyBytes, maxPageSize); }
    public ServerConfig withQueryTimeout(Duration d) { return new ServerConfig(host, port, baseUri, writeToken, d, maxBodyBytes, maxPageSize); }
}
