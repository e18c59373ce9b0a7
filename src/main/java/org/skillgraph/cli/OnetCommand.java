package org.skillgraph.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.skillgraph.reference.onet.OnetImporter;
import org.skillgraph.reference.onet.OnetIris;
import org.skillgraph.reference.onet.OnetResult;
import org.skillgraph.store.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;

/** {@code skillgraph onet import DIR}: the O*NET database as a SKOS reference graph. */
@Command(name = "onet", description = "O*NET reference data (https://www.onetcenter.org/database.html).",
        subcommands = {OnetCommand.Import.class})
public final class OnetCommand implements Runnable {
    @Spec CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "import", description = {
            "Read an O*NET database text release (the tab-delimited files as published, e.g. db_29_3_text/) "
                    + "and store it as SKOS in the graph " + OnetIris.GRAPH_IRI + ", replacing the stored release.",
            "Missing optional files are skipped with a note; a malformed file rejects the import and stores nothing."})
    static final class Import implements Callable<Integer> {
        @Mixin StoreOptions store;
        @Spec CommandSpec spec;

        // Not mixinStandardHelpOptions: its -V/--version would clash with the release --version.
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Parameters(index = "0", paramLabel = "DIR", description = "Folder of the release's .txt files.")
        Path dir;

        @Option(names = "--version", paramLabel = "V",
                description = "Release version when the folder has no 'Read Me.txt' naming it (default: from the folder name).")
        String version;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            long start = System.nanoTime();
            OnetResult r;
            try (Registry registry = store.open()) {
                r = store(registry);
            }
            out.printf("imported \"%s\" into %s in %.1f s%n", r.title(), OnetIris.GRAPH.getURI(),
                    (System.nanoTime() - start) / 1e9);
            r.counts().asMap().forEach((kind, n) -> out.printf("  %-20s %,d%n", kind, n));
            for (String note : r.notes()) err.println("note: " + note);
            return Main.OK;
        }

        private OnetResult store(Registry registry) {
            if (System.console() == null) return OnetImporter.importInto(registry, dir, version, n -> {});
            ProgressBar[] bar = new ProgressBar[1];
            LongConsumer progress = n -> {
                if (bar[0] == null && n >= 50_000) {
                    bar[0] = new ProgressBarBuilder().setTaskName("storing").setUnit(" triples", 1)
                            .setConsumer(new ConsoleProgressBarConsumer(System.err)).setInitialMax(-1).build();
                }
                if (bar[0] != null) bar[0].stepTo(n);
            };
            try {
                return OnetImporter.importInto(registry, dir, version, progress);
            } finally {
                if (bar[0] != null) bar[0].close();
            }
        }
    }
}
