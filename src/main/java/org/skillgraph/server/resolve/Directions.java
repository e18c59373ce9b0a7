package org.skillgraph.server.resolve;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.skillgraph.vocab.SG;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain-words directions of the association types, and labels of the {@code sg:} properties,
 * read once from the ontology ({@code /ontology/skillgraph.ttl} on the classpath).
 * <p>
 * A direction is phrased from the property's definition ("The origin is a child of the
 * destination ...": origin "is a child of" destination), else from its rdfs:comment
 * ("Direction: origin is an exact match of destination, ..."). Where neither reads as
 * "origin ... destination", the sentence is turned round using the definition of the property or
 * its named inverse ("The subject describes a skill level of the object": destination "describes a
 * skill level of" origin). The label of the named inverse (e.g. "has child") names the relation as
 * seen from the destination.
 */
final class Directions {
    private static final Node RDFS_LABEL = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label");
    private static final Node RDFS_COMMENT = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#comment");
    private static final Node SKOS_DEFINITION = NodeFactory.createURI(SG.SKOS + "definition");
    private static final Node OWL_INVERSE_OF = NodeFactory.createURI("http://www.w3.org/2002/07/owl#inverseOf");
    private static final Node OWL_SYMMETRIC = NodeFactory.createURI("http://www.w3.org/2002/07/owl#SymmetricProperty");

    /** What may follow "the destination" for the words before it to be the whole relation. */
    private static final String END = "(?=\\s*[.,;:]|\\s*$|\\s+(?:in|into|to|at|on|by|for|with|from)\\b)";
    private static final Pattern DEF_FORWARD = Pattern.compile("^The origin (.+?) the destination" + END);
    private static final Pattern DEF_BACKWARD = Pattern.compile("^The destination (.+?) the origin" + END);
    private static final Pattern COMMENT_FORWARD = Pattern.compile("Direction: (?:none; )?origin (.+?) destination" + END);
    private static final Pattern INVERSE_BACKWARD = Pattern.compile("^The subject (.+?) the object" + END);
    private static final Pattern INVERSE_FORWARD = Pattern.compile("^The object (.+?) the subject" + END);

    /**
     * How to say one association type. When {@code reversed} is false the sentence is
     * "origin {@code phrase} destination", else "destination {@code phrase} origin".
     * {@code fromOrigin} and {@code fromDestination} name the relation as seen from each end.
     */
    record Direction(String type, Node property, String phrase, boolean reversed, String fromOrigin,
                     String fromDestination, boolean symmetric) {}

    private static final class Holder {
        static final Directions INSTANCE = new Directions(load());
    }

    private final Map<String, Direction> byType = new HashMap<>();
    private final Map<Node, String> labels = new HashMap<>();

    static Directions get() { return Holder.INSTANCE; }

    private Directions(Graph onto) {
        Iterator<Triple> it = onto.find(Node.ANY, RDFS_LABEL, Node.ANY);
        while (it.hasNext()) {
            Triple t = it.next();
            if (t.getObject().isLiteral() && t.getSubject().isURI())
                labels.merge(t.getSubject(), t.getObject().getLiteralLexicalForm(), (a, b) -> a);
        }
        for (String type : SG.ASSOCIATION_TYPES) byType.put(type, direction(onto, type));
    }

    private Direction direction(Graph onto, String type) {
        Node p = SG.sg(type);
        Node inverse = inverse(onto, p);
        boolean symmetric = onto.contains(p, SG.rdfType, OWL_SYMMETRIC) || inverse == null;
        String label = label(p);
        String inverseLabel = inverse != null ? label(inverse) : label;
        String def = text(onto, p, SKOS_DEFINITION);
        String comment = text(onto, p, RDFS_COMMENT);
        String inverseDef = inverse != null ? text(onto, inverse, SKOS_DEFINITION) : null;

        String phrase = first(DEF_FORWARD, def);
        if (phrase == null) phrase = first(COMMENT_FORWARD, comment);
        if (phrase == null) phrase = first(INVERSE_FORWARD, inverseDef);
        if (phrase != null) return new Direction(type, p, phrase, false, phrase, symmetric ? phrase : inverseLabel, symmetric);
        String back = first(DEF_BACKWARD, def);
        if (back == null) back = first(INVERSE_BACKWARD, inverseDef);
        if (back != null) return new Direction(type, p, back, true, label, back, symmetric);
        return new Direction(type, p, label, false, label, inverseLabel, symmetric);
    }

    /** The direction of a CASE association type; publisher-defined types read as "is related to". */
    Direction of(String associationType) {
        Direction d = associationType == null ? null : byType.get(associationType);
        if (d != null) return d;
        Direction related = byType.get("isRelatedTo");
        String t = associationType == null ? "(no type)" : associationType;
        return new Direction(t, SG.isRelatedTo, related.phrase(), false, related.phrase() + " (" + t + ")",
                related.phrase() + " (" + t + ")", true);
    }

    /** The ontology's label of a property, or its local name split into words. */
    String label(Node property) {
        String l = labels.get(property);
        if (l != null) return l;
        String u = property.isURI() ? property.getURI() : property.toString();
        int cut = Math.max(u.lastIndexOf('#'), u.lastIndexOf('/'));
        return words(u.substring(cut + 1));
    }

    private static String words(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
    }

    private static Node inverse(Graph onto, Node p) {
        Iterator<Triple> it = onto.find(p, OWL_INVERSE_OF, Node.ANY);
        if (it.hasNext()) return it.next().getObject();
        it = onto.find(Node.ANY, OWL_INVERSE_OF, p);
        return it.hasNext() ? it.next().getSubject() : null;
    }

    private static String text(Graph onto, Node s, Node p) {
        Iterator<Triple> it = onto.find(s, p, Node.ANY);
        while (it.hasNext()) {
            Node o = it.next().getObject();
            if (o.isLiteral()) return o.getLiteralLexicalForm();
        }
        return null;
    }

    private static String first(Pattern pattern, String text) {
        if (text == null) return null;
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1).trim() : null;
    }

    private static Graph load() {
        Graph g = GraphFactory.createGraphMem();
        try (InputStream in = Directions.class.getResourceAsStream("/ontology/skillgraph.ttl")) {
            if (in != null) RDFParser.source(in).lang(Lang.TURTLE).parse(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return g;
    }
}
