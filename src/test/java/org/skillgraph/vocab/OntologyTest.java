package org.skillgraph.vocab;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skillgraph.casejson.EntityType;
import org.skillgraph.casejson.Field;
import org.skillgraph.casejson.FieldKind;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks the competency ontology ({@code ontology/skillgraph.ttl}, on the classpath as
 * {@code /ontology/skillgraph.ttl}) against the Java vocabulary ({@link SG}) and the CASE field
 * table ({@link EntityType}), and checks that every term is documented (SHACL shapes in
 * {@code src/test/resources/ontology-shapes.ttl}).
 */
class OntologyTest {

    private static final Node SKOS_BROADER = SG.skosBroader;
    private static final Node SKOS_NARROWER = NodeFactory.createURI(SG.SKOS + "narrower");
    private static final Node SKOS_EXACT_MATCH = NodeFactory.createURI(SG.SKOS + "exactMatch");
    private static final Node SKOS_RELATED = NodeFactory.createURI(SG.SKOS + "related");

    /** Directed CASE association types and the local name of their named inverse. */
    private static final Map<String, String> INVERSES = new LinkedHashMap<>();
    static {
        INVERSES.put("isChildOf", "hasChild");
        INVERSES.put("isPartOf", "hasPart");
        INVERSES.put("exactMatchOf", "hasExactMatch");
        INVERSES.put("precedes", "follows");
        INVERSES.put("replacedBy", "replaces");
        INVERSES.put("exemplar", "isExemplarOf");
        INVERSES.put("hasSkillLevel", "isSkillLevelOf");
        INVERSES.put("isTranslationOf", "hasTranslation");
    }
    private static final List<String> SYMMETRIC = List.of("isPeerOf", "isRelatedTo");

    private static Graph ontology;

    @BeforeAll
    static void load() throws IOException {
        ontology = parse("/ontology/skillgraph.ttl");
    }

    private static Graph parse(String resource) throws IOException {
        try (InputStream in = OntologyTest.class.getResourceAsStream(resource)) {
            if (in == null) fail("classpath resource " + resource + " not found");
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.source(in).lang(Lang.TURTLE).base("https://w3id.org/skillgraph/ns").parse(g);
            return g;
        }
    }

    private static String sg(Node n) {
        return n.isURI() && n.getURI().startsWith(SG.NS) ? "sg:" + n.getURI().substring(SG.NS.length()) : n.toString();
    }

    private static boolean has(Node s, Node p, Node o) {
        return ontology.contains(s, p, o);
    }

    private static boolean declared(Node term) {
        return ontology.contains(term, RDF.type.asNode(), Node.ANY);
    }

    /** The sg: constants of {@link SG}, by field name. */
    private static Map<String, Node> sgConstants() throws IllegalAccessException {
        Map<String, Node> out = new LinkedHashMap<>();
        for (java.lang.reflect.Field f : SG.class.getFields()) {
            int m = f.getModifiers();
            if (!Modifier.isStatic(m) || !Modifier.isFinal(m) || f.getType() != Node.class) continue;
            Node n = (Node) f.get(null);
            if (n.isURI() && n.getURI().startsWith(SG.NS)) out.put(f.getName(), n);
        }
        return out;
    }

    @Test
    void ontologyHeader() {
        Node ont = NodeFactory.createURI("https://w3id.org/skillgraph/ns");
        assertTrue(has(ont, RDF.type.asNode(), OWL.Ontology.asNode()), "<https://w3id.org/skillgraph/ns> is not an owl:Ontology");
        for (Node p : List.of(OWL.versionInfo.asNode(), SG.dctTitle, NodeFactory.createURI(SG.DCT + "description"),
                NodeFactory.createURI(SG.DCT + "license"))) {
            assertTrue(has(ont, p, Node.ANY), "the ontology header lacks " + p);
        }
    }

    /** (1) Every sg: constant in SG.java is declared in the ontology. */
    @Test
    void everyVocabConstantIsDeclared() throws IllegalAccessException {
        Map<String, Node> constants = sgConstants();
        assertTrue(constants.size() > 50, "found only " + constants.size() + " sg: constants in SG by reflection");
        List<String> missing = new ArrayList<>();
        constants.forEach((name, node) -> {
            if (!declared(node)) missing.add("SG." + name + " = " + sg(node));
        });
        for (String type : SG.ASSOCIATION_TYPES) {
            Node p = SG.associationProperty(type);
            if (!declared(p)) missing.add("association type " + type + " -> " + sg(p));
        }
        assertTrue(missing.isEmpty(), "not declared in the ontology (no rdf:type): " + missing);
    }

    /** (2) Every CASE field property is a datatype or object property, as its FieldKind says. */
    @Test
    void everyFieldPropertyIsTypedByItsKind() {
        Node objectProperty = OWL.ObjectProperty.asNode();
        Node datatypeProperty = OWL.DatatypeProperty.asNode();
        List<String> problems = new ArrayList<>();
        for (EntityType type : EntityType.values()) {
            for (Field field : type.fields()) {
                Node p = field.predicate();
                String where = type.caseName() + "." + field.json() + " -> " + sg(p);
                boolean isObject = has(p, RDF.type.asNode(), objectProperty);
                boolean isDatatype = has(p, RDF.type.asNode(), datatypeProperty);
                boolean link = field.kind() == FieldKind.LINK || field.kind() == FieldKind.LINK_LIST;
                if (!isObject && !isDatatype) {
                    problems.add(where + " is neither owl:ObjectProperty nor owl:DatatypeProperty");
                } else if (isObject && isDatatype) {
                    problems.add(where + " is both owl:ObjectProperty and owl:DatatypeProperty");
                } else if (link && !isObject) {
                    problems.add(where + " is a " + field.kind() + " field but not an owl:ObjectProperty");
                } else if (!link && !isDatatype) {
                    problems.add(where + " is a " + field.kind() + " field but not an owl:DatatypeProperty");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** The domain of a field property covers each entity type that uses it; the range fits its kind. */
    @Test
    void fieldPropertyDomainsAndRangesFitTheFieldTable() {
        Node domain = RDFS.domain.asNode();
        Node range = RDFS.range.asNode();
        List<String> problems = new ArrayList<>();
        for (EntityType type : EntityType.values()) {
            for (Field field : type.fields()) {
                Node p = field.predicate();
                String where = type.caseName() + "." + field.json() + " -> " + sg(p);
                if (!has(p, domain, type.rdfClass()) && !has(p, domain, SG.CaseEntity)) {
                    problems.add(where + ": rdfs:domain is neither " + sg(type.rdfClass()) + " nor sg:CaseEntity");
                }
                List<Node> ranges = objects(p, range);
                if (ranges.size() != 1) {
                    problems.add(where + ": expected one rdfs:range, found " + ranges);
                    continue;
                }
                Node r = ranges.get(0);
                Node expected = switch (field.kind()) {
                    case STRING, STRING_LIST -> XSD.xstring.asNode();
                    case TEXT -> RDFS.Literal.asNode();
                    case INTEGER -> XSD.integer.asNode();
                    case NUMBER -> XSD.decimal.asNode();
                    case DATE_TIME -> XSD.dateTime.asNode();
                    case URL -> XSD.anyURI.asNode();
                    case JSON -> SG.rdfJSON;
                    case DATE, LINK, LINK_LIST -> null;
                };
                if (expected != null && !expected.equals(r)) {
                    problems.add(where + ": " + field.kind() + " field needs rdfs:range " + expected + ", has " + r);
                } else if (field.kind() == FieldKind.DATE && !isDateRange(r)) {
                    problems.add(where + ": DATE field needs rdfs:range rdfs:Literal or the union of xsd:date and xsd:dateTime, has " + r);
                } else if ((field.kind() == FieldKind.LINK || field.kind() == FieldKind.LINK_LIST)
                        && !(r.isURI() && r.getURI().startsWith(SG.NS) && has(r, RDF.type.asNode(), OWL.Class.asNode()))) {
                    problems.add(where + ": " + field.kind() + " field needs an sg: class as rdfs:range, has " + r);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static boolean isDateRange(Node r) {
        if (r.equals(RDFS.Literal.asNode())) return true;
        if (!r.isBlank()) return false;
        List<Node> lists = objects(r, OWL.unionOf.asNode());
        if (lists.size() != 1) return false;
        Set<Node> members = new java.util.HashSet<>();
        Node cell = lists.get(0);
        while (cell != null && !cell.equals(RDF.nil.asNode())) {
            objects(cell, RDF.first.asNode()).forEach(members::add);
            List<Node> rest = objects(cell, RDF.rest.asNode());
            cell = rest.isEmpty() ? null : rest.get(0);
        }
        return members.equals(Set.of(XSD.date.asNode(), XSD.dateTime.asNode()));
    }

    private static List<Node> objects(Node s, Node p) {
        return ontology.find(s, p, Node.ANY).mapWith(Triple::getObject).toList();
    }

    /** (3) Every sg: class and property has a label and a definition; every property a domain and a range. */
    @Test
    void everyTermIsDocumented() throws IOException {
        Graph shapesGraph = parse("/ontology-shapes.ttl");
        Shapes shapes = Shapes.parse(shapesGraph);
        assertTrue(shapes.numRootShapes() >= 4, "ontology-shapes.ttl: expected at least 4 shapes, found " + shapes.numRootShapes());
        ValidationReport report = ShaclValidator.get().validate(shapes, ontology);
        if (!report.conforms()) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            ShLib.printReport(buf, report);
            String text = buf.toString(StandardCharsets.UTF_8);
            System.err.println(text);
            fail("the ontology does not conform to ontology-shapes.ttl:\n" + text);
        }
    }

    /** The shapes really do catch an undocumented term (guards against targets that match nothing). */
    @Test
    void shapesCatchAnUndocumentedTerm() throws IOException {
        Graph copy = GraphFactory.createDefaultGraph();
        ontology.find().forEachRemaining(copy::add);
        Node bogus = SG.sg("bogusProperty");
        copy.add(bogus, RDF.type.asNode(), OWL.DatatypeProperty.asNode());
        ValidationReport report = ShaclValidator.get().validate(Shapes.parse(parse("/ontology-shapes.ttl")), copy);
        assertFalse(report.conforms(), "the shapes did not report an sg: property without label, definition, domain and range");
        long aboutBogus = report.getEntries().stream().filter(e -> bogus.equals(e.focusNode())).count();
        assertTrue(aboutBogus >= 4, "expected the missing label, definition, domain and range of sg:bogusProperty to be reported, got "
                + aboutBogus + " results about it");
    }

    /** (4) Each directed association type has its named inverse; isPeerOf and isRelatedTo are symmetric. */
    @Test
    void associationPropertiesHaveInversesOrAreSymmetric() {
        Node inverseOf = OWL.inverseOf.asNode();
        Set<String> covered = new TreeSet<>(INVERSES.keySet());
        covered.addAll(SYMMETRIC);
        assertEquals(new TreeSet<>(SG.ASSOCIATION_TYPES), covered,
                "the test's list of association types differs from SG.ASSOCIATION_TYPES");
        List<String> problems = new ArrayList<>();
        INVERSES.forEach((type, inverseName) -> {
            Node p = SG.sg(type);
            Node inv = SG.sg(inverseName);
            if (!has(p, inverseOf, inv) && !has(inv, inverseOf, p)) {
                problems.add(sg(p) + " has no owl:inverseOf " + sg(inv));
            }
            for (Node n : List.of(p, inv)) {
                if (!has(n, RDF.type.asNode(), OWL.ObjectProperty.asNode())) problems.add(sg(n) + " is not an owl:ObjectProperty");
                if (has(n, RDF.type.asNode(), OWL.SymmetricProperty.asNode())) problems.add(sg(n) + " is directed but declared symmetric");
                if (!has(n, RDFS.domain.asNode(), SG.CaseEntity)) problems.add(sg(n) + " needs rdfs:domain sg:CaseEntity");
                if (!has(n, RDFS.range.asNode(), SG.CaseEntity)) problems.add(sg(n) + " needs rdfs:range sg:CaseEntity");
            }
            if (objects(p, RDFS.comment.asNode()).isEmpty()) problems.add(sg(p) + " needs an rdfs:comment stating its direction");
        });
        for (String type : SYMMETRIC) {
            Node p = SG.sg(type);
            if (!has(p, RDF.type.asNode(), OWL.SymmetricProperty.asNode())) problems.add(sg(p) + " is not an owl:SymmetricProperty");
            if (!has(p, RDF.type.asNode(), OWL.ObjectProperty.asNode())) problems.add(sg(p) + " is not an owl:ObjectProperty");
            if (!objects(p, inverseOf).isEmpty()) problems.add(sg(p) + " is symmetric and needs no owl:inverseOf");
            if (!has(p, RDFS.domain.asNode(), SG.CaseEntity)) problems.add(sg(p) + " needs rdfs:domain sg:CaseEntity");
            if (!has(p, RDFS.range.asNode(), SG.CaseEntity)) problems.add(sg(p) + " needs rdfs:range sg:CaseEntity");
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** (5) The mappings to SKOS that consumers rely on. */
    @Test
    void skosMappings() {
        Node subProperty = RDFS.subPropertyOf.asNode();
        Node subClass = RDFS.subClassOf.asNode();
        Map<String, Boolean> checks = new LinkedHashMap<>();
        checks.put("sg:isChildOf rdfs:subPropertyOf skos:broader", has(SG.isChildOf, subProperty, SKOS_BROADER));
        checks.put("sg:hasChild rdfs:subPropertyOf skos:narrower", has(SG.hasChild, subProperty, SKOS_NARROWER));
        checks.put("sg:exactMatchOf rdfs:subPropertyOf skos:exactMatch", has(SG.exactMatchOf, subProperty, SKOS_EXACT_MATCH));
        checks.put("sg:isRelatedTo rdfs:subPropertyOf skos:related", has(SG.isRelatedTo, subProperty, SKOS_RELATED));
        checks.put("sg:framework rdfs:subPropertyOf skos:inScheme", has(SG.framework, subProperty, SG.skosInScheme));
        checks.put("sg:fullStatement rdfs:subPropertyOf skos:prefLabel", has(SG.sg("fullStatement"), subProperty, SG.skosPrefLabel));
        checks.put("sg:humanCodingScheme rdfs:subPropertyOf skos:notation", has(SG.sg("humanCodingScheme"), subProperty, SG.skosNotation));
        checks.put("sg:Framework rdfs:subClassOf skos:ConceptScheme", has(SG.Framework, subClass, SG.skosConceptScheme));
        checks.put("sg:Competency rdfs:subClassOf skos:Concept", has(SG.Competency, subClass, SG.skosConcept));
        List<String> missing = new ArrayList<>();
        checks.forEach((statement, ok) -> { if (!ok) missing.add(statement); });
        assertTrue(missing.isEmpty(), "missing mapping triples: " + missing);
        assertTrue(ontology.find(Node.ANY, OWL.equivalentClass.asNode(), Node.ANY).toList().isEmpty(),
                "owl:equivalentClass is not used: map with rdfs:subClassOf or skos:closeMatch");
    }

    /** (6) No sg: term is used in the ontology without being declared (catches typos). */
    @Test
    void noUndeclaredSgTerms() {
        Set<String> undeclared = new TreeSet<>();
        ontology.find().forEachRemaining(t -> {
            for (Node n : List.of(t.getSubject(), t.getPredicate(), t.getObject())) {
                if (n.isURI() && n.getURI().startsWith(SG.NS) && !declared(n)) undeclared.add(sg(n));
            }
        });
        assertTrue(undeclared.isEmpty(), "sg: terms used but not declared (no rdf:type): " + undeclared);
    }

    /** Every sg: term is one kind of thing: a class, or one of object and datatype property. */
    @Test
    void everySgTermHasOneKind() {
        Set<Node> terms = new java.util.HashSet<>();
        ontology.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(SG.NS)) terms.add(t.getSubject());
        });
        List<String> problems = new ArrayList<>();
        for (Node n : terms) {
            int kinds = (has(n, RDF.type.asNode(), OWL.Class.asNode()) ? 1 : 0)
                    + (has(n, RDF.type.asNode(), OWL.ObjectProperty.asNode()) ? 1 : 0)
                    + (has(n, RDF.type.asNode(), OWL.DatatypeProperty.asNode()) ? 1 : 0);
            if (kinds != 1) problems.add(sg(n) + " is " + kinds + " of owl:Class, owl:ObjectProperty, owl:DatatypeProperty");
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
