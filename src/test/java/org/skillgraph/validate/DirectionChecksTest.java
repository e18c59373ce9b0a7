package org.skillgraph.validate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.cli.Main;
import org.skillgraph.pipeline.Pipeline;
import org.skillgraph.pipeline.Source;
import org.skillgraph.store.Registry;
import org.skillgraph.testutil.MiniCase;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The direction and citation warnings of shapes/directions.ttl, each on a package that triggers it and one that does not. */
class DirectionChecksTest {
    @TempDir Path dir;

    private ValidationReport validate(MiniCase c) {
        return new Pipeline().validate(Source.file(c.write(dir))).report();
    }

    private static List<Finding> about(ValidationReport r, String words) {
        return r.findings().stream().filter(f -> f.message().contains(words)).toList();
    }

    /** A tree: area A with three competencies below it, area B with none. */
    private static MiniCase tree(String name) {
        return new MiniCase(name).cited()
                .child("A", "Analyze data", "DOC")
                .child("A.1", "Clean data", "A")
                .child("A.2", "Join tables", "A")
                .child("A.3", "Summarize data", "A")
                .child("B", "Write SQL to join tables", "DOC");
    }

    @Test
    void aPartBroaderThanItsWholeIsAWarningWithTheSentence() {
        ValidationReport r = validate(tree("swapped").association("A", "isPartOf", "B"));
        List<Finding> w = about(r, "looks broader");
        assertEquals(1, w.size(), r::toText);
        Finding f = w.get(0);
        assertEquals(Finding.Severity.WARNING, f.severity());
        assertTrue(f.message().startsWith("A \"Analyze data\" is part of B \"Write SQL to join tables\": but the origin looks broader than the destination (items below the origin: 3, below the destination: 0)"),
                f.message());
        assertEquals("association", f.kind());
        assertTrue(r.conforms(), r::toText);
    }

    @Test
    void aPartNarrowerThanItsWholeIsFine() {
        ValidationReport r = validate(tree("right way").association("B", "isPartOf", "A"));
        assertEquals(List.of(), r.findings(), r::toText);
    }

    @Test
    void anIsChildOfWhoseOriginHasMorePartsIsAWarning() {
        MiniCase c = tree("child with parts")
                .association("A.1", "isPartOf", "B").association("A.2", "isPartOf", "B")
                .association("A.3", "isChildOf", "B");   // B has two parts, A.3 none: fine
        assertEquals(List.of(), about(validate(c), "looks broader"));
        c.association("B", "isChildOf", "A.3");            // B (two parts) is a child of A.3 (no parts)
        List<Finding> w = about(validate(c), "looks broader");
        assertEquals(1, w.size());
        assertTrue(w.get(0).message().startsWith("B \"Write SQL to join tables\" is a child of A.3 \"Summarize data\": but the origin looks broader than the destination (items below the origin: 2, below the destination: 0)"),
                w.get(0).message());
    }

    @Test
    void aPairAlignedBothWaysWithDifferentTypesIsOneWarning() {
        ValidationReport r = validate(tree("both ways").association("B", "isPartOf", "A").association("A", "exactMatchOf", "B"));
        List<Finding> w = about(r, "aligned both ways");
        assertEquals(1, w.size(), r::toText);
        String m = w.get(0).message();
        assertEquals(Finding.Severity.WARNING, w.get(0).severity());
        assertTrue(m.contains("B \"Write SQL to join tables\" is part of A \"Analyze data\""), m);
        assertTrue(m.contains("A \"Analyze data\" is the same as B \"Write SQL to join tables\""), m);
    }

    @Test
    void aPairAlignedBothWaysWithTheSameTypeIsFine() {
        ValidationReport r = validate(tree("peers").association("B", "isPeerOf", "A").association("A", "isPeerOf", "B"));
        assertEquals(List.of(), r.findings(), r::toText);
    }

    @Test
    void aPrecedesCycleIsAWarningOnEachLink() {
        ValidationReport r = validate(tree("round").association("A.1", "precedes", "A.2")
                .association("A.2", "precedes", "A.3").association("A.3", "precedes", "A.1"));
        List<Finding> w = about(r, "order goes round");
        assertEquals(3, w.size(), r::toText);
        assertTrue(w.stream().allMatch(f -> f.severity() == Finding.Severity.WARNING));
        assertTrue(w.stream().anyMatch(f -> f.message().startsWith("A.2 \"Join tables\" is a prerequisite for A.3 \"Summarize data\", but")),
                r::toText);
        for (Finding f : w)
            assertTrue(f.message().matches(".*order goes round \\((A\\.\\d, ){2}A\\.\\d\\).*"), f.message());
        assertTrue(r.conforms());
    }

    @Test
    void aPrecedesChainIsFine() {
        ValidationReport r = validate(tree("chain").association("A.1", "precedes", "A.2").association("A.2", "precedes", "A.3"));
        assertEquals(List.of(), r.findings(), r::toText);
    }

    @Test
    void aFrameworkWithoutSourceOrPublisherIsWarned() {
        MiniCase c = new MiniCase("uncited").child("A", "Analyze data", "DOC");
        ValidationReport r = validate(c);
        assertEquals(2, r.warnings(), r::toText);
        assertEquals(1, about(r, "no officialSourceURL").size(), r::toText);
        assertEquals(1, about(r, "no publisher").size(), r::toText);
        assertEquals("framework", about(r, "no publisher").get(0).kind());
        assertEquals(List.of(), validate(new MiniCase("cited").cited().child("A", "Analyze data", "DOC")).findings());
    }

    @Test
    void warningsDoNotBlockTheImportNorFailValidate() {
        MiniCase c = new MiniCase("warned").child("A", "Analyze data", "DOC").child("A.1", "Clean data", "A")
                .child("B", "Write SQL", "DOC")
                .association("A", "isPartOf", "B").association("B", "precedes", "A.1").association("A.1", "precedes", "B");
        Path file = c.write(dir);
        try (Registry registry = Registry.openTdb2(dir.resolve("store"))) {
            Pipeline.Stored s = new Pipeline().importInto(registry, Source.file(file), n -> {});
            assertTrue(s.loaded().report().warnings() >= 5, s.loaded().report()::toText);
            assertEquals(0, s.loaded().report().violations());
        }
        StringWriter out = new StringWriter();
        int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))
                .execute("validate", file.toString());
        assertEquals(Main.OK, code, out.toString());
        assertTrue(out.toString().contains("WARN   /CFAssociations/5 (association A.1 is a prerequisite for B, "), out.toString());
        assertTrue(out.toString().contains("A.1 \"Clean data\" is a prerequisite for B \"Write SQL\", but a chain of precedes"), out.toString());
    }
}
