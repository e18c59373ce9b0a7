package org.skillgraph.harvest;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What one harvest of a provider did: one outcome per framework, or an error that stopped it
 * before any framework (the provider could not be reached or listed). Requests and bytes count
 * everything sent to the provider, the token endpoint included.
 */
public record HarvestReport(String url, String apiBase, List<Outcome> outcomes, String error, long requests,
                            long bytes, Duration elapsed, List<String> requestLog) {

    public enum Status {
        /** New in the registry. */ IMPORTED,
        /** A new version replaced the stored one. */ REPLACED,
        /** Fetched, but the content is the same as the stored version. */ UNCHANGED,
        /** The provider answered 304 Not Modified. */ NOT_MODIFIED,
        /** Not fetched: the listing shows the same lastChangeDateTime as the stored version, or one before --since. */ SKIPPED,
        /** No longer listed by the provider: marked withdrawn, kept. */ WITHDRAWN,
        /** This framework could not be harvested; the stored version (if any) is untouched. */ FAILED
    }

    public record Outcome(String identifier, String title, Status status, String message) {}

    public boolean ok() { return error == null && count(Status.FAILED) == 0; }

    public long count(Status s) { return outcomes.stream().filter(o -> o.status() == s).count(); }

    /** The first thing that went wrong, or null. */
    public String firstError() {
        if (error != null) return error;
        return outcomes.stream().filter(o -> o.status() == Status.FAILED).map(o -> o.identifier() + ": " + o.message())
                .findFirst().orElse(null);
    }

    /** One line: counts by status, requests, bytes and time. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        if (error != null) sb.append("failed: ").append(error).append("; ");
        for (Status s : Status.values()) {
            if (s != Status.IMPORTED) sb.append(", ");
            sb.append(count(s)).append(' ').append(s.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        return sb.append("; ").append(requests).append(requests == 1 ? " request, " : " requests, ")
                .append(String.format(Locale.ROOT, "%.1f MB in %.1f s", bytes / 1e6, elapsed.toMillis() / 1000.0)).toString();
    }
}
