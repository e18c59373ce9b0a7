package org.skillgraph.cli;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.skillgraph.casejson.CaseWriter;
import org.skillgraph.casejson.Link;
import org.skillgraph.error.InputRejectedException;
import org.skillgraph.error.NotFoundException;
import org.skillgraph.mapping.RdfToCase;
import org.skillgraph.store.Explainer;
import org.skillgraph.vocab.Iris;
import org.skillgraph.vocab.SG;
import org.skillgraph.sheet.WorkbookWriter;
import org.skillgraph.store.CatalogEntry;
import org.skillgraph.store.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

@Command(name = "export", description = "Write a stored framework as CASE JSON (1.1, or 1.0 on request), an .xlsx workbook (OpenSALT layout) or RDF.")
final class ExportCommand implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Spec CommandSpec spec;

    @Option(names = "--framework", required = true, paramLabel = "ID|URI", description = "CFDocument identifier, its URI, or the graph IRI.")
    String framework;

    @Option(names = "--format", defaultValue = "case-json", description = "case-json, xlsx, turtle, nquads, jsonld, ntriples or rdfxml. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--case-version", defaultValue = "1.1", description = "CASE version of case-json output: 1.1 or 1.0. Default: ${DEFAULT-VALUE}.")
    String caseVersion;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output file (default: standard output).")
    Path output;

    /** Items of other stored frameworks, for the Alignments sheet: their framework's title, code and statement. */
    private static Function<Link, Optional<WorkbookWriter.Their>> storedItems(Registry registry) {
        Explainer explainer = new Explainer(registry);
        return link -> {
            Node target = Iris.entity(link.uri(), link.identifier());
            boolean stored = registry.read(dsg -> {
                var it = dsg.find(Node.ANY, target, SG.framework, Node.ANY);
                try {
                    return it.hasNext();
                } finally {
                    org.apache.jena.atlas.iterator.Iter.close(it);
                }
            });
            if (!stored) return Optional.empty();
            try {
                Explainer.End e = explainer.explain(link.uri() != null ? link.uri() : link.identifier(), null).subject();
                return Optional.of(new WorkbookWriter.Their(e.framework(), e.code(), e.statement()));
            } catch (NotFoundException | InputRejectedException notStoredOrAmbiguous) {
                return Optional.empty();
            }
        };
    }

    @Override
    public Integer call() throws IOException {
        boolean caseJson = format.equalsIgnoreCase("case-json");
        boolean xlsx = format.equalsIgnoreCase("xlsx");
        if (xlsx && output == null) throw new IllegalArgumentException("--format xlsx needs -o FILE.xlsx (a workbook is not written to the terminal)");
        RdfOutput rdf = caseJson || xlsx ? null : RdfOutput.byName(format);
        CaseWriter writer = caseJson ? new CaseWriter(caseVersion) : null;
        try (Registry registry = store.open()) {
            CatalogEntry e = registry.find(framework);
            Graph g = registry.frameworkGraph(e);
            Node doc = NodeFactory.createURI(e.document());
            OutputStream out = output == null ? System.out : Files.newOutputStream(output);
            try {
                if (caseJson) writer.write(RdfToCase.toCase(g, doc, caseVersion), out);
                else if (xlsx) new WorkbookWriter(storedItems(registry)).write(RdfToCase.toCase(g, doc, caseVersion), out);
                else rdf.write(out, g, NodeFactory.createURI(e.graph()));
                out.flush();
            } finally {
                if (output != null) out.close();
            }
        }
        return Main.OK;
    }
}
