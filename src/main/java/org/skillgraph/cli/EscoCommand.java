package org.skillgraph.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.skillgraph.reference.esco.EscoCounts;
import org.skillgraph.reference.esco.EscoImporter;
import org.skillgraph.reference.esco.EscoSchemes;
import org.skillgraph.store.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;

/** {@code skillgraph esco ...}: the ESCO classification as reference data. */
@Command(name = "esco", subcommands = {EscoCommand.Import.class},
        description = "ESCO (European Skills, Competences, Qualifications and Occupations) as reference data.")
public final class EscoCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "import", description = {
            "Load ESCO into the named graph " + EscoSchemes.GRAPH_IRI + ", replacing what is there.",
            "DIR is the CSV download (occupations_en.csv, skills_en.csv, ISCOGroups_en.csv, skillGroups_en.csv, "
                    + "skillsHierarchy_en.csv, broaderRelations*.csv, occupationSkillRelations.csv, skillSkillRelations.csv, "
                    + "conceptSchemes_en.csv, *Collection_en.csv; whatever is present), columns found by header name.",
            "FILE is ESCO's RDF download (Turtle, N-Triples or RDF/XML), loaded as is; a folder of such files works too.",
            "All or nothing: a malformed file is rejected with its line and the store is left unchanged."})
    public static final class Import implements Callable<Integer> {
        @Mixin StoreOptions store;
        @Spec CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR|FILE", description = "ESCO CSV folder, or RDF file or folder.")
        Path input;

        @Option(names = "--version", paramLabel = "V",
                description = "ESCO version for the catalog (default: read from the data or the folder name, e.g. esco-v1.1.1).")
        String version;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            EscoImporter importer = new EscoImporter();
            var data = importer.read(input, version);
            EscoImporter.Result r;
            try (Registry registry = store.open()) {
                r = storeWithProgress(importer, registry, data);
            }
            EscoCounts c = data.counts();
            out.printf(Locale.ROOT, "%s \"%s\" into %s: %,d triples (read %s, stored %s)%n", r.replaced() ? "replaced" : "imported",
                    data.title(), EscoSchemes.GRAPH_IRI, r.triples(), seconds(data.readMillis()), seconds(r.storeMillis()));
            String fmt = "  %-28s %,9d%n";
            out.printf(Locale.ROOT, fmt, "occupations", c.occupations());
            out.printf(Locale.ROOT, fmt, "skills", c.skills());
            out.printf(Locale.ROOT, fmt, "skill groups", c.skillGroups());
            out.printf(Locale.ROOT, fmt, "ISCO groups", c.iscoGroups());
            out.printf(Locale.ROOT, fmt, "occupation-skill relations", c.occupationSkillRelations());
            out.printf(Locale.ROOT, fmt, "  essential", c.essentialSkills());
            out.printf(Locale.ROOT, fmt, "  optional", c.optionalSkills());
            out.printf(Locale.ROOT, fmt, "skill-skill relations", c.skillSkillRelations());
            out.printf(Locale.ROOT, fmt, "broader links", c.broader());
            out.printf(Locale.ROOT, fmt, "collections", c.collections());
            out.printf(Locale.ROOT, fmt, "  members", c.collectionMembers());
            out.printf(Locale.ROOT, fmt, "concept schemes", c.schemes());
            out.printf(Locale.ROOT, fmt, "triples", r.triples());
            for (String note : data.notes()) err.println("note: " + note);
            return Main.OK;
        }

        private static EscoImporter.Result storeWithProgress(EscoImporter importer, Registry registry,
                                                            org.skillgraph.reference.esco.EscoData data) {
            if (System.console() == null) return importer.store(registry, data, n -> {});
            ProgressBar[] bar = new ProgressBar[1];
            LongConsumer progress = n -> {
                if (bar[0] == null && n >= 50_000) {
                    bar[0] = new ProgressBarBuilder().setTaskName("storing").setUnit(" triples", 1)
                            .setConsumer(new ConsoleProgressBarConsumer(System.err)).setInitialMax(data.counts().triples()).build();
                }
                if (bar[0] != null) bar[0].stepTo(n);
            };
            try {
                return importer.store(registry, data, progress);
            } finally {
                if (bar[0] != null) bar[0].close();
            }
        }

        private static String seconds(long millis) { return String.format(Locale.ROOT, "%.1f s", millis / 1000.0); }
    }
}
