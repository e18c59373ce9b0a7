package org.skillgraph.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.skillgraph.vocab.SG;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

class ValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SH = "http://www.w3.org/ns/shacl#";

    private static final String FRAMEWORK = "ex:f0000000-0000-4000-8000-000000000000";
    private static final String ITEM_6RP = "ex:a0000000-0000-4000-8000-000000000001";
    private static final String ITEM_6RPA1 = "ex:a0000000-0000-4000-8000-000000000002";
    private static final String ITEM_6RPA2 = "ex:a0000000-0000-4000-8000-000000000003";

    @Test
    void standardValidatorLoadsTheIndexedShapes() {
        assertTrue(Validator.shapeFiles().contains("case.ttl"));
        assertSame(Validator.standard(), Validator.standard());
        assertFalse(Validator.standard().shapes().getTargetShapes().isEmpty());
    }

    @Test
    void validFrameworkConforms() {
        Fixture fx = Fixture.load("valid.ttl");
        ValidationReport report = fx.validate();
        assertEquals(List.of(), report.findings(), report::toText);
        assertTrue(report.conforms());
        assertEquals(0, report.violations());
        assertEquals(0, report.warnings());
        assertTrue(report.toText().contains("valid.ttl: 0 violations, 0 warnings: conforms"), report.toText());
        assertRenderingsAgree(report);
    }

    @Test
    void missingFullStatementIsAViolation() throws Exception {
        Fixture fx = Fixture.load("missing-fullstatement.ttl");
        ValidationReport report = fx.validate();
        assertFalse(report.conforms());
        assertEquals(1, report.violations(), report::toText);
        assertEquals(0, report.warnings(), report::toText);

        Finding f = report.findings().get(0);
        Node item = fx.node(ITEM_6RPA2);
        assertEquals(Finding.Severity.VIOLATION, f.severity());
        assertEquals(item.getURI(), f.focusNode());
        assertEquals("item", f.kind());
        assertEquals("6.RP.A.2", f.label());
        assertEquals("fullStatement", f.field());
        assertEquals("fullStatement is required", f.message());
        assertEquals("MinCount", f.constraint());
        assertNull(f.value());
        assertEquals("/CFItems/2", fx.pointers().get(item));
        assertEquals(fx.pointers().get(item), f.pointer());

        String text = report.toText();
        assertTrue(text.contains("ERROR  /CFItems/2 (item 6.RP.A.2, " + item.getURI() + ") fullStatement: fullStatement is required"), text);
        assertTrue(text.contains("1 violation, 0 warnings: does not conform"), text);

        JsonNode json = JSON.readTree(report.toJson());
        assertEquals("missing-fullstatement.ttl", json.get("source").asText());
        assertFalse(json.get("conforms").asBoolean());
        assertEquals(1, json.get("violations").asLong());
        assertEquals(0, json.get("warnings").asLong());
        JsonNode jf = json.get("findings").get(0);
        assertEquals("violation", jf.get("severity").asText());
        assertEquals(item.getURI(), jf.get("focusNode").asText());
        assertEquals("6.RP.A.2", jf.get("label").asText());
        assertEquals("fullStatement", jf.get("field").asText());
        assertEquals("fullStatement is required", jf.get("message").asText());
        assertTrue(jf.get("value").isNull());
        assertEquals("/CFItems/2", jf.get("pointer").asText());

        assertRenderingsAgree(report);
    }

    @Test
    void wrongDatatypesAreViolations() {
        Fixture fx = Fixture.load("wrong-datatype.ttl");
        ValidationReport report = fx.validate();
        assertFalse(report.conforms());
        assertEquals(2, report.violations(), report::toText);

        Finding date = only(report, f -> "lastChangeDateTime".equals(f.field()));
        assertEquals(Finding.Severity.VIOLATION, date.severity());
        assertEquals(fx.node(ITEM_6RPA2).getURI(), date.focusNode());
        assertEquals("yesterday", date.value());
        assertEquals("xsd:string", date.valueType());
        assertEquals("/CFItems/2", date.pointer());
        assertTrue(date.message().startsWith("lastChangeDateTime must be a valid date and time"), date.message());
        assertTrue(report.toText().contains("ERROR  /CFItems/2 (item 6.RP.A.2, "), report.toText());
        assertTrue(report.toText().contains("[value: \"yesterday\"]"), report.toText());

        // An ill-typed literal (February 30th) is a violation too.
        Finding end = only(report, f -> "statusEndDate".equals(f.field()));
        assertEquals(Finding.Severity.VIOLATION, end.severity());
        assertEquals("/CFDocument", end.pointer());
        assertEquals("framework", end.kind());
        assertEquals("2019-02-30", end.value());
        assertEquals("xsd:date", end.valueType());
        assertRenderingsAgree(report);
    }

    @Test
    void isChildOfCycleIsAViolationOnEachItemInIt() {
        Fixture fx = Fixture.load("cycle.ttl");
        ValidationReport report = fx.validate();
        assertFalse(report.conforms());
        List<Finding> cycle = report.findings().stream().filter(Finding::isViolation).toList();
        assertEquals(3, cycle.size(), report::toText);
        Set<String> inCycle = Set.of(
                fx.node("ex:a0000000-0000-4000-8000-000000000004").getURI(),
                fx.node("ex:a0000000-0000-4000-8000-000000000005").getURI(),
                fx.node("ex:a0000000-0000-4000-8000-000000000006").getURI());
        assertEquals(inCycle, cycle.stream().map(Finding::focusNode).collect(Collectors.toSet()));
        Finding first = cycle.stream().filter(f -> f.pointer().equals("/CFItems/3")).findFirst().orElseThrow();
        assertEquals("6.RP.B", first.label());
        assertTrue(first.message().startsWith("isChildOf cycle: 6.RP.B is its own ancestor"), first.message());
        assertTrue(first.message().contains("6.RP.B.1") && first.message().contains("6.RP.B.2"), first.message());
        assertEquals("SPARQL", first.constraint());
        // The items of the cycle are not in the framework's tree either: warnings only.
        assertEquals(3, report.warnings(), report::toText);
        assertTrue(report.findings().stream().noneMatch(f -> f.pointer() != null && List.of("/CFItems/0", "/CFItems/1", "/CFItems/2").contains(f.pointer())),
                report::toText);
        assertRenderingsAgree(report);
    }

    @Test
    void associationWithoutDestinationIsAViolation() {
        Fixture fx = Fixture.load("association-no-destination.ttl");
        ValidationReport report = fx.validate();
        assertFalse(report.conforms());
        Finding f = only(report, Finding::isViolation);
        assertEquals("destinationNode", f.field());
        assertEquals("association", f.kind());
        assertEquals("/CFAssociations/2", f.pointer());
        assertEquals("MinCount", f.constraint());
        assertTrue(f.message().startsWith("destinationNode is required"), f.message());
        assertTrue(f.label().startsWith("6.RP.A.2 is a child of "), f.label());
        assertEquals(0, report.warnings(), report::toText);
        assertRenderingsAgree(report);
    }

    @Test
    void unknownAssociationTypeIsAViolationButExtensionTypesAreFine() {
        Fixture fx = Fixture.load("association-types.ttl");
        ValidationReport report = fx.validate();
        Finding f = only(report, x -> true);
        assertEquals(Finding.Severity.VIOLATION, f.severity());
        assertEquals("associationType", f.field());
        assertEquals("foo", f.value());
        assertEquals("/CFAssociations/4", f.pointer());
        assertTrue(f.message().contains("ext:"), f.message());
        // The ext:foo association (/CFAssociations/5) is not reported.
        assertTrue(report.findings().stream().noneMatch(x -> "/CFAssociations/5".equals(x.pointer())));
        assertRenderingsAgree(report);
    }

    @Test
    void stubsWithoutFieldsAreNotReported() {
        Fixture fx = Fixture.load("stub.ttl");
        // The fixture does hold stubs: typed nodes without sg:framework and without their fields.
        for (String stub : List.of("other:no-fields", "other:doc", "other:CCSS.Math.Content.6.RP.A.1")) {
            Node n = fx.node(stub);
            assertTrue(fx.graph().contains(n, SG.rdfType, Node.ANY), stub);
            assertFalse(fx.graph().contains(n, SG.framework, Node.ANY), stub);
        }
        ValidationReport report = fx.validate();
        assertEquals(List.of(), report.findings(), report::toText);
        assertTrue(report.conforms());
    }

    @Test
    void unreachableItemIsOnlyAWarning() {
        Fixture fx = Fixture.load("unreachable.ttl");
        ValidationReport report = fx.validate();
        assertTrue(report.conforms(), report::toText);
        assertEquals(0, report.violations());
        assertEquals(1, report.warnings());
        Finding f = report.findings().get(0);
        assertEquals(Finding.Severity.WARNING, f.severity());
        assertEquals(fx.node("ex:a0000000-0000-4000-8000-000000000004").getURI(), f.focusNode());
        assertEquals("/CFItems/3", f.pointer());
        assertNull(f.field());
        assertNull(f.value());
        assertTrue(f.message().contains("6.RP.C") && f.message().contains("not in the framework's tree"), f.message());
        assertTrue(report.toText().startsWith("WARN   /CFItems/3 (item 6.RP.C, "), report.toText());
        assertTrue(report.toText().contains("0 violations, 1 warning: conforms"), report.toText());
        assertRenderingsAgree(report);
    }

    @Test
    void duplicateHumanCodingSchemeIsAWarningNamingTheCode() throws Exception {
        Fixture fx = Fixture.load("duplicate-code.ttl");
        ValidationReport report = fx.validate();
        assertTrue(report.conforms(), report::toText);
        Finding f = only(report, x -> true);
        assertEquals(Finding.Severity.WARNING, f.severity());
        assertEquals("humanCodingScheme", f.field());
        assertEquals("6.RP.A.1", f.value());
        assertEquals(fx.node(FRAMEWORK).getURI(), f.focusNode());
        assertEquals("/CFDocument", f.pointer());
        assertTrue(f.message().contains("\"6.RP.A.1\""), f.message());
        assertTrue(f.message().contains("a0000000-0000-4000-8000-000000000002")
                && f.message().contains("a0000000-0000-4000-8000-000000000004"), f.message());
        JsonNode jf = JSON.readTree(report.toJson()).get("findings").get(0);
        assertEquals("warning", jf.get("severity").asText());
        assertEquals("/CFDocument", jf.get("pointer").asText());
        assertTrue(JSON.readTree(report.toJson()).get("conforms").asBoolean());
        assertRenderingsAgree(report);
    }

    @Test
    void identifierThatIsNotAUuidIsAWarning() {
        Fixture fx = Fixture.load("valid.ttl");
        Node item = fx.node(ITEM_6RPA1);
        Node id = SG.sg("identifier");
        fx.graph().remove(item, id, Node.ANY);
        fx.graph().add(item, id, NodeFactory.createLiteralString("CCSS.Math.Content.6.RP.A.1"));
        ValidationReport report = fx.validate();
        assertTrue(report.conforms(), report::toText);
        Finding f = only(report, x -> true);
        assertEquals(Finding.Severity.WARNING, f.severity());
        assertEquals("identifier", f.field());
        assertEquals("CCSS.Math.Content.6.RP.A.1", f.value());
        assertEquals("/CFItems/1", f.pointer());
    }

    @Test
    void singleValuedFieldsTakeOneValue() {
        Fixture fx = Fixture.load("valid.ttl");
        fx.graph().add(fx.node(ITEM_6RP), SG.sg("humanCodingScheme"), NodeFactory.createLiteralString("6.RP.X"));
        ValidationReport report = fx.validate();
        Finding f = only(report, Finding::isViolation);
        assertEquals("humanCodingScheme", f.field());
        assertEquals("MaxCount", f.constraint());
        assertEquals("/CFItems/0", f.pointer());
    }

    @Test
    void membershipMustPointAtAFrameworkNode() {
        Fixture fx = Fixture.load("valid.ttl");
        Node item = fx.node(ITEM_6RPA2);
        fx.graph().remove(item, SG.framework, Node.ANY);
        fx.graph().add(item, SG.framework, NodeFactory.createURI("urn:uuid:00000000-0000-4000-8000-00000000dead"));
        ValidationReport report = fx.validate();
        Finding f = only(report, Finding::isViolation);
        assertEquals("framework", f.field());
        assertEquals("Class", f.constraint());
        assertEquals("/CFItems/2", f.pointer());
        assertEquals("urn:uuid:00000000-0000-4000-8000-00000000dead", f.value());
        assertEquals("IRI", f.valueType());
        assertTrue(report.toText().contains("[value: <urn:uuid:00000000-0000-4000-8000-00000000dead>]"), report.toText());
    }

    @Test
    void findingsWithoutPointersStillRender() {
        Fixture fx = Fixture.load("missing-fullstatement.ttl");
        ValidationReport report = Validator.standard().validate(fx.graph(), null, null);
        Finding f = only(report, x -> true);
        assertNull(f.pointer());
        assertTrue(report.toText().startsWith("ERROR  - (item 6.RP.A.2, "), report.toText());
        assertTrue(report.toText().contains("framework: 1 violation"), report.toText());
    }

    @Test
    void findingsAreOrderedViolationsFirstThenByPointer() {
        Fixture fx = Fixture.load("cycle.ttl");
        ValidationReport report = fx.validate();
        List<Finding> findings = report.findings();
        for (int i = 1; i < findings.size(); i++) {
            Finding a = findings.get(i - 1), b = findings.get(i);
            assertTrue(a.severity().compareTo(b.severity()) <= 0);
            if (a.severity() == b.severity())
                assertTrue(Validator.comparePointers(a.pointer(), b.pointer()) <= 0, a.pointer() + " before " + b.pointer());
        }
        assertTrue(Validator.comparePointers("/CFItems/2", "/CFItems/12") < 0);
        assertTrue(Validator.comparePointers("/CFAssociations/7", "/CFItems/0") < 0);
    }

    @Test
    void labelsAreShortened() {
        assertEquals("short", Validator.shorten("  short "));
        String s = Validator.shorten("Understand the concept of a ratio and use ratio language to describe a ratio relationship.");
        assertTrue(s.length() <= 41 && s.endsWith("…"), s);
    }

    // ---- helpers

    private static Finding only(ValidationReport report, java.util.function.Predicate<Finding> which) {
        List<Finding> found = report.findings().stream().filter(which).toList();
        assertEquals(1, found.size(), report::toText);
        return found.get(0);
    }

    /** The Turtle report parses, is one sh:ValidationReport, and has one sh:result per finding; the JSON counts match. */
    private static void assertRenderingsAgree(ValidationReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.writeTurtle(out);
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(out.toString(java.nio.charset.StandardCharsets.UTF_8), Lang.TURTLE).checking(false).parse(g);
        Node type = NodeFactory.createURI(SH + "ValidationReport");
        Node result = NodeFactory.createURI(SH + "result");
        List<Node> reports = g.find(Node.ANY, SG.rdfType, type).mapWith(t -> t.getSubject()).toList();
        assertEquals(1, reports.size(), "one sh:ValidationReport");
        assertEquals(report.findings().size(), g.find(reports.get(0), result, Node.ANY).toList().size());
        Node conforms = NodeFactory.createURI(SH + "conforms");
        assertTrue(g.contains(reports.get(0), conforms, Node.ANY));

        try {
            JsonNode json = JSON.readTree(report.toJson());
            assertEquals(report.findings().size(), json.get("findings").size());
            assertEquals(report.violations(), json.get("violations").asLong());
            assertEquals(report.warnings(), json.get("warnings").asLong());
            assertEquals(report.conforms(), json.get("conforms").asBoolean());
            for (int i = 0; i < report.findings().size(); i++) {
                Finding f = report.findings().get(i);
                JsonNode jf = json.get("findings").get(i);
                assertEquals(f.pointer(), jf.get("pointer").isNull() ? null : jf.get("pointer").asText());
                assertEquals(f.severity().jsonName(), jf.get("severity").asText());
                assertEquals(f.message(), jf.get("message").asText());
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        // One line per finding plus the summary.
        assertEquals(report.findings().size() + 1, report.toText().split("\n").length);
    }
}
