package org.skillgraph.mapping;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

import java.util.Map;

/**
 * One framework as RDF: its document node, the triples of its named graph, and where each
 * entity came from in the source (node to JSON pointer) so reports can point back at the file.
 */
public record FrameworkGraph(String identifier, Node document, Graph graph, Map<Node, String> pointers,
                             int items, int associations, String caseVersion) {}
