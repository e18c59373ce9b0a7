package org.skillgraph.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.skillgraph.casejson.Repair;
import org.skillgraph.error.InputRejectedException;
import org.skillgraph.error.ValidationFailedException;
import org.skillgraph.pipeline.Pipeline;
import org.skillgraph.pipeline.Source;
import org.skillgraph.store.CatalogEntry;
import org.skillgraph.store.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;

@Command(name = "import", description = {
        "Read, validate and store CASE packages: CASE JSON, .xlsx workbooks (OpenSALT layout), CSV sheets in a folder or .zip,",
        "folders of .json/.xlsx files, or http(s) URLs.",
        "Each package is stored in one transaction: all of it or nothing. Re-importing replaces the stored version."})
final class ImportCommand implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|URL|DIR", description = "CASE JSON packages or workbooks to import.")
    List<String> inputs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Source> sources = Source.expand(inputs);
        if (sources.isEmpty()) throw new InputRejectedException(String.join(" ", inputs), null, "no .json or .xlsx files found");
        Pipeline pipeline = new Pipeline();
        int failed = 0;
        try (Registry registry = store.open()) {
            for (Source s : sources) {
                try {
                    Pipeline.Stored r = importOne(pipeline, registry, s);
                    CatalogEntry e = r.result().entry();
                    List<Repair> repairs = r.loaded().read().repairs();
                    String what = r.result().unchanged() ? "unchanged" : r.result().replaced() ? "replaced" : "imported";
                    out.printf("%s %s (%s): %d items, %d associations, %d triples, %d repairs, %d warnings%s%n",
                            what, quote(e.title()), e.identifier(), e.items(), e.associations(), e.triples(),
                            repairs.size(), r.loaded().report().warnings(),
                            r.result().replaced() ? ", version " + e.importVersion() : "");
                    Repairs.summarize(repairs, err);
                } catch (ValidationFailedException v) {
                    failed++;
                    err.print(v.report().toText());
                    err.println("rejected: " + v.getMessage());
                } catch (InputRejectedException | org.skillgraph.error.NotFoundException x) {
                    failed++;
                    err.println("rejected: " + x.getMessage());
                }
            }
        }
        return failed == 0 ? Main.OK : Main.REJECTED;
    }

    private static Pipeline.Stored importOne(Pipeline pipeline, Registry registry, Source s) {
        if (System.console() == null) return pipeline.importInto(registry, s, n -> {});
        ProgressBar[] bar = new ProgressBar[1];
        LongConsumer progress = n -> {
            if (bar[0] == null && n >= 50_000) {
                bar[0] = new ProgressBarBuilder().setTaskName("storing").setUnit(" triples", 1)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err)).setInitialMax(-1).build();
            }
            if (bar[0] != null) bar[0].stepTo(n);
        };
        try {
            return pipeline.importInto(registry, s, progress);
        } finally {
            if (bar[0] != null) bar[0].close();
        }
    }

    static String quote(String s) { return s == null ? "(untitled)" : "\"" + s + "\""; }
}
