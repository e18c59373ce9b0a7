package org.skillgraph.cli;

import org.skillgraph.pipeline.Loaded;
import org.skillgraph.pipeline.Pipeline;
import org.skillgraph.pipeline.Source;
import org.skillgraph.vocab.Iris;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "convert", description = "Convert a CASE package (JSON, .xlsx workbook, or CSV sheets) to RDF (no store, no validation).")
final class ConvertCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE|URL", description = "The CASE JSON package or workbook.")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Output file; the format follows its extension (.ttl .nt .nq .jsonld .rdf). Default: Turtle on standard output.")
    Path output;

    @Option(names = "--format", description = "turtle, ntriples, nquads, jsonld or rdfxml (overrides the extension).")
    String format;

    @Override
    public Integer call() throws IOException {
        RdfOutput fmt = format != null ? RdfOutput.byName(format) : output != null ? RdfOutput.byFileName(output.toString()) : RdfOutput.TURTLE;
        Loaded l = new Pipeline().convert(Source.expand(List.of(input)).get(0));
        if (output == null) {
            OutputStream out = System.out;
            fmt.write(out, l.graph().graph(), Iris.frameworkGraph(l.graph().identifier()));
            out.flush();
        } else {
            try (OutputStream out = Files.newOutputStream(output)) {
                fmt.write(out, l.graph().graph(), Iris.frameworkGraph(l.graph().identifier()));
            }
            spec.commandLine().getErr().printf("wrote %d triples to %s%n", l.graph().graph().size(), output);
        }
        Repairs.summarize(l.read().repairs(), spec.commandLine().getErr());
        return Main.OK;
    }
}
