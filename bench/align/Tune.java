import org.skillgraph.align.BgeEmbedder;
import org.skillgraph.align.Concept;
import org.skillgraph.align.ConceptSource;
import org.skillgraph.align.Evaluation;
import org.skillgraph.align.FusionRanker;
import org.skillgraph.align.Gold;
import org.skillgraph.align.Ranker;
import org.skillgraph.align.VectorCache;
import org.skillgraph.store.Registry;

import java.nio.file.Path;
import java.util.List;

/**
 * Weight sweep for the fusion engine on the dev crosswalk; the scores are computed once (vectors
 * must be cached by a first run). Used to choose FusionRanker's weights; see RESULTS.md.
 *   java -cp skillgraph.jar bench/align/Tune.java STORE GOLD CANDIDATES "wTitles,wBm25,lambda" ...
 */
public class Tune {
    public static void main(String[] args) {
        Path store = Path.of(args[0]);
        try (Registry r = Registry.openTdb2(store)) {
            List<Concept> sc = ConceptSource.load(r, "esco-occupations"), tc = ConceptSource.load(r, "onet-occupations");
            List<Gold.Pair> gold = Evaluation.gold(Path.of(args[1]), sc, tc, null, null);
            VectorCache cache = new VectorCache(store, new BgeEmbedder());
            long t0 = System.nanoTime();
            FusionRanker.Scores f = FusionRanker.features(cache, sc, tc, Integer.parseInt(args[2]), true);
            System.out.printf("features %.1fs%n", (System.nanoTime() - t0) / 1e9);
            for (int a = 3; a < args.length; a++) {
                String[] w = args[a].split(",");
                List<int[]> ranked = f.rank(Double.parseDouble(w[0]), Double.parseDouble(w[1]), Double.parseDouble(w[2]), 100)
                        .stream().map(l -> l.stream().mapToInt(Ranker.Scored::target).toArray()).toList();
                Evaluation.Result res = Evaluation.evaluate(gold, sc, tc, ranked);
                System.out.printf("%-14s all %s | existing %s%n", args[a], res.all().line(), res.existing().line());
            }
        }
    }
}
