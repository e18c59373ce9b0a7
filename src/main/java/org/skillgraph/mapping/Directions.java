package org.skillgraph.mapping;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.skillgraph.vocab.SG;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sentence for every CASE association type, in both directions, from the ontology's labels:
 * the {@code sg:phrase} of each association property ("is part of") and of its named inverse
 * ("has part"); a symmetric type reads the same both ways. Publisher-defined {@code ext:} types
 * read as "is related to (ext:...)". Loaded once from {@code /ontology/skillgraph.ttl}.
 */
public final class Directions {
    private Directions() {}

    private static final Node OWL_INVERSE_OF = NodeFactory.createURI("http://www.w3.org/2002/07/owl#inverseOf");

    /** One way a person can say an association: "is part of" (forward) or "has part" (inverse). */
    public record Phrase(String text, String associationType, boolean inverse) {}

    private record Pair(String forward, String inverse) {}

    private static final class Table {
        static final Map<String, Pair> BY_TYPE = load();
        static final List<Phrase> PHRASES = phraseList();
    }

    /** "A is part of B" for a CASE association type name (isPartOf, exactMatchOf, precedes, isChildOf, ...). */
    public static String sentence(String associationType, String origin, String destination) {
        return origin + " " + forward(associationType) + " " + destination;
    }

    /**
     * How a sentence names one end: {@code DA-3.2 "Write SQL to join tables"}, the code or the quoted
     * statement alone when only one is known, "?" when neither is.
     */
    public static String named(String code, String statement) {
        boolean hasCode = code != null && !code.isBlank();
        boolean hasText = statement != null && !statement.isBlank();
        if (hasCode && hasText) return code.strip() + " \"" + statement.strip() + "\"";
        if (hasCode) return code.strip();
        return hasText ? "\"" + statement.strip() + "\"" : "?";
    }

    /** The same association read from its destination: "B has part A" for "A is part of B". */
    public static String inverseSentence(String associationType, String origin, String destination) {
        return destination + " " + inverse(associationType) + " " + origin;
    }

    /** "is part of" */
    public static String forward(String associationType) {
        Pair p = Table.BY_TYPE.get(associationType);
        return p != null ? p.forward() : other(associationType);
    }

    /** "has part" (the inverse reading: destination ... origin) */
    public static String inverse(String associationType) {
        Pair p = Table.BY_TYPE.get(associationType);
        return p != null ? p.inverse() : other(associationType);
    }

    /** every phrase people may pick, both directions, in a stable order */
    public static List<Phrase> phrases() {
        return Table.PHRASES;
    }

    /**
     * a phrase typed by a person (case/space-insensitive) -> its Phrase; empty if unknown.
     * A CASE type name ("isPartOf", "ext:assesses") is read as that type, forward.
     */
    public static Optional<Phrase> parse(String text) {
        if (text == null) return Optional.empty();
        String key = normal(text);
        if (key.isEmpty()) return Optional.empty();
        for (Phrase p : Table.PHRASES) if (normal(p.text()).equals(key)) return Optional.of(p);
        String raw = text.strip();
        for (String type : SG.ASSOCIATION_TYPES) {
            if (type.equalsIgnoreCase(raw)) return Optional.of(new Phrase(forward(type), type, false));
        }
        if (raw.startsWith("ext:") && raw.length() > 4 && !raw.contains(" ")) {
            return Optional.of(new Phrase(forward(raw), raw, false));
        }
        return Optional.empty();
    }

    /** The reading of a type the ontology does not name: publisher-defined types are stated as isRelatedTo. */
    private static String other(String type) {
        return forward("isRelatedTo") + " (" + (type == null || type.isBlank() ? "no type" : type) + ")";
    }

    private static String normal(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static List<Phrase> phraseList() {
        List<Phrase> out = new ArrayList<>();
        Table.BY_TYPE.forEach((type, p) -> {
            out.add(new Phrase(p.forward(), type, false));
            if (!p.inverse().equals(p.forward())) out.add(new Phrase(p.inverse(), type, true));
        });
        return List.copyOf(out);
    }

    private static Map<String, Pair> load() {
        Graph onto = GraphFactory.createGraphMem();
        try (InputStream in = Directions.class.getResourceAsStream("/ontology/skillgraph.ttl")) {
            if (in == null) throw new IllegalStateException("the ontology /ontology/skillgraph.ttl is not on the classpath");
            RDFParser.source(in).lang(Lang.TURTLE).parse(onto);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Pair> out = new LinkedHashMap<>();
        for (String type : SG.ASSOCIATION_TYPES) {
            Node p = SG.sg(type);
            String forward = phrase(onto, p);
            Node inv = inverseProperty(onto, p);
            out.put(type, new Pair(forward, inv == null ? forward : phrase(onto, inv)));
        }
        return out;
    }

    private static String phrase(Graph onto, Node property) {
        return onto.find(property, SG.phrase, Node.ANY).toList().stream()
                .map(t -> t.getObject())
                .filter(o -> o.isLiteral())
                .map(o -> o.getLiteralLexicalForm())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the ontology gives no sg:phrase for " + property.getURI()));
    }

    private static Node inverseProperty(Graph onto, Node p) {
        var it = onto.find(p, OWL_INVERSE_OF, Node.ANY);
        if (it.hasNext()) return it.next().getObject();
        it = onto.find(Node.ANY, OWL_INVERSE_OF, p);
        return it.hasNext() ? it.next().getSubject() : null;
    }
}
