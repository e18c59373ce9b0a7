package org.skillgraph.recommend;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.skillgraph.align.Concept;

/** A recommendation result as JSON, the same for {@code skillgraph recommend --format json} and {@code POST /api/recommend}. */
public final class RecommendJson {
    private RecommendJson() {}

    public static final String TECHNICAL = "technical", TRANSVERSAL = "transversal";

    public static String kind(boolean transversal) { return transversal ? TRANSVERSAL : TECHNICAL; }

    /**
     * {@code {"document": name, "target": {...}, "method": ..., "recommendations": [document-level,
     * each with "support": passage numbers], "passages": [{"passage": n, "line", "kind", "text",
     * "recommendations": [...]}]}}; passages are numbered from 1.
     */
    public static ObjectNode of(String document, Recommender.Result r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (document != null) o.put("document", document);
        ObjectNode t = o.putObject("target");
        t.put("scheme", r.target().scheme().name());
        t.put("iri", r.target().scheme().scheme());
        t.put("concepts", r.target().concepts().size());
        o.put("method", r.method());
        ArrayNode doc = o.putArray("recommendations");
        int rank = 0;
        for (Recommender.DocumentHit h : r.document()) {
            ObjectNode x = concept(doc.addObject().put("rank", ++rank).put("score", round(h.score())), h.concept(), h.transversal());
            ArrayNode s = x.putArray("support");
            for (int p : h.support()) s.add(p + 1);
        }
        ArrayNode ps = o.putArray("passages");
        int n = 0;
        for (Recommender.PassageHits p : r.passages()) {
            ObjectNode x = ps.addObject();
            x.put("passage", ++n);
            x.put("line", p.passage().line());
            x.put("kind", p.passage().kind().name().toLowerCase(java.util.Locale.ROOT));
            x.put("text", p.passage().text());
            ArrayNode hs = x.putArray("recommendations");
            for (Recommender.Hit h : p.hits()) concept(hs.addObject().put("rank", h.rank()).put("score", round(h.score())), h.concept(), h.transversal());
        }
        return o;
    }

    private static ObjectNode concept(ObjectNode o, Concept c, boolean transversal) {
        o.put("iri", c.iri());
        if (c.notation() != null) o.put("notation", c.notation());
        o.put("label", c.label());
        o.put("type", kind(transversal));
        return o;
    }

    static double round(double d) { return Math.round(d * 10000) / 10000.0; }
}
