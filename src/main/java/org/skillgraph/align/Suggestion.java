package org.skillgraph.align;

/** One ranked suggestion: source concept, target concept, score and rank (1 = best). */
public record Suggestion(Concept source, Concept target, double score, int rank) {}
