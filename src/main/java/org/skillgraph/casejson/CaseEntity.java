package org.skillgraph.casejson;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * One CASE entity as read: its type, where it was in the source (JSON pointer), and its field
 * values by JSON name. Values are String, java.math.BigInteger, java.math.BigDecimal,
 * List&lt;String&gt;, {@link Link}, List&lt;Link&gt; or JsonNode, as its {@link FieldKind} says;
 * association ends are {@link Link}s under "originNodeURI" and "destinationNodeURI".
 * {@code children} holds nested rubric criteria (of a rubric) or levels (of a criterion);
 * {@code unknown} the fields CASE does not define, kept verbatim.
 */
public record CaseEntity(EntityType type, String pointer, Map<String, Object> values,
                         List<CaseEntity> children, Map<String, JsonNode> unknown) {

    public String identifier() { return (String) values.get("identifier"); }
    public String uri() { return (String) values.get("uri"); }
    public String string(String field) {
        Object v = values.get(field);
        return v instanceof String s ? s : null;
    }
    public Link link(String field) {
        Object v = values.get(field);
        return v instanceof Link l ? l : null;
    }
}
