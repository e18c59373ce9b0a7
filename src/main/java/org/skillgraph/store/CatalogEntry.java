package org.skillgraph.store;

import java.time.Instant;

/** What the catalog says about one stored framework (its current version). */
public record CatalogEntry(String identifier, String graph, String document, String title, String publisher,
                           String frameworkVersion, String source, Instant importedAt, long items,
                           long associations, long triples, String contentHash, long importVersion,
                           String caseVersion, String previousVersion) {}
