package org.skillgraph.cli;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.skillgraph.vocab.SG;

import java.io.OutputStream;
import java.util.Locale;

/** Writes a framework graph as Turtle, N-Triples, N-Quads, JSON-LD or RDF/XML. */
enum RdfOutput {
    TURTLE(RDFFormat.TURTLE_BLOCKS), NTRIPLES(RDFFormat.NTRIPLES), NQUADS(RDFFormat.NQUADS),
    JSONLD(RDFFormat.JSONLD11), RDFXML(RDFFormat.RDFXML);

    private final RDFFormat format;

    RdfOutput(RDFFormat format) { this.format = format; }

    static RdfOutput byName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "turtle", "ttl" -> TURTLE;
            case "ntriples", "nt" -> NTRIPLES;
            case "nquads", "nq" -> NQUADS;
            case "jsonld", "json-ld" -> JSONLD;
            case "rdfxml", "rdf", "xml" -> RDFXML;
            default -> throw new IllegalArgumentException("unknown RDF format '" + name + "' (turtle, ntriples, nquads, jsonld, rdfxml)");
        };
    }

    static RdfOutput byFileName(String file) {
        int dot = file.lastIndexOf('.');
        if (dot < 0) throw new IllegalArgumentException("cannot tell the format of '" + file + "': use .ttl, .nt, .nq, .jsonld or .rdf");
        return byName(file.substring(dot + 1));
    }

    void write(OutputStream out, Graph g, Node graphName) {
        SG.PREFIXES.forEach((p, ns) -> g.getPrefixMapping().setNsPrefix(p, ns));
        if (this == NQUADS) {
            DatasetGraph ds = DatasetGraphFactory.createGeneral();
            ds.addGraph(graphName, g);
            RDFDataMgr.write(out, ds, format);
        } else {
            RDFDataMgr.write(out, g, format);
        }
    }
}
