package org.skillgraph.store;

import java.time.Instant;

/**
 * One imported version of a framework as the catalog records it. {@code replacedAt} is null for
 * the current version; {@code contentKept} says whether its content can still be compared.
 */
public record Version(long number, String iri, String contentHash, Instant importedAt, long items, long associations,
                      long triples, String source, Long previous, Instant replacedAt, boolean contentKept) {}
