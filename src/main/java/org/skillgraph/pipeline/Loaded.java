package org.skillgraph.pipeline;

import org.skillgraph.casejson.ReadResult;
import org.skillgraph.mapping.FrameworkGraph;
import org.skillgraph.validate.ValidationReport;

/** A package read, converted and validated, ready to store. */
public record Loaded(Source source, ReadResult read, FrameworkGraph graph, ValidationReport report) {
    public String title() { return read.casePackage().document().string("title"); }
    public String publisher() { return read.casePackage().document().string("publisher"); }
    public String frameworkVersion() { return read.casePackage().document().string("version"); }
}
