package org.skillgraph.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The result of validating one framework graph against the CASE shapes.
 *
 * @param source      name of the validated source (file name or URL), may be null
 * @param findings    the results, violations first, then by JSON pointer
 * @param shaclReport the standard SHACL report graph (an {@code sh:ValidationReport})
 */
public record ValidationReport(String source, List<Finding> findings, Graph shaclReport) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ValidationReport {
        findings = List.copyOf(findings);
    }

    /** True when there is no violation; warnings do not count. */
    public boolean conforms() { return violations() == 0; }

    public long violations() { return count(Finding.Severity.VIOLATION); }

    public long warnings() { return count(Finding.Severity.WARNING); }

    private long count(Finding.Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** One line per finding, then a summary line. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) sb.append(f.toLine()).append('\n');
        sb.append(summary()).append('\n');
        return sb.toString();
    }

    /** e.g. {@code CCSS.json: 2 violations, 1 warning: does not conform, violations block the import}. */
    public String summary() {
        long v = violations();
        long w = warnings();
        long other = findings.size() - v - w;
        StringBuilder sb = new StringBuilder();
        sb.append(source != null ? source : "framework").append(": ");
        sb.append(plural(v, "violation")).append(", ").append(plural(w, "warning"));
        if (other > 0) sb.append(", ").append(plural(other, "note"));
        sb.append(v == 0 ? ": conforms to the CASE shapes"
                         : ": does not conform, violations block the import");
        return sb.toString();
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /**
     * {"source", "conforms", "violations", "warnings", "findings": [{"severity", "focusNode", "kind",
     * "label", "field", "message", "value", "valueType", "pointer", "constraint"}]}.
     */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("source", source);
        root.put("conforms", conforms());
        root.put("violations", violations());
        root.put("warnings", warnings());
        ArrayNode list = root.putArray("findings");
        for (Finding f : findings) {
            ObjectNode o = list.addObject();
            o.put("severity", f.severity().jsonName());
            o.put("focusNode", f.focusNode());
            o.put("kind", f.kind());
            o.put("label", f.label());
            o.put("field", f.field());
            o.put("message", f.message());
            o.put("value", f.value());
            o.put("valueType", f.valueType());
            o.put("pointer", f.pointer());
            o.put("constraint", f.constraint());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The standard SHACL validation report (one {@code sh:ValidationReport} with its
     * {@code sh:result}s) in Turtle. Note that its {@code sh:conforms} follows SHACL: false
     * whenever there is any result, warnings included, while {@link #conforms()} counts
     * violations only.
     */
    public void writeTurtle(OutputStream out) {
        RDFDataMgr.write(out, shaclReport, Lang.TURTLE);
    }
}
