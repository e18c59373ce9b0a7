package org.skillgraph.align;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.skillgraph.error.NotFoundException;
import org.skillgraph.store.Queries;
import org.skillgraph.store.Registry;
import org.skillgraph.vocab.SG;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Suggest, store, accept: the operations behind {@code skillgraph align}. */
public final class Aligner {
    private final Registry registry;
    private final VectorCache cache;

    /** {@code storeDir} (may be null) holds the vector cache under {@code vectors/}. */
    public Aligner(Registry registry, Path storeDir) {
        this(registry, new VectorCache(storeDir, new BgeEmbedder()));
    }

    public Aligner(Registry registry, VectorCache cache) {
        this.registry = registry;
        this.cache = cache;
    }

    public VectorCache cache() { return cache; }

    /** The result of one suggestion run. */
    public record Run(ConceptSource.Scheme source, ConceptSource.Scheme target, String method, Node graph,
                      List<List<Suggestion>> suggestions) {
        public List<Suggestion> flat() { return suggestions.stream().flatMap(List::stream).toList(); }
    }

    /** Ranks the targets for every source concept; does not store anything. */
    public Run rank(String source, String target, String method, int top) {
        ConceptSource.Scheme s = ConceptSource.resolve(registry, source), t = ConceptSource.resolve(registry, target);
        return rank(s, t, ConceptSource.load(registry, s), ConceptSource.load(registry, t), method, top);
    }

    /** Ranks already loaded concepts of the two schemes. */
    public Run rank(ConceptSource.Scheme s, ConceptSource.Scheme t, List<Concept> sc, List<Concept> tc, String method, int top) {
        String source = s.name(), target = t.name();
        if (sc.isEmpty()) throw new NotFoundException("scheme '" + source + "' has no concepts in the store");
        if (tc.isEmpty()) throw new NotFoundException("scheme '" + target + "' has no concepts in the store");
        Ranker r = Rankers.create(method, cache);
        List<List<Ranker.Scored>> ranked = r.rank(sc, tc, top);
        List<List<Suggestion>> out = new ArrayList<>(sc.size());
        for (int i = 0; i < sc.size(); i++) {
            List<Suggestion> l = new ArrayList<>();
            int rank = 0;
            for (Ranker.Scored x : ranked.get(i)) l.add(new Suggestion(sc.get(i), tc.get(x.target()), x.score(), ++rank));
            out.add(l);
        }
        return new Run(s, t, r.id(), AlignVocab.suggestionGraph(s.scheme(), t.scheme(), r.id()), out);
    }

    /** Ranks and stores the suggestions in their own graph, replacing that graph's previous run. */
    public Run suggest(String source, String target, String method, int top) {
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Run run = rank(source, target, method, top);
        store(run, started, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return run;
    }

    void store(Run run, Instant started, Instant ended) {
        Node g = run.graph();
        Node act = AlignVocab.activity(g, started.toString());
        Node time = dateTime(ended);
        DatasetGraph d = registry.dataset();
        Txn.executeWrite(d, () -> {
            d.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
            d.add(g, g, SG.rdfType, AlignVocab.SuggestionSet);
            d.add(g, g, AlignVocab.sourceScheme, NodeFactory.createURI(run.source().scheme()));
            d.add(g, g, AlignVocab.targetScheme, NodeFactory.createURI(run.target().scheme()));
            d.add(g, g, AlignVocab.method, str(run.method()));
            d.add(g, g, SG.provGeneratedAtTime, time);
            d.add(g, g, AlignVocab.provWasGeneratedBy, act);
            d.add(g, act, SG.rdfType, AlignVocab.provActivity);
            d.add(g, act, AlignVocab.rdfsLabel, str("skillgraph align suggest, method " + run.method()));
            d.add(g, act, AlignVocab.method, str(run.method()));
            d.add(g, act, AlignVocab.provStartedAtTime, dateTime(started));
            d.add(g, act, AlignVocab.provEndedAtTime, time);
            for (Suggestion s : run.flat()) {
                Node n = AlignVocab.suggestion(g, s.source().iri(), s.target().iri());
                d.add(g, n, SG.rdfType, AlignVocab.Suggestion);
                d.add(g, n, AlignVocab.source, NodeFactory.createURI(s.source().iri()));
                d.add(g, n, AlignVocab.target, NodeFactory.createURI(s.target().iri()));
                d.add(g, n, AlignVocab.score, NodeFactory.createLiteralDT(Double.toString(s.score()), XSDDatatype.XSDdouble));
                d.add(g, n, AlignVocab.rank, NodeFactory.createLiteralDT(Integer.toString(s.rank()), XSDDatatype.XSDinteger));
                d.add(g, n, AlignVocab.method, str(run.method()));
                d.add(g, n, SG.provGeneratedAtTime, time);
                d.add(g, n, AlignVocab.provWasGeneratedBy, act);
            }
        });
    }

    /** A stored suggestion. */
    public record Stored(String iri, String source, String target, double score, int rank, String method) {}

    /**
     * Stored suggestions: the given IRIs, or those of a source/target scheme pair (any method unless
     * given) with rank at most {@code maxRank} and score at least {@code minScore}.
     */
    public List<Stored> stored(List<String> iris, String source, String target, String method, int maxRank, Double minScore) {
        ParameterizedSparqlString q;
        if (iris != null && !iris.isEmpty()) {
            List<org.apache.jena.rdf.model.RDFNode> nodes = new ArrayList<>();
            for (String i : iris) {
                if (!org.skillgraph.vocab.Iris.isAbsolute(i))
                    throw new org.skillgraph.error.InputRejectedException("--suggestion", i, "not an absolute IRI");
                nodes.add(org.apache.jena.rdf.model.ResourceFactory.createResource(i));
            }
            q = new ParameterizedSparqlString(Queries.get("align-suggestions-by-iri"));
            q.setValues("chosenIris", nodes);
        } else {
            q = new ParameterizedSparqlString(Queries.get("align-suggestions"));
            q.setIri("sourceScheme", ConceptSource.resolve(registry, source).scheme());
            q.setIri("targetScheme", ConceptSource.resolve(registry, target).scheme());
            q.setLiteral("anyMethod", method == null);
            q.setLiteral("method", method == null ? "" : method);
            q.setLiteral("maxRank", maxRank);
            q.setLiteral("minScore", minScore == null ? -Double.MAX_VALUE : minScore);
        }
        ParameterizedSparqlString pss = q;
        return Txn.calculateRead(registry.dataset(), () -> {
            List<Stored> out = new ArrayList<>();
            try (QueryExecution qe = registry.query(pss.asQuery())) {
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) {
                    QuerySolution x = rs.next();
                    out.add(new Stored(x.getResource("s").getURI(), x.getResource("source").getURI(), x.getResource("target").getURI(),
                            x.getLiteral("score").getDouble(), x.getLiteral("rank").getInt(), x.getLiteral("m").getString()));
                }
            }
            return out;
        });
    }

    /**
     * Which stored suggestions to accept: by IRI ({@code suggestions}), or those of a source/target
     * scheme pair ranked {@code maxRank} or better, scoring at least {@code minScore} (null: any),
     * of {@code method} (null: any). The CLI's {@code align accept} and {@code POST /api/align/accept}.
     */
    public record Selection(List<String> suggestions, String source, String target, String method, int maxRank, Double minScore) {
        public Selection {
            suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
            boolean byIri = !suggestions.isEmpty();
            if (byIri == (source != null || target != null))
                throw new IllegalArgumentException("give either suggestion IRIs or a source and target scheme, not both");
            if (!byIri && (source == null || target == null)) throw new IllegalArgumentException("give both source and target");
            if (maxRank < 1) throw new IllegalArgumentException("rank must be at least 1, not " + maxRank);
        }

        public boolean byIri() { return !suggestions.isEmpty(); }
    }

    /** What an accept did: the suggestions taken and the alignment nodes written. */
    public record Accepted(List<Stored> suggestions, List<Node> alignments) {}

    /**
     * Accepts the selected suggestions as alignments of {@code type} by {@code by}, or throws
     * {@link NotFoundException} (naming the unknown IRIs, or saying nothing matched) and stores nothing.
     */
    public Accepted accept(Selection sel, String type, String by) {
        if (!AlignVocab.TYPES.containsKey(type))
            throw new IllegalArgumentException("type must be one of " + String.join(", ", new java.util.TreeSet<>(AlignVocab.TYPES.keySet())) + ", not '" + type + "'");
        List<Stored> chosen = stored(sel.suggestions(), sel.source(), sel.target(), sel.method(), sel.maxRank(), sel.minScore());
        if (sel.byIri()) {
            java.util.Set<String> found = new java.util.HashSet<>(chosen.stream().map(Stored::iri).toList());
            List<String> missing = sel.suggestions().stream().filter(s -> !found.contains(s)).toList();
            if (!missing.isEmpty()) throw new NotFoundException("no stored suggestion " + String.join(", ", missing));
        }
        if (chosen.isEmpty()) throw new NotFoundException("no stored suggestions match; run `skillgraph align suggest` first");
        return new Accepted(chosen, accept(chosen, type, by));
    }

    /**
     * What a run would cost: source x target pairs, and how many texts the engine would have to
     * embed because the vector cache does not hold them yet.
     */
    public record Cost(long pairs, long newTexts) {}

    public Cost cost(List<Concept> sc, List<Concept> tc, String method) {
        long n = 0;
        for (List<String> texts : Rankers.create(method, cache).texts(sc, tc)) if (!cache.has(texts)) n += texts.size();
        return new Cost((long) sc.size() * tc.size(), n);
    }

    /** The stored suggestions of one (source, target, method), ranked {@code top} or better, with labels. */
    public record StoredRun(Node graph, String method, String generatedAt, int storedTop, List<Suggestion> suggestions) {}

    /** The last stored run of this scheme pair and method, if there is one. */
    public java.util.Optional<StoredRun> storedRun(ConceptSource.Scheme s, ConceptSource.Scheme t, String method, int top) {
        String m = method == null ? Rankers.DEFAULT : method;
        Node g = AlignVocab.suggestionGraph(s.scheme(), t.scheme(), m);
        ParameterizedSparqlString run = new ParameterizedSparqlString(Queries.get("align-stored-run"));
        run.setIri("g", g.getURI());
        ParameterizedSparqlString rows = new ParameterizedSparqlString(Queries.get("align-stored"));
        rows.setIri("g", g.getURI());
        rows.setIri("sg", s.graph());
        rows.setIri("tg", t.graph());
        rows.setLiteral("top", top);
        return Txn.calculateRead(registry.dataset(), () -> {
            String time;
            int storedTop;
            try (QueryExecution qe = registry.query(run.asQuery())) {
                ResultSet rs = qe.execSelect();
                if (!rs.hasNext()) return java.util.Optional.<StoredRun>empty();
                QuerySolution x = rs.next();
                if (!x.contains("time")) return java.util.Optional.<StoredRun>empty();
                time = x.getLiteral("time").getLexicalForm();
                storedTop = x.contains("maxRank") ? x.getLiteral("maxRank").getInt() : 0;
            }
            List<Suggestion> out = new ArrayList<>();
            try (QueryExecution qe = registry.query(rows.asQuery())) {
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) {
                    QuerySolution x = rs.next();
                    Concept src = new Concept(x.getResource("source").getURI(), text(x, "sourceNotation"), text(x, "sourceLabel"), List.of(), null, null);
                    Concept tgt = new Concept(x.getResource("target").getURI(), text(x, "targetNotation"), text(x, "targetLabel"), List.of(), null, null);
                    out.add(new Suggestion(src, tgt, x.getLiteral("score").getDouble(), x.getLiteral("rank").getInt()));
                }
            }
            return java.util.Optional.of(new StoredRun(g, m, time, storedTop, out));
        });
    }

    private static String text(QuerySolution x, String var) {
        return x.contains(var) ? x.getLiteral(var).getLexicalForm() : null;
    }

    /**
     * Turns suggestions into alignments in {@link AlignVocab#ALIGNMENTS_GRAPH}, in one transaction:
     * the direct triple and a reified node attributed to {@code by}, derived from the suggestion.
     */
    public List<Node> accept(List<Stored> chosen, String type, String by) {
        Node p = AlignVocab.TYPES.get(type);
        if (p == null) throw new IllegalArgumentException("unknown alignment type '" + type + "'; one of " + AlignVocab.TYPES.keySet());
        if (by == null || by.isBlank()) throw new IllegalArgumentException("--by NAME is required");
        Node g = AlignVocab.ALIGNMENTS_GRAPH;
        Node person = AlignVocab.person(by);
        Node time = dateTime(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        DatasetGraph d = registry.dataset();
        return Txn.calculateWrite(d, () -> {
            List<Node> made = new ArrayList<>();
            d.add(g, person, SG.rdfType, AlignVocab.provPerson);
            d.add(g, person, AlignVocab.foafName, str(by));
            for (Stored s : chosen) {
                Node src = NodeFactory.createURI(s.source()), tgt = NodeFactory.createURI(s.target());
                Node a = AlignVocab.alignment(s.source(), p, s.target());
                d.deleteAny(g, a, Node.ANY, Node.ANY);
                d.add(g, src, p, tgt);
                d.add(g, a, SG.rdfType, AlignVocab.Alignment);
                d.add(g, a, SG.rdfType, AlignVocab.rdfStatement);
                d.add(g, a, AlignVocab.rdfSubject, src);
                d.add(g, a, AlignVocab.rdfPredicate, p);
                d.add(g, a, AlignVocab.rdfObject, tgt);
                d.add(g, a, AlignVocab.alignmentType, str(type));
                d.add(g, a, AlignVocab.provWasAttributedTo, person);
                d.add(g, a, SG.provGeneratedAtTime, time);
                d.add(g, a, SG.provWasDerivedFrom, NodeFactory.createURI(s.iri()));
                made.add(a);
            }
            return made;
        });
    }

    private static Node str(String s) { return NodeFactory.createLiteralString(s); }
    private static Node dateTime(Instant t) { return NodeFactory.createLiteralDT(t.toString(), XSDDatatype.XSDdateTime); }
}
