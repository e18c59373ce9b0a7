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
        ParameterizedSparqlString q = new ParameterizedSparqlString(Queries.get("align-suggestions"));
        if (iris != null && !iris.isEmpty()) {
            StringBuilder values = new StringBuilder();
            for (String i : iris) {
                // Only well-formed absolute IRIs reach the query text (no '>', spaces or quotes).
                if (!org.skillgraph.vocab.Iris.isAbsolute(i))
                    throw new org.skillgraph.error.InputRejectedException("--suggestion", i, "not an absolute IRI");
                values.append('<').append(i).append("> ");
            }
            q = new ParameterizedSparqlString(Queries.get("align-suggestions").replace("#VALUES", "VALUES ?s { " + values + "}")
                    .replace("FILTER (?anyMethod || ?m = ?method)", "").replace("FILTER (?rank <= ?maxRank && ?score >= ?minScore)", ""));
        } else {
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
