package org.skillgraph.harvest;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * How one harvest runs. {@code since}: only documents whose lastChangeDateTime is at or after it;
 * {@code documents}: only these document identifiers (empty: all); {@code full}: fetch every
 * package (conditionally) even when the listing shows the same lastChangeDateTime as last time.
 * A harvest limited by {@code since} or {@code documents} marks nothing withdrawn.
 */
public record HarvestOptions(Auth auth, Instant since, Set<String> documents, boolean full, boolean allowPrivate,
                             Duration timeout, long maxBytes, int pageSize) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
    public static final int DEFAULT_PAGE_SIZE = 100;

    public HarvestOptions {
        auth = auth == null ? Auth.NONE : auth;
        documents = documents == null ? Set.of() : Set.copyOf(documents);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("the timeout must be positive");
        if (maxBytes < 1) throw new IllegalArgumentException("the response size limit must be positive");
        if (pageSize < 1) throw new IllegalArgumentException("the page size must be positive");
    }

    public static HarvestOptions defaults() {
        return new HarvestOptions(Auth.NONE, null, Set.of(), false, false, DEFAULT_TIMEOUT, DEFAULT_MAX_BYTES, DEFAULT_PAGE_SIZE);
    }

    public HarvestOptions withAuth(Auth a) { return new HarvestOptions(a, since, documents, full, allowPrivate, timeout, maxBytes, pageSize); }
    public HarvestOptions withDocuments(Set<String> d) { return new HarvestOptions(auth, since, d, full, allowPrivate, timeout, maxBytes, pageSize); }
    public HarvestOptions withAllowPrivate(boolean p) { return new HarvestOptions(auth, since, documents, full, p, timeout, maxBytes, pageSize); }
    public HarvestOptions withTimeout(Duration t) { return new HarvestOptions(auth, since, documents, full, allowPrivate, t, maxBytes, pageSize); }

    /** Whether this run sees the provider's whole list, so that a framework missing from it was withdrawn. */
    boolean complete() { return since == null && documents.isEmpty(); }
}
