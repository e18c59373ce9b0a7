package org.skillgraph.align;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;

/**
 * Suggestions as JSON, one object per suggestion with the TSV columns as keys ({@code source},
 * {@code source_label}, {@code target}, {@code target_notation}, {@code target_label},
 * {@code score} rounded to 4 decimals, {@code rank}): {@code align suggest --format json} and
 * {@code GET /api/align/suggest}.
 */
public final class SuggestionJson {
    private SuggestionJson() {}

    /** TSV columns and JSON keys, in order. */
    public static final List<String> COLUMNS = List.of("source", "source_label", "target", "target_notation", "target_label", "score", "rank");

    public static ArrayNode array(List<Suggestion> ss) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (Suggestion s : ss) {
            ObjectNode o = a.addObject();
            o.put("source", s.source().iri());
            o.put("source_label", s.source().label());
            o.put("target", s.target().iri());
            o.put("target_notation", s.target().notation());
            o.put("target_label", s.target().label());
            o.put("score", Double.parseDouble(score(s.score())));
            o.put("rank", s.rank());
        }
        return a;
    }

    /** A score as printed: 4 decimals. */
    public static String score(double d) { return String.format(Locale.ROOT, "%.4f", d); }
}
