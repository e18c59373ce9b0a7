package org.skillgraph.align;

import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.system.Txn;
import org.skillgraph.reference.onet.OnetIris;
import org.skillgraph.store.Queries;
import org.skillgraph.store.Registry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The parts of {@code skillgraph align report}: coverage of a target scheme by a source's accepted
 * alignments ({@code sparql/align-coverage.rq}), the O*NET occupations a scheme prepares for
 * ({@code sparql/align-occupations.rq}) and transitive alignments through another framework
 * ({@code sparql/align-transitive.rq}).
 */
public final class Reports {
    private Reports() {}

    /** A target concept with the number of source concepts aligned to it (0 = a gap). */
    public record Covered(String target, String notation, String label, int alignedFrom) {}

    /** An occupation with the importance-weighted share (0..1) of its rated skills and knowledge the source reaches. */
    public record Occupation(String iri, String code, String label, double share, int coveredElements, int ratedElements) {}

    /** Source concept -> item of another framework -> target concept. */
    public record Chain(String source, String sourceCode, String via, String viaCode, String target, String targetCode, String targetLabel) {}

    /** Every target concept with how many source concepts an accepted alignment links to it. */
    public static List<Covered> coverage(Registry registry, String source, String target) {
        ConceptSource.Scheme t = ConceptSource.resolve(registry, target);
        ParameterizedSparqlString q = query("align-coverage", registry, source, t);
        q.setIri("targetType", t.type());
        return select(registry, q, x -> new Covered(x.getResource("t").getURI(), text(x, "notation"), text(x, "label"), x.getLiteral("n").getInt()));
    }

    /** The O*NET occupations ranked by the share of their importance the source's accepted alignments cover. */
    public static List<Occupation> occupations(Registry registry, String source) {
        ParameterizedSparqlString q = query("align-occupations", registry, source, null);
        q.setIri("og", OnetIris.GRAPH_IRI);
        q.setIri("im", OnetIris.scale("IM").getURI());
        return select(registry, q, x -> new Occupation(x.getResource("occ").getURI(), text(x, "code"), text(x, "label"),
                x.getLiteral("coveredWeight").getDouble() / x.getLiteral("totalWeight").getDouble(),
                x.getLiteral("coveredElements").getInt(), x.getLiteral("ratedElements").getInt()));
    }

    /** Chains from the source scheme through another framework's items to the target scheme. */
    public static List<Chain> transitive(Registry registry, String source, String target) {
        ParameterizedSparqlString q = query("align-transitive", registry, source, ConceptSource.resolve(registry, target));
        return select(registry, q, x -> new Chain(x.getResource("s").getURI(), text(x, "sCode"), x.getResource("mid").getURI(),
                text(x, "midCode"), x.getResource("t").getURI(), text(x, "tCode"), text(x, "tLabel")));
    }

    /** The named query with the source (?sg, ?sourceScheme), the target (?tg, ?targetScheme; may be null) and ?alignments bound. */
    private static ParameterizedSparqlString query(String name, Registry registry, String source, ConceptSource.Scheme t) {
        ConceptSource.Scheme s = ConceptSource.resolve(registry, source);
        ParameterizedSparqlString q = new ParameterizedSparqlString(Queries.get(name));
        q.setIri("sg", s.graph());
        q.setIri("sourceScheme", s.scheme());
        if (t != null) {
            q.setIri("tg", t.graph());
            q.setIri("targetScheme", t.scheme());
        }
        q.setIri("alignments", AlignVocab.ALIGNMENTS_GRAPH.getURI());
        return q;
    }

    private static <T> List<T> select(Registry registry, ParameterizedSparqlString q, Function<QuerySolution, T> row) {
        return Txn.calculateRead(registry.dataset(), () -> {
            List<T> out = new ArrayList<>();
            try (QueryExecution qe = registry.query(q.asQuery())) {
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) out.add(row.apply(rs.next()));
            }
            return out;
        });
    }

    private static String text(QuerySolution x, String var) {
        return x.contains(var) ? x.get(var).isLiteral() ? x.getLiteral(var).getLexicalForm() : x.getResource(var).getURI() : null;
    }
}
