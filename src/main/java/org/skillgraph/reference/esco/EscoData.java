package org.skillgraph.reference.esco;

import org.apache.jena.graph.Graph;

import java.util.List;

/**
 * ESCO read into memory, ready to store: the graph, what to call it in the catalog, its counts,
 * and notes on what was skipped or derived. {@code format} is "csv" or "rdf".
 */
public record EscoData(Graph graph, String title, String version, String source, String format,
                       EscoCounts counts, List<String> notes, long readMillis) {}
