package org.skillgraph.align;

import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.system.Txn;
import org.skillgraph.store.Queries;
import org.skillgraph.store.Registry;

import java.util.ArrayList;
import java.util.List;

/** Coverage of a target scheme by the accepted alignments of a source scheme ({@code sparql/align-coverage.rq}). */
public final class Coverage {
    private Coverage() {}

    public record Row(String target, String notation, String label, int alignedFrom) {}

    /** Every target concept with how many source concepts are aligned to it (0 = a gap). */
    public static List<Row> of(Registry registry, String source, String target) {
        ConceptSource.Scheme s = ConceptSource.resolve(registry, source), t = ConceptSource.resolve(registry, target);
        ParameterizedSparqlString q = new ParameterizedSparqlString(Queries.get("align-coverage"));
        q.setIri("sg", s.graph());
        q.setIri("sourceScheme", s.scheme());
        q.setIri("tg", t.graph());
        q.setIri("targetScheme", t.scheme());
        q.setIri("targetType", t.type());
        q.setIri("alignments", AlignVocab.ALIGNMENTS_GRAPH.getURI());
        return Txn.calculateRead(registry.dataset(), () -> {
            List<Row> out = new ArrayList<>();
            try (QueryExecution qe = registry.query(q.asQuery())) {
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) {
                    QuerySolution x = rs.next();
                    out.add(new Row(x.getResource("t").getURI(), x.contains("notation") ? x.getLiteral("notation").getLexicalForm() : null,
                            x.contains("label") ? x.getLiteral("label").getLexicalForm() : null, x.getLiteral("n").getInt()));
                }
            }
            return out;
        });
    }
}
