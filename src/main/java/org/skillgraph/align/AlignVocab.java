package org.skillgraph.align;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.skillgraph.vocab.SG;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Names used by {@code skillgraph align}: the suggestion and alignment graphs, and the small
 * {@code align:} vocabulary ({@value #NS}) for suggestion nodes; provenance is PROV-O.
 */
public final class AlignVocab {
    private AlignVocab() {}

    public static final String NS = "https://w3id.org/skillgraph/align#";
    private static Node a(String local) { return NodeFactory.createURI(NS + local); }
    private static Node prov(String local) { return NodeFactory.createURI(SG.PROV + local); }

    /** Accepted alignments: direct triples plus one reified, attributed node each. */
    public static final Node ALIGNMENTS_GRAPH = NodeFactory.createURI("urn:skillgraph:alignments");

    public static final Node SuggestionSet = a("SuggestionSet");
    public static final Node Suggestion = a("Suggestion");
    public static final Node Alignment = a("Alignment");
    public static final Node sourceScheme = a("sourceScheme");
    public static final Node targetScheme = a("targetScheme");
    public static final Node source = a("source");
    public static final Node target = a("target");
    public static final Node score = a("score");
    public static final Node rank = a("rank");
    public static final Node method = a("method");
    public static final Node alignmentType = a("alignmentType");

    public static final Node provActivity = prov("Activity");
    public static final Node provPerson = prov("Person");
    public static final Node provWasGeneratedBy = prov("wasGeneratedBy");
    public static final Node provWasAttributedTo = prov("wasAttributedTo");
    public static final Node provWasAssociatedWith = prov("wasAssociatedWith");
    public static final Node provStartedAtTime = prov("startedAtTime");
    public static final Node provEndedAtTime = prov("endedAtTime");
    public static final Node rdfsLabel = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label");
    public static final Node foafName = NodeFactory.createURI("http://xmlns.com/foaf/0.1/name");
    public static final Node rdfStatement = NodeFactory.createURI(SG.RDF + "Statement");
    public static final Node rdfSubject = NodeFactory.createURI(SG.RDF + "subject");
    public static final Node rdfPredicate = NodeFactory.createURI(SG.RDF + "predicate");
    public static final Node rdfObject = NodeFactory.createURI(SG.RDF + "object");

    /** Alignment type names accepted by {@code align accept} and the property of the direct triple. */
    public static final Map<String, Node> TYPES = Map.of(
            "exactMatchOf", SG.exactMatchOf,
            "isRelatedTo", SG.isRelatedTo,
            "closeMatch", NodeFactory.createURI(SG.SKOS + "closeMatch"),
            "broadMatch", NodeFactory.createURI(SG.SKOS + "broadMatch"),
            "narrowMatch", NodeFactory.createURI(SG.SKOS + "narrowMatch"),
            "exactMatch", NodeFactory.createURI(SG.SKOS + "exactMatch"));

    /** The graph of the suggestions of one (source scheme, target scheme, method). */
    public static Node suggestionGraph(String sourceScheme, String targetScheme, String method) {
        return NodeFactory.createURI("urn:skillgraph:suggestions:" + hash(sourceScheme + "\n" + targetScheme + "\n" + method));
    }

    public static Node suggestion(Node graph, String source, String target) {
        return NodeFactory.createURI(graph.getURI() + ":" + hash(source + "\n" + target));
    }

    public static Node activity(Node graph, String startedAt) {
        return NodeFactory.createURI(graph.getURI() + ":run:" + startedAt.replace(":", ""));
    }

    public static Node alignment(String source, Node property, String target) {
        return NodeFactory.createURI("urn:skillgraph:alignment:" + hash(source + "\n" + property.getURI() + "\n" + target));
    }

    public static Node person(String name) {
        return NodeFactory.createURI("urn:skillgraph:agent:" + URLEncoder.encode(name, StandardCharsets.UTF_8));
    }

    static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
