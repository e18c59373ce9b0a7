package org.skillgraph.harvest;

import org.skillgraph.error.InputRejectedException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * A CASE provider the server harvests on a schedule, and how the last harvests went. Credentials
 * are named, not kept: {@code tokenVariable} / {@code secretVariable} are environment variables
 * of the server process (the store is readable over SPARQL, so it holds no secrets).
 */
public record HarvestSource(String id, String url, Duration interval, List<String> documents, String clientId,
                            String tokenUrl, String scope, String secretVariable, String tokenVariable, Instant addedAt,
                            Instant lastAttemptAt, Instant lastSuccessAt, String lastOutcome, String lastError,
                            Instant lastErrorAt, int failures) {
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);
    /** The longest wait after failures, unless the interval itself is longer. */
    public static final Duration MAX_BACKOFF = Duration.ofDays(1);

    public HarvestSource {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** A new source with no harvest yet. */
    public static HarvestSource of(String url, Duration interval, List<String> documents, String clientId, String tokenUrl,
                                   String scope, String secretVariable, String tokenVariable, Instant now) {
        String u = normalize(url);
        if (interval.compareTo(MIN_INTERVAL) < 0)
            throw new InputRejectedException(url, null, "the harvest interval must be at least " + MIN_INTERVAL.toMinutes() + " minute");
        if (clientId != null && (tokenUrl == null || secretVariable == null))
            throw new InputRejectedException(url, null, "a client id needs a token URL and the name of the environment variable with the client secret");
        if (clientId != null && tokenVariable != null)
            throw new InputRejectedException(url, null, "give either a token variable or client credentials, not both");
        if (tokenUrl != null) normalize(tokenUrl);
        return new HarvestSource(org.skillgraph.vocab.Iris.sourceId(u), u, interval, documents, clientId, tokenUrl, scope,
                secretVariable, tokenVariable, now, null, null, null, null, null, 0);
    }

    /** The URL without trailing slashes; http(s) and absolute, or rejected. */
    public static String normalize(String url) {
        String u = url == null ? "" : url.strip();
        while (u.endsWith("/")) u = u.substring(0, u.length() - 1);
        java.net.URI uri;
        try {
            uri = java.net.URI.create(u);
        } catch (IllegalArgumentException e) {
            throw new InputRejectedException(url, null, "not a valid URL");
        }
        new AddressGuard(true).check(uri); // scheme and host; addresses are checked when harvesting
        return u;
    }

    /** How to authenticate, with secrets read from the environment ({@code env}: name to value). */
    public Auth auth(UnaryOperator<String> env) {
        if (tokenVariable != null) return new Auth.Bearer(required(env, tokenVariable));
        if (clientId != null) return new Auth.ClientCredentials(clientId, required(env, secretVariable), tokenUrl, scope);
        return Auth.NONE;
    }

    private String required(UnaryOperator<String> env, String name) {
        String v = env.apply(name);
        if (v == null || v.isBlank()) throw new InputRejectedException(url, null, "the environment variable " + name + " is not set");
        return v;
    }

    /** When the next harvest is due: now for a new source, else after the interval, doubled per failure. */
    public Instant nextDue() {
        return lastAttemptAt == null ? addedAt : lastAttemptAt.plus(wait(interval, failures));
    }

    /** The wait after {@code failures} failures in a row: interval x 2^failures, at most max(interval, a day). */
    public static Duration wait(Duration interval, int failures) {
        Duration cap = interval.compareTo(MAX_BACKOFF) > 0 ? interval : MAX_BACKOFF;
        Duration d = interval;
        for (int i = 0; i < failures && d.compareTo(cap) < 0; i++) d = d.multipliedBy(2);
        return d.compareTo(cap) > 0 ? cap : d;
    }

    /** This source after a harvest that ended at {@code at}. */
    public HarvestSource after(HarvestReport r, Instant at) {
        if (r.ok()) return new HarvestSource(id, url, interval, documents, clientId, tokenUrl, scope, secretVariable, tokenVariable,
                addedAt, at, at, r.summary(), null, lastErrorAt, 0);
        return new HarvestSource(id, url, interval, documents, clientId, tokenUrl, scope, secretVariable, tokenVariable,
                addedAt, at, lastSuccessAt, r.summary(), r.firstError(), at, failures + 1);
    }

    /** This source's configuration replaced by {@code other}'s; the harvest history is kept. */
    public HarvestSource reconfigured(HarvestSource other) {
        return new HarvestSource(id, url, other.interval, other.documents, other.clientId, other.tokenUrl, other.scope,
                other.secretVariable, other.tokenVariable, addedAt, lastAttemptAt, lastSuccessAt, lastOutcome, lastError, lastErrorAt, failures);
    }

    /** Parses an interval: 90s, 30m, 6h, 1d, or ISO 8601 (PT6H). */
    public static Duration parseInterval(String s) {
        String t = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) return Duration.parse(t.toUpperCase(Locale.ROOT));
            if (t.matches("\\d{1,9}[smhd]")) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                return switch (t.charAt(t.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
        } catch (java.time.format.DateTimeParseException e) {
            // below
        }
        throw new InputRejectedException(s, null, "an interval is a number with s, m, h or d (30m, 6h, 1d), or ISO 8601 (PT6H)");
    }
}
