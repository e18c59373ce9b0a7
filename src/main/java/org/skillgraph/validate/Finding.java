package org.skillgraph.validate;

/**
 * One result of validating a framework graph against the CASE shapes, ready for a person.
 *
 * @param severity   how bad it is: violations block an import, warnings do not
 * @param focusNode  the node the result is about (an IRI, or {@code _:label} for a blank node)
 * @param kind       what the node is, in words ("item", "association", "framework", ...), or "node"
 * @param label      a short human label: the item's humanCodingScheme, a shortened statement or
 *                   title, the identifier; null when the node has none of these
 * @param field      the CASE field (local name of the {@code sg:} property in sh:resultPath), or null
 * @param message    the shape's message (sh:resultMessage)
 * @param value      the offending value (sh:value): a literal's lexical form or an IRI, or null
 * @param valueType  the value's datatype, short ({@code xsd:string}, {@code xsd:dateTime}, {@code @en}
 *                   for a language-tagged string), {@code IRI} or {@code blank node}; null without value
 * @param pointer    JSON pointer of the entity in the source file (e.g. {@code /CFItems/12}), or null
 * @param constraint the SHACL constraint component, short (e.g. {@code MinCount}, {@code SPARQL})
 */
public record Finding(Severity severity, String focusNode, String kind, String label, String field,
                      String message, String value, String valueType, String pointer,
                      String constraint) {

    /** Severity of a finding, in the order of gravity. */
    public enum Severity {
        VIOLATION("violation", "ERROR"),
        WARNING("warning", "WARN"),
        INFO("info", "INFO");

        private final String jsonName;
        private final String tag;

        Severity(String jsonName, String tag) {
            this.jsonName = jsonName;
            this.tag = tag;
        }

        /** Name in JSON output: violation, warning or info. */
        public String jsonName() { return jsonName; }

        /** Tag at the start of a text line: ERROR, WARN or INFO. */
        public String tag() { return tag; }
    }

    public boolean isViolation() { return severity == Severity.VIOLATION; }

    /** The value as a person reads it: {@code "yesterday"^^xsd:dateTime}, {@code "text"@en}, {@code <iri>}. */
    public String displayValue() {
        if (value == null) return null;
        if (valueType == null) return value;
        return switch (valueType) {
            case "IRI" -> "<" + value + ">";
            case "blank node" -> value;
            case "xsd:string" -> '"' + value + '"';
            default -> valueType.startsWith("@") ? '"' + value + '"' + valueType : '"' + value + "\"^^" + valueType;
        };
    }

    /**
     * One line for a person, e.g.
     * {@code ERROR  /CFItems/12 (item CCSS.6.RP.A, urn:uuid:...) fullStatement: fullStatement is required}.
     */
    public String toLine() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-7s", severity.tag()));
        sb.append(pointer != null ? pointer : "-");
        sb.append(" (").append(kind);
        if (label != null && !label.isEmpty()) sb.append(' ').append(label);
        sb.append(", ").append(focusNode).append(") ");
        if (field != null) sb.append(field).append(": ");
        sb.append(message);
        if (value != null) sb.append(" [value: ").append(displayValue()).append(']');
        return sb.toString();
    }
}
