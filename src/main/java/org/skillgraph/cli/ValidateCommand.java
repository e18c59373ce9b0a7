package org.skillgraph.cli;

import org.skillgraph.pipeline.Loaded;
import org.skillgraph.pipeline.Pipeline;
import org.skillgraph.pipeline.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "validate", description = {
        "Check a CASE package (JSON, .xlsx workbook, or CSV sheets in a folder or .zip) against the CASE shapes without storing it.",
        "Exit 0 when it has no violations (warnings allowed), 1 when it has."})
final class ValidateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE|URL", description = "The CASE JSON package or workbook.")
    String input;

    @Option(names = "--format", defaultValue = "text", description = "text, json or turtle (the SHACL report). Default: ${DEFAULT-VALUE}.")
    String format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!List.of("text", "json", "turtle").contains(format))
            throw new IllegalArgumentException("--format must be text, json or turtle, not '" + format + "'");
        Source source = Source.expand(List.of(input)).get(0);
        Loaded l = new Pipeline().validate(source);
        switch (format) {
            case "json" -> out.println(l.report().toJson());
            case "turtle" -> {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                l.report().writeTurtle(buf);
                out.print(buf.toString(StandardCharsets.UTF_8));
            }
            default -> {
                out.print(l.report().toText());
                Repairs.summarize(l.read().repairs(), out);
            }
        }
        out.flush();
        return l.report().conforms() ? Main.OK : Main.REJECTED;
    }
}
