package org.skillgraph.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.skillgraph.align.Aligner;
import org.skillgraph.align.Concept;
import org.skillgraph.align.ConceptSource;
import org.skillgraph.align.Evaluation;
import org.skillgraph.align.Gold;
import org.skillgraph.align.Rankers;
import org.skillgraph.align.Reports;
import org.skillgraph.align.Suggestion;
import org.skillgraph.align.SuggestionJson;
import org.skillgraph.store.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code skillgraph align}: suggest, accept, evaluate and report alignments between schemes. */
@Command(name = "align", description = {
        "Align two schemes: a stored framework (identifier or IRI) or a reference scheme by short name",
        "(onet-occupations, onet-elements, onet-dwas, onet-tasks, esco-occupations, esco-skills, ...)."},
        subcommands = {AlignCommand.Suggest.class, AlignCommand.Accept.class, AlignCommand.Evaluate.class, AlignCommand.Report.class})
public final class AlignCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    static String methods() { return String.join(", ", Rankers.ENGINES.keySet()); }

    @Command(name = "suggest", description = {
            "Rank target concepts for every source concept and store the suggestions in their own graph",
            "urn:skillgraph:suggestions:{hash} (score, rank, method, date; PROV-O), replacing that graph's last run."})
    static final class Suggest implements Callable<Integer> {
        @Mixin StoreOptions store;
        @Spec CommandSpec spec;
        @Option(names = "--source", required = true, paramLabel = "SCHEME") String source;
        @Option(names = "--target", required = true, paramLabel = "SCHEME") String target;
        @Option(names = "--top", defaultValue = "5", paramLabel = "K", description = "Suggestions per source concept (default 5).") int top;
        @Option(names = "--method", paramLabel = "M", description = "Engine: ${COMPLETION-CANDIDATES} (default " + Rankers.DEFAULT + ").",
                completionCandidates = Methods.class) String method;
        @Option(names = "--format", defaultValue = "table", paramLabel = "FMT", description = "table, tsv or json (default table).") String format;
        @Option(names = "--no-store", description = "Print only; do not store the suggestions.") boolean noStore;

        @Override
        public Integer call() throws Exception {
            if (top < 1) throw new IllegalArgumentException("--top must be at least 1");
            if (!List.of("table", "tsv", "json").contains(format)) throw new IllegalArgumentException("--format must be table, tsv or json");
            PrintWriter out = spec.commandLine().getOut();
            try (Registry registry = store.open()) {
                Aligner aligner = new Aligner(registry, store.dir());
                Aligner.Run run = noStore ? aligner.rank(source, target, method, top) : aligner.suggest(source, target, method, top);
                print(out, run.flat(), format);
                if (!noStore) spec.commandLine().getErr().printf("%d suggestions (method %s) stored in <%s>%n",
                        run.flat().size(), run.method(), run.graph().getURI());
            }
            return Main.OK;
        }
    }

    static final class Methods extends java.util.ArrayList<String> {
        Methods() { super(Rankers.ENGINES.keySet()); }
    }

    static void print(PrintWriter out, List<Suggestion> ss, String format) throws Exception {
        switch (format) {
            case "tsv" -> {
                out.println(String.join("\t", SuggestionJson.COLUMNS));
                for (Suggestion s : ss)
                    out.println(String.join("\t", s.source().iri(), cell(s.source().label()), s.target().iri(),
                            cell(s.target().notation()), cell(s.target().label()), score(s.score()), Integer.toString(s.rank())));
            }
            case "json" -> out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(SuggestionJson.array(ss)));
            default -> {
                String last = null;
                for (Suggestion s : ss) {
                    if (!s.source().iri().equals(last)) {
                        out.printf("%s  <%s>%n", s.source().label(), s.source().iri());
                        last = s.source().iri();
                    }
                    out.printf("  %2d. %8s  %-12s %s%n", s.rank(), score(s.score()),
                            s.target().notation() == null ? "" : s.target().notation(), s.target().label());
                }
            }
        }
        out.flush();
    }

    private static String cell(String s) { return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' '); }
    private static String score(double d) { return SuggestionJson.score(d); }

    @Command(name = "accept", description = {
            "Turn chosen suggestions into alignments in graph urn:skillgraph:alignments, in one transaction:",
            "the direct triple (source --type--> target) and a node with PROV-O (who, when, from which suggestion)."})
    static final class Accept implements Callable<Integer> {
        @Mixin StoreOptions store;
        @Spec CommandSpec spec;
        @Option(names = "--suggestion", arity = "1..*", paramLabel = "IRI", description = "Suggestion IRIs to accept.") List<String> suggestions;
        @Option(names = "--source", paramLabel = "SCHEME") String source;
        @Option(names = "--target", paramLabel = "SCHEME") String target;
        @Option(names = "--method", paramLabel = "M", description = "Only suggestions of this method (default: any).") String method;
        @Option(names = "--rank", defaultValue = "1", paramLabel = "N", description = "Accept suggestions ranked N or better (default 1).") int rank;
        @Option(names = "--min-score", paramLabel = "X", description = "Accept only suggestions scoring at least X.") Double minScore;
        @Option(names = "--type", required = true, paramLabel = "TYPE",
                description = "exactMatchOf, isRelatedTo, closeMatch, broadMatch, narrowMatch or exactMatch.") String type;
        @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who accepts (prov:wasAttributedTo).") String by;

        @Override
        public Integer call() {
            Aligner.Selection sel = new Aligner.Selection(suggestions, source, target, method, rank, minScore);
            if (by == null || by.isBlank()) throw new IllegalArgumentException("--by NAME is required");
            try (Registry registry = store.open()) {
                Aligner.Accepted a = new Aligner(registry, store.dir()).accept(sel, type, by);
                spec.commandLine().getOut().printf("accepted %d alignments (%s) by %s into <urn:skillgraph:alignments>%n",
                        a.alignments().size(), type, by);
            }
            return Main.OK;
        }
    }

    @Command(name = "evaluate", description = {
            "Hit@1, Hit@5, Hit@10 and MRR of a method against a gold crosswalk (CSV or TSV with a header; source",
            "IRI or code -> target IRI or code), on the whole file and on the part whose gold target exists."})
    static final class Evaluate implements Callable<Integer> {
        @Mixin StoreOptions store;
        @Spec CommandSpec spec;
        @Option(names = "--source", required = true, paramLabel = "SCHEME") String source;
        @Option(names = "--target", required = true, paramLabel = "SCHEME") String target;
        @Option(names = "--gold", required = true, paramLabel = "FILE") Path gold;
        @Option(names = "--gold-source", paramLabel = "COLUMN", description = "Gold column of the source (default: found).") String goldSource;
        @Option(names = "--gold-target", paramLabel = "COLUMN", description = "Gold column of the target (default: found).") String goldTarget;
        @Option(names = "--method", paramLabel = "M", description = "Engine: ${COMPLETION-CANDIDATES} (default " + Rankers.DEFAULT + ").",
                completionCandidates = Methods.class) String method;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Registry registry = store.open()) {
                long t0 = System.nanoTime();
                Aligner aligner = new Aligner(registry, store.dir());
                ConceptSource.Scheme ss = ConceptSource.resolve(registry, source), ts = ConceptSource.resolve(registry, target);
                long q0 = System.nanoTime();
                List<Concept> sc = ConceptSource.load(registry, ss), tc = ConceptSource.load(registry, ts);
                double loadSecs = (System.nanoTime() - q0) / 1e9;
                List<Gold.Pair> pairs = Evaluation.gold(gold, sc, tc, goldSource, goldTarget);
                Aligner.Run run = aligner.rank(ss, ts, sc, tc, method, 100);
                java.util.Map<String, Integer> ti = new java.util.HashMap<>();
                for (int i = 0; i < tc.size(); i++) ti.put(tc.get(i).iri(), i);
                List<int[]> ranked = run.suggestions().stream()
                        .map(l -> l.stream().mapToInt(s -> ti.get(s.target().iri())).toArray()).toList();
                Evaluation.Result r = Evaluation.evaluate(pairs, sc, tc, ranked);
                double secs = (System.nanoTime() - t0) / 1e9;
                out.printf("method %s: %d source and %d target concepts, %d gold pairs for %d sources%n",
                        run.method(), sc.size(), tc.size(), r.goldRows(), r.goldSources());
                out.printf("gold sources not in the source scheme: %d%n", r.sourcesNotFound());
                out.printf("gold pairs whose target is not in the target scheme: %d (%d sources have no existing gold target)%n",
                        r.pairsTargetMissing(), r.sourcesAllTargetsMissing());
                out.printf("whole file:          %s%n", r.all().line());
                out.printf("existing gold only:  %s%n", r.existing().line());
                out.printf(Locale.ROOT, "time %.1f s (loading the concepts %.1f s), texts embedded %d%n", secs, loadSecs,
                        aligner.cache().embeddedTexts());
            }
            return Main.OK;
        }
    }

    @Command(name = "report", description = {
            "Coverage: which target concepts the source's accepted alignments reach, and which not (gaps);",
            "the O*NET occupations the source prepares for, ranked by the importance-weighted share of their",
            "skills and knowledge it reaches; and transitive alignments: source concept -> item of another",
            "framework (CASE exactMatchOf/isRelatedTo) -> target concept (accepted alignment)."})
    static final class Report implements Callable<Integer> {
        @Mixin StoreOptions store;
        @Spec CommandSpec spec;
        @Option(names = "--source", required = true, paramLabel = "SCHEME") String source;
        @Option(names = "--target", required = true, paramLabel = "SCHEME") String target;
        @Option(names = "--format", defaultValue = "table", paramLabel = "FMT", description = "table or tsv (default table).") String format;
        @Option(names = "--section", defaultValue = "all", paramLabel = "PART",
                description = "coverage, occupations, transitive or all (default all; tsv: coverage unless given).") String section;

        @Override
        public Integer call() {
            if (!List.of("table", "tsv").contains(format)) throw new IllegalArgumentException("--format must be table or tsv");
            if (!List.of("all", "coverage", "occupations", "transitive").contains(section))
                throw new IllegalArgumentException("--section must be coverage, occupations, transitive or all");
            String part = format.equals("tsv") && section.equals("all") ? "coverage" : section;
            PrintWriter out = spec.commandLine().getOut();
            try (Registry registry = store.open()) {
                if (part.equals("all") || part.equals("coverage")) coverage(out, Reports.coverage(registry, source, target));
                if (part.equals("all") || part.equals("occupations")) occupations(out, Reports.occupations(registry, source));
                if (part.equals("all") || part.equals("transitive")) transitive(out, Reports.transitive(registry, source, target));
            }
            return Main.OK;
        }

        private void coverage(PrintWriter out, List<Reports.Covered> rows) {
            long covered = rows.stream().filter(r -> r.alignedFrom() > 0).count();
            if (format.equals("tsv")) {
                out.println("target\ttarget_notation\ttarget_label\taligned_from");
                for (Reports.Covered r : rows) out.printf("%s\t%s\t%s\t%d%n", r.target(), nz(r.notation()), nz(r.label()), r.alignedFrom());
                return;
            }
            out.printf(Locale.ROOT, "coverage of %s by %s: %d of %d target concepts aligned (%.1f%%)%n", target, source, covered, rows.size(),
                    rows.isEmpty() ? 0.0 : 100.0 * covered / rows.size());
            out.println("aligned:");
            rows.stream().filter(r -> r.alignedFrom() > 0).forEach(r -> out.printf("  %3d  %-12s %s%n", r.alignedFrom(), nz(r.notation()), nz(r.label())));
            out.println("not aligned:");
            rows.stream().filter(r -> r.alignedFrom() == 0).forEach(r -> out.printf("       %-12s %s%n", nz(r.notation()), nz(r.label())));
        }

        private void occupations(PrintWriter out, List<Reports.Occupation> rows) {
            if (format.equals("tsv")) {
                out.println("occupation\tcode\ttitle\tweighted_share\tcovered_elements\trated_elements");
                for (Reports.Occupation o : rows)
                    out.printf(Locale.ROOT, "%s\t%s\t%s\t%.4f\t%d\t%d%n", o.iri(), nz(o.code()), nz(o.label()), o.share(), o.coveredElements(), o.ratedElements());
                return;
            }
            out.printf("%nO*NET occupations %s prepares for (importance-weighted share of their skills and knowledge reached):%n", source);
            if (rows.isEmpty()) out.println("  none: no O*NET importance ratings in the store");
            for (Reports.Occupation o : rows)
                out.printf(Locale.ROOT, "  %5.1f%%  %2d of %2d  %-10s %s%n", 100 * o.share(), o.coveredElements(), o.ratedElements(), nz(o.code()), nz(o.label()));
        }

        private void transitive(PrintWriter out, List<Reports.Chain> rows) {
            if (format.equals("tsv")) {
                out.println("source\tsource_code\tvia\tvia_code\ttarget\ttarget_notation\ttarget_label");
                for (Reports.Chain c : rows)
                    out.printf("%s\t%s\t%s\t%s\t%s\t%s\t%s%n", c.source(), nz(c.sourceCode()), c.via(), nz(c.viaCode()), c.target(),
                            nz(c.targetCode()), nz(c.targetLabel()));
                return;
            }
            out.printf("%ntransitive alignments %s -> another framework -> %s:%n", source, target);
            if (rows.isEmpty()) out.println("  none");
            for (Reports.Chain c : rows)
                out.printf("  %-10s -> %-8s -> %-10s %s%n", c.sourceCode() == null ? c.source() : c.sourceCode(),
                        c.viaCode() == null ? c.via() : c.viaCode(), nz(c.targetCode()), nz(c.targetLabel()));
        }

        private static String nz(String s) { return s == null ? "" : s; }
    }
}
