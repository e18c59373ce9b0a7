package org.skillgraph.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.skillgraph.align.Ranker;
import org.skillgraph.align.Rankers;
import org.skillgraph.recommend.DocumentText;
import org.skillgraph.recommend.Draft;
import org.skillgraph.recommend.RecommendEvaluation;
import org.skillgraph.recommend.RecommendJson;
import org.skillgraph.recommend.Recommender;
import org.skillgraph.recommend.Splitter;
import org.skillgraph.store.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code skillgraph recommend}: concepts of a target scheme for the sentences of syllabi and job descriptions. */
@Command(name = "recommend", description = {
        "Recommend concepts of a target scheme (a stored framework, or onet-tasks, onet-dwas, onet-elements,",
        "esco-skills, ...) for each sentence and list item of .txt, .md, .html, .pdf or .docx files, and for",
        "each whole file, with the sentences that support each concept; each is marked technical or transversal."},
        subcommands = {RecommendCommand.Evaluate.class})
public final class RecommendCommand implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Spec CommandSpec spec;
    // Not required in picocli's sense, so that `recommend evaluate ...` parses; checked in call().
    @Option(names = "--target", paramLabel = "SCHEME", description = "Required.") String target;
    @Option(names = "--top", defaultValue = "5", paramLabel = "K", description = "Concepts per sentence (default 5); these make the document's ranking.") int top;
    @Option(names = "--document-top", defaultValue = "20", paramLabel = "K", description = "Concepts for each whole file (default 20).") int documentTop;
    @Option(names = "--method", paramLabel = "M", description = "Engine: ${COMPLETION-CANDIDATES} (default " + Rankers.DEFAULT + ").",
            completionCandidates = AlignCommand.Methods.class) String method;
    @Option(names = "--format", defaultValue = "table", paramLabel = "FMT", description = "table, tsv or json (default table).") String format;
    @Option(names = "--draft", paramLabel = "OUT.xlsx", description = {
            "Also write a draft framework in the authoring workbook: one item per kept sentence, its best",
            "recommendations (up to " + DRAFT_ALIGNMENTS + ") in the Alignments sheet, ready to edit and import."}) Path draft;
    @Parameters(arity = "0..*", paramLabel = "FILE") List<Path> files;

    static final int DRAFT_ALIGNMENTS = 3;

    /** TSV columns, in order: one row per recommendation, of a passage or of the whole document. */
    public static final List<String> TSV_COLUMNS = List.of("document", "passage", "line", "text", "rank", "score",
            "target", "target_notation", "target_label", "type", "support");

    @Override
    public Integer call() throws Exception {
        if (target == null) throw new IllegalArgumentException("--target SCHEME is required");
        if (files == null || files.isEmpty()) throw new IllegalArgumentException("give one or more files");
        if (top < 1 || documentTop < 1) throw new IllegalArgumentException("--top and --document-top must be at least 1");
        if (!List.of("table", "tsv", "json").contains(format)) throw new IllegalArgumentException("--format must be table, tsv or json");
        List<String> texts = new ArrayList<>();
        for (Path f : files) texts.add(DocumentText.read(f));
        PrintWriter out = spec.commandLine().getOut();
        try (Registry registry = store.open()) {
            Recommender rec = new Recommender(registry, store.dir());
            ObjectMapper m = new ObjectMapper();
            ArrayNode all = m.createArrayNode();
            if (format.equals("tsv")) out.println(String.join("\t", TSV_COLUMNS));
            List<Recommender.Result> results = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                List<Splitter.Passage> ps = Splitter.split(texts.get(i));
                Recommender.Result r = rec.recommend(target, ps, method, top, documentTop);
                results.add(r);
                String name = files.get(i).toString();
                switch (format) {
                    case "json" -> all.add(RecommendJson.of(name, r));
                    case "tsv" -> tsv(out, name, r);
                    default -> table(out, name, r);
                }
            }
            if (format.equals("json")) out.println(m.writerWithDefaultPrettyPrinter().writeValueAsString(files.size() == 1 ? all.get(0) : all));
            if (draft != null) {
                String title = "Draft from " + String.join(", ", files.stream().map(f -> f.getFileName().toString()).toList());
                try (java.io.OutputStream o = Files.newOutputStream(draft)) {
                    Draft.write(title, results, Math.min(top, DRAFT_ALIGNMENTS), o);
                }
                spec.commandLine().getErr().printf("draft framework \"%s\" written to %s%n", title, draft);
            }
        }
        out.flush();
        return Main.OK;
    }

    private static void table(PrintWriter out, String name, Recommender.Result r) {
        out.printf("%s: %d passages; target %s (%d concepts), method %s%n", name, r.passages().size(),
                r.target().scheme().name(), r.target().concepts().size(), r.method());
        out.println("whole document (score: sum of 1/rank over the passages that recommend it; [the passages, by rank]):");
        int rank = 0;
        for (Recommender.DocumentHit h : r.document())
            out.printf(Locale.ROOT, "  %2d. %6.3f  %-11s %-14s %s  [%s]%n", ++rank, h.score(), RecommendJson.kind(h.transversal()),
                    nz(h.concept().notation()), h.concept().label(), support(h.support()));
        out.println("passages:");
        int n = 0;
        for (Recommender.PassageHits p : r.passages()) {
            out.printf("  #%d (line %d) %s%n", ++n, p.passage().line(), p.passage().text());
            for (Recommender.Hit h : p.hits())
                out.printf(Locale.ROOT, "      %2d. %8.4f  %-11s %-14s %s%n", h.rank(), h.score(), RecommendJson.kind(h.transversal()),
                        nz(h.concept().notation()), h.concept().label());
        }
        out.println();
    }

    private static void tsv(PrintWriter out, String name, Recommender.Result r) {
        int rank = 0;
        for (Recommender.DocumentHit h : r.document())
            out.println(String.join("\t", cell(name), "", "", "", Integer.toString(++rank), score(h.score()), h.concept().iri(),
                    cell(h.concept().notation()), cell(h.concept().label()), RecommendJson.kind(h.transversal()), support(h.support())));
        int n = 0;
        for (Recommender.PassageHits p : r.passages()) {
            n++;
            for (Recommender.Hit h : p.hits())
                out.println(String.join("\t", cell(name), Integer.toString(n), Integer.toString(p.passage().line()), cell(p.passage().text()),
                        Integer.toString(h.rank()), score(h.score()), h.concept().iri(), cell(h.concept().notation()),
                        cell(h.concept().label()), RecommendJson.kind(h.transversal()), ""));
        }
    }

    private static String support(List<Integer> s) {
        StringBuilder sb = new StringBuilder();
        for (int p : s) sb.append(sb.isEmpty() ? "" : ",").append(p + 1);
        return sb.toString();
    }

    private static String nz(String s) { return s == null ? "" : s; }
    private static String cell(String s) { return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' '); }
    private static String score(double d) { return String.format(Locale.ROOT, "%.4f", d); }

    @Command(name = "evaluate", description = {
            "Score recommendations against a gold TSV with the header sentence<TAB>label (a label is a target",
            "concept's IRI or code; other labels such as NO_ESCO_MATCH are ignored): each distinct sentence is one",
            "query; Hit@1, Hit@5, Hit@10, MRR (top 100), RP@5 and RP@10 over the sentences with a gold concept."})
    static final class Evaluate implements Callable<Integer> {
        @Mixin StoreOptions store;
        @Spec CommandSpec spec;
        @Option(names = "--target", required = true, paramLabel = "SCHEME") String target;
        @Option(names = "--gold", required = true, paramLabel = "FILE") Path gold;
        @Option(names = "--rankings", paramLabel = "OUT.tsv", description = "Write every query's top 10 (sentence, target, rank, score).") Path rankings;
        @Option(names = "--method", paramLabel = "M", description = "Engine: ${COMPLETION-CANDIDATES} (default " + Rankers.DEFAULT + ").",
                completionCandidates = AlignCommand.Methods.class) String method;

        static final int DEPTH = 100, RANKINGS_DEPTH = 10;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (Registry registry = store.open()) {
                long t0 = System.nanoTime();
                Recommender rec = new Recommender(registry, store.dir());
                Recommender.Target t = rec.target(target);
                RecommendEvaluation.GoldSet g = RecommendEvaluation.read(gold, t.concepts());
                String m = method == null ? Rankers.DEFAULT : method;
                List<List<Ranker.Scored>> ranked = rec.rank(t, g.sentences(), m, DEPTH);
                RecommendEvaluation.Metrics r = RecommendEvaluation.score(g.gold(), RecommendEvaluation.indices(ranked));
                out.printf("method %s: target %s (%d concepts); gold %d rows, %d sentences, %d with a gold concept; %d labels ignored (not a concept IRI or code)%n",
                        m, t.scheme().name(), t.concepts().size(), g.rows(), g.sentences().size(), g.withGold(), g.labelsIgnored());
                out.println(r.line());
                if (rankings != null) write(rankings, g.sentences(), ranked, t);
                out.printf(Locale.ROOT, "time %.1f s, texts embedded %d%n", (System.nanoTime() - t0) / 1e9, rec.cache().embeddedTexts());
            }
            return Main.OK;
        }

        private static void write(Path file, List<String> sentences, List<List<Ranker.Scored>> ranked, Recommender.Target t) throws java.io.IOException {
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write("sentence\ttarget\trank\tscore\n");
                for (int q = 0; q < sentences.size(); q++) {
                    List<Ranker.Scored> l = ranked.get(q);
                    for (int k = 0; k < Math.min(RANKINGS_DEPTH, l.size()); k++)
                        w.write(cell(sentences.get(q)) + "\t" + t.concepts().get(l.get(k).target()).iri() + "\t" + (k + 1) + "\t" + score(l.get(k).score()) + "\n");
                }
            }
        }
    }
}
