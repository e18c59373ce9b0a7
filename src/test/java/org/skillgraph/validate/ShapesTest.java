package org.skillgraph.validate;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.Test;
import org.skillgraph.casejson.EntityType;
import org.skillgraph.casejson.Field;
import org.skillgraph.casejson.FieldKind;
import org.skillgraph.vocab.SG;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The shapes say what {@link EntityType} says, and every shape speaks to a person. */
class ShapesTest {

    private static final String SH = "http://www.w3.org/ns/shacl#";
    private static final String SGS = "https://w3id.org/skillgraph/shapes#";
    private static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    private static final Node property = sh("property");
    private static final Node path = sh("path");
    private static final Node minCount = sh("minCount");
    private static final Node maxCount = sh("maxCount");
    private static final Node datatype = sh("datatype");
    private static final Node nodeKind = sh("nodeKind");
    private static final Node or = sh("or");
    private static final Node message = sh("message");
    private static final Node sparql = sh("sparql");
    private static final Node target = sh("target");
    private static final Node select = sh("select");

    private final Graph shapes = Validator.loadStandardShapes();

    private static Node sh(String local) { return NodeFactory.createURI(SH + local); }
    private static Node sgs(String local) { return NodeFactory.createURI(SGS + local); }
    private static Node xsd(String local) { return NodeFactory.createURI(XSD + local); }

    @Test
    void everyEntityTypeHasATargetedShapeWithItsRequiredFields() {
        for (EntityType type : EntityType.values()) {
            Node shape = sgs(type.rdfClass().getLocalName() + "Shape");
            Node t = object(shape, target);
            assertNotNull(t, type + ": no sh:target");
            String query = object(t, select).getLiteralLexicalForm();
            assertTrue(query.contains("sg:" + type.rdfClass().getLocalName()), type + ": target does not select the class");
            assertTrue(query.contains("sg:framework"), type + ": target does not require membership (stubs would be flagged)");

            Set<String> required = new HashSet<>();
            for (Node ps : objects(shape, property))
                if (shapes.contains(ps, minCount, Node.ANY)) required.add(local(object(ps, path)));
            Set<String> expected = type.fields().stream().filter(Field::required).map(Field::property).collect(Collectors.toCollection(HashSet::new));
            if (type == EntityType.ASSOCIATION) expected.addAll(Set.of("originNode", "destinationNode")); // the ends, from the LinkGenURIs
            assertEquals(expected, required, type + ": required fields");
        }
    }

    @Test
    void everyFieldHasItsDatatypeAndCardinality() {
        for (EntityType type : EntityType.values()) {
            Node shape = sgs(type.rdfClass().getLocalName() + "Shape");
            for (Field f : type.fields()) {
                List<Node> props = objects(shape, property).stream()
                        .filter(ps -> f.predicate().equals(object(ps, path))).toList();
                Set<Node> types = new HashSet<>();
                Node kind = null;
                boolean single = false;
                for (Node ps : props) {
                    Node dt = object(ps, datatype);
                    if (dt != null) types.add(dt);
                    Node list = object(ps, or);
                    if (list != null) for (Node alt : list(list)) types.add(object(alt, datatype));
                    if (object(ps, nodeKind) != null) kind = object(ps, nodeKind);
                    if (object(ps, maxCount) != null) {
                        assertEquals(1, ((Number) object(ps, maxCount).getLiteralValue()).intValue());
                        single = true;
                    }
                }
                String what = type.caseName() + "." + f.json();
                assertEquals(expectedTypes(f.kind()), types, what + ": datatypes");
                if (f.kind() == FieldKind.LINK || f.kind() == FieldKind.LINK_LIST) assertEquals(sh("IRI"), kind, what + ": links are IRIs");
                boolean list = f.kind() == FieldKind.STRING_LIST || f.kind() == FieldKind.LINK_LIST;
                assertEquals(!list, single, what + ": single-valued fields have sh:maxCount 1");
            }
        }
    }

    private static Set<Node> expectedTypes(FieldKind kind) {
        return switch (kind) {
            case STRING, STRING_LIST -> Set.of(xsd("string"));
            case TEXT -> Set.of(xsd("string"), NodeFactory.createURI(SG.RDF + "langString"));
            case INTEGER -> Set.of(xsd("integer"));
            case NUMBER -> Set.of(xsd("decimal"), xsd("integer"));
            case DATE_TIME -> Set.of(xsd("dateTime"));
            case DATE -> Set.of(xsd("date"), xsd("dateTime"));
            case URL -> Set.of(xsd("anyURI"));
            case LINK, LINK_LIST -> Set.of();
            case JSON -> Set.of(SG.rdfJSON);
        };
    }

    @Test
    void associationTypesAreTheCaseTypesOrExtensions() {
        Node shape = sgs("AssociationShape");
        String regex = null;
        for (Node ps : objects(shape, property))
            if (SG.associationType.equals(object(ps, path)) && object(ps, sh("pattern")) != null)
                regex = object(ps, sh("pattern")).getLiteralLexicalForm();
        assertNotNull(regex);
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(regex);
        for (String type : SG.ASSOCIATION_TYPES) assertTrue(p.matcher(type).find(), type);
        for (String ok : List.of("ext:foo", "ext:hasPrerequisite")) assertTrue(p.matcher(ok).find(), ok);
        for (String bad : List.of("foo", "isChildOfX", "xisChildOf", "Ext:foo", "exactMatch", ""))
            assertFalse(p.matcher(bad).find(), bad);
    }

    @Test
    void everyShapeHasAMessage() {
        List<Node> silent = new ArrayList<>();
        for (Triple t : shapes.find(Node.ANY, property, Node.ANY).toList())
            if (!shapes.contains(t.getObject(), message, Node.ANY)) silent.add(t.getObject());
        for (Triple t : shapes.find(Node.ANY, sparql, Node.ANY).toList())
            if (!shapes.contains(t.getObject(), message, Node.ANY)) silent.add(t.getObject());
        assertEquals(List.of(), silent, "property shapes and SPARQL constraints without sh:message");
    }

    @Test
    void theIndexListsEveryShapeFile() throws IOException {
        String dir = System.getProperty("skillgraph.projectDir", ".");
        Path folder = Path.of(dir, "shapes");
        try (Stream<Path> files = Files.list(folder)) {
            Set<String> ttl = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ttl")).collect(Collectors.toSet());
            assertEquals(ttl, new HashSet<>(Validator.shapeFiles()));
        }
    }

    // ---- graph helpers

    private Node object(Node s, Node p) {
        var it = shapes.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            it.close();
        }
    }

    private List<Node> objects(Node s, Node p) {
        return shapes.find(s, p, Node.ANY).mapWith(Triple::getObject).toList();
    }

    private List<Node> list(Node head) {
        List<Node> out = new ArrayList<>();
        Node first = NodeFactory.createURI(SG.RDF + "first");
        Node rest = NodeFactory.createURI(SG.RDF + "rest");
        Node nil = NodeFactory.createURI(SG.RDF + "nil");
        for (Node n = head; n != null && !n.equals(nil); n = object(n, rest)) out.add(object(n, first));
        return out;
    }

    private static String local(Node n) {
        return n.getURI().substring(SG.NS.length());
    }
}
