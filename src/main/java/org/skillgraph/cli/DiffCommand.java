package org.skillgraph.cli;

import org.skillgraph.diff.Diffs;
import org.skillgraph.diff.FrameworkDiff;
import org.skillgraph.store.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "diff", description = {
        "Show what changed between two imported versions of a framework:",
        "document fields, items added, removed and changed (field by field),",
        "associations added, removed and changed. Versions are numbered as",
        "/api/frameworks/{id} lists them (VER in 'skillgraph list' is the current one);",
        "by default the current version is compared with the one before it."})
final class DiffCommand implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FRAMEWORK", description = "The framework's identifier, document IRI or graph IRI.")
    String framework;

    @Option(names = "--from", paramLabel = "V1", description = "The older version (default: the one before --to).")
    Long from;

    @Option(names = "--to", paramLabel = "V2", description = "The newer version (default: the current one).")
    Long to;

    @Option(names = "--format", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) throw new IllegalArgumentException("--format must be text or json");
        PrintWriter out = spec.commandLine().getOut();
        try (Registry registry = store.open()) {
            FrameworkDiff d = Diffs.compare(registry, framework, from, to);
            out.print(format.equals("json") ? d.toJson().toPrettyString() + "\n" : d.toText());
            out.flush();
        }
        return Main.OK;
    }
}
