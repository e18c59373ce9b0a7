package org.skillgraph.recommend;

import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.system.Txn;
import org.skillgraph.align.BgeEmbedder;
import org.skillgraph.align.Concept;
import org.skillgraph.align.ConceptSource;
import org.skillgraph.align.Ranker;
import org.skillgraph.align.Rankers;
import org.skillgraph.align.VectorCache;
import org.skillgraph.error.NotFoundException;
import org.skillgraph.reference.esco.EscoModel;
import org.skillgraph.reference.esco.EscoSchemes;
import org.skillgraph.reference.onet.OnetIris;
import org.skillgraph.store.Queries;
import org.skillgraph.store.Registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recommends concepts of a target scheme for the passages of a document, with the engines of
 * {@code skillgraph align} ({@link Rankers}): each passage is a query concept whose label is its
 * text. For the whole document, each concept scores the sum of {@code 1/rank} over the passages
 * that recommend it (rank it in their top k), and those passages are its support.
 *
 * <p>A target's concepts (and which are transversal) are loaded once and kept until the store
 * changes ({@link Registry#generation()}); target vectors are cached as for {@code align}, the
 * passages of a document are embedded each time and kept nowhere.
 */
public final class Recommender {
    /** Lists of texts at least this long are kept in the vector cache (targets, evaluation sets). */
    static final int KEEP_VECTORS_FROM = 1000;

    private final Registry registry;
    private final VectorCache cache;
    private final Map<String, Target> targets = new HashMap<>();

    public Recommender(Registry registry, Path storeDir) {
        this(registry, new VectorCache(storeDir, new BgeEmbedder(), KEEP_VECTORS_FROM));
    }

    public Recommender(Registry registry, VectorCache cache) {
        this.registry = registry;
        this.cache = cache;
    }

    public VectorCache cache() { return cache; }

    /** A target scheme's concepts and the IRIs of those that are transversal skills. */
    public record Target(ConceptSource.Scheme scheme, List<Concept> concepts, Set<String> transversal, long generation) {
        public boolean isTransversal(Concept c) { return transversal.contains(c.iri()); }
    }

    /** One recommended concept for a passage. */
    public record Hit(Concept concept, double score, int rank, boolean transversal) {}

    public record PassageHits(Splitter.Passage passage, List<Hit> hits) {}

    /** One concept for the whole document, with the passages (indices) that rank it, best first. */
    public record DocumentHit(Concept concept, double score, boolean transversal, List<Integer> support) {}

    public record Result(Target target, String method, List<PassageHits> passages, List<DocumentHit> document) {}

    /** The target by short name or framework identifier, loaded on first use and after the store changed. */
    public Target target(String name) {
        long gen = registry.generation();
        synchronized (targets) {
            Target t = targets.get(name);
            if (t != null && t.generation() == gen) return t;
        }
        ConceptSource.Scheme s = ConceptSource.resolve(registry, name);
        List<Concept> cs = ConceptSource.load(registry, s);
        if (cs.isEmpty()) throw new NotFoundException("scheme '" + name + "' has no concepts in the store");
        Target t = new Target(s, cs, transversal(cs), gen);
        synchronized (targets) { targets.put(name, t); }
        return t;
    }

    private Set<String> transversal(List<Concept> cs) {
        ParameterizedSparqlString q = new ParameterizedSparqlString(Queries.get("recommend-transversal"));
        q.setIri("esco", EscoSchemes.GRAPH_IRI);
        q.setIri("onet", OnetIris.GRAPH_IRI);
        q.setIri("collection", EscoSchemes.collection("transversal-skills"));
        q.setIri("transversal", EscoModel.reuseLevelIri("transversal"));
        q.setIri("basic", OnetIris.element("2.A").getURI());
        q.setIri("crossFunctional", OnetIris.element("2.B").getURI());
        Set<String> all = Txn.calculateRead(registry.dataset(), () -> {
            Set<String> out = new HashSet<>();
            try (QueryExecution qe = registry.query(q.asQuery())) {
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) {
                    RDFNode c = rs.next().get("c");
                    if (c.isURIResource()) out.add(c.asResource().getURI());
                }
            }
            return out;
        });
        Set<String> in = new HashSet<>();
        for (Concept c : cs) if (all.contains(c.iri())) in.add(c.iri());
        return Set.copyOf(in);
    }

    /** The passages as query concepts: the text is the label. */
    static List<Concept> queries(List<String> texts) {
        List<Concept> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) out.add(new Concept("urn:skillgraph:passage:" + i, null, texts.get(i), List.of(), null, null));
        return out;
    }

    /** For each text (same order), the best {@code k} target concepts by {@code method} (null: the default). */
    public List<List<Ranker.Scored>> rank(Target t, List<String> texts, String method, int k) {
        if (texts.isEmpty()) return List.of();
        return Rankers.create(method == null ? Rankers.DEFAULT : method, cache).rank(queries(texts), t.concepts(), k);
    }

    /** Ranks the target for each passage ({@code top} each) and for the document ({@code documentTop}) from those. */
    public Result recommend(String targetName, List<Splitter.Passage> passages, String method, int top, int documentTop) {
        if (top < 1 || documentTop < 0) throw new IllegalArgumentException("top must be at least 1");
        Target t = target(targetName);
        String m = method == null ? Rankers.DEFAULT : method;
        List<List<Ranker.Scored>> ranked = rank(t, passages.stream().map(Splitter.Passage::text).toList(), m, top);
        List<PassageHits> per = new ArrayList<>(passages.size());
        Map<Integer, double[]> doc = new LinkedHashMap<>(); // target -> {sum of 1/rank, best score}
        Map<Integer, List<int[]>> support = new HashMap<>(); // target -> {passage, rank}
        for (int i = 0; i < passages.size(); i++) {
            List<Ranker.Scored> r = ranked.get(i);
            List<Hit> hits = new ArrayList<>();
            for (int j = 0; j < r.size(); j++) {
                Ranker.Scored s = r.get(j);
                Concept c = t.concepts().get(s.target());
                hits.add(new Hit(c, s.score(), j + 1, t.isTransversal(c)));
                double[] d = doc.computeIfAbsent(s.target(), x -> new double[]{0, -Double.MAX_VALUE});
                d[0] += 1.0 / (j + 1);
                d[1] = Math.max(d[1], s.score());
                support.computeIfAbsent(s.target(), x -> new ArrayList<>()).add(new int[]{i, j});
            }
            per.add(new PassageHits(passages.get(i), hits));
        }
        List<Integer> order = new ArrayList<>(doc.keySet());
        order.sort((a, b) -> {
            int c = Double.compare(doc.get(b)[0], doc.get(a)[0]);
            return c != 0 ? c : Double.compare(doc.get(b)[1], doc.get(a)[1]);
        });
        List<DocumentHit> document = new ArrayList<>();
        for (int target : order.subList(0, Math.min(documentTop, order.size()))) {
            List<int[]> sup = support.get(target);
            sup.sort((a, b) -> a[1] != b[1] ? Integer.compare(a[1], b[1]) : Integer.compare(a[0], b[0]));
            Concept c = t.concepts().get(target);
            document.add(new DocumentHit(c, doc.get(target)[0], t.isTransversal(c), sup.stream().map(x -> x[0]).toList()));
        }
        return new Result(t, m, per, document);
    }
}
