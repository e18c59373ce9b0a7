package org.skillgraph.store;

/** The outcome of storing one framework: its new catalog entry and whether it replaced a version. */
public record ImportResult(CatalogEntry entry, boolean replaced, boolean unchanged) {}
