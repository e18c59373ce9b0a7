package org.skillgraph.reference.esco;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.cli.Main;
import org.skillgraph.store.Registry;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;
import static org.skillgraph.reference.esco.EscoTestSupport.*;

/** {@code skillgraph esco import}, run in-process on a TDB2 store in a temp dir, with Main's exit code mapping. */
class EscoCommandTest {
    @TempDir Path dir;
    String out, err;

    int run(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        PrintWriter ow = new PrintWriter(o, true), ew = new PrintWriter(e, true);
        int code = Main.commandLine(ow, ew).execute(args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    String store() { return dir.resolve("store").toString(); }

    /** The subset's triple count, as the importer reads it. */
    static final long TRIPLES = new EscoImporter().read(subset(), null).counts().triples();

    @Test
    void importPrintsCountsAndNotesThenReplaces() {
        String triples = String.format(java.util.Locale.ROOT, "%,d", TRIPLES);
        assertEquals(0, run("esco", "import", "--store", store(), subset().toString(), "--version", "v1.1.1"), err);
        assertTrue(out.startsWith("imported \"ESCO v1.1.1 (en)\" into urn:skillgraph:reference:esco: " + triples + " triples"), out);
        assertTrue(out.matches("(?s).*\\n  occupations +3\\n  skills +91\\n  skill groups +9\\n  ISCO groups +4\\n"
                + "  occupation-skill relations +127\\n    essential +84\\n    optional +43\\n  skill-skill relations +10\\n.*"), out);
        assertTrue(out.matches("(?s).*\\n  collections +2\\n    members +10\\n  concept schemes +19\\n  triples +" + triples + "\\n"), out);
        assertTrue(err.contains("note: 63 altLabels equal to the preferred label dropped"), err);

        assertEquals(0, run("esco", "import", "--store", store(), subset().toString(), "--version", "1.1.1"), err);
        assertTrue(out.startsWith("replaced \"ESCO v1.1.1 (en)\""), out);
        try (Registry r = Registry.openTdb2(Path.of(store()))) {
            assertEquals(TRIPLES, count(r, "?s ?p ?o"));
            assertTrue(ask(r, "<" + DATA_SCIENTIST + "> skos:notation '2511.4'"));
        }
    }

    @Test
    void olderFilesNoteWhatIsMissing() {
        assertEquals(0, run("esco", "import", "--store", store(), older().toString()), err);
        assertTrue(out.startsWith("imported \"ESCO v1.2 (en)\""), out);
        assertTrue(err.contains("note: no occupationSkillRelations file (optional, skipped)"), err);
    }

    @Test
    void turtleFileImports() {
        assertEquals(0, run("esco", "import", "--store", store(), turtle().toString()), err);
        assertTrue(out.startsWith("imported \"ESCO v1.1.1\""), out);
        assertTrue(out.contains("\n  occupations                          1\n"), out);
    }

    @Test
    void malformedCsvIsRejectedWithExitCode1AndStoreUnchanged() throws IOException {
        assertEquals(0, run("esco", "import", "--store", store(), subset().toString(), "--version", "1.1.1"), err);
        Path broken = copy(subset(), dir.resolve("broken"));
        Files.writeString(broken.resolve("occupations_en.csv"),
                "conceptType,conceptUri,preferredLabel,altLabels\nOccupation,http://data.europa.eu/esco/occupation/x,\"x,\"y\"\n");
        assertEquals(Main.REJECTED, run("esco", "import", "--store", store(), broken.toString()));
        assertEquals("rejected: occupations_en.csv at line 2: text after a closing quote (a quote inside a field must be doubled)",
                err.strip());
        assertEquals("", out);
        try (Registry r = Registry.openTdb2(Path.of(store()))) {
            assertEquals(TRIPLES, count(r, "?s ?p ?o"));
            assertEquals(java.util.List.of("ESCO v1.1.1 (en)"), values(r,
                    "SELECT ?t { GRAPH <urn:skillgraph:catalog> { <urn:skillgraph:reference:esco> dct:title ?t } }"));
        }
    }

    @Test
    void missingInputAndUsage() {
        assertEquals(Main.REJECTED, run("esco", "import", "--store", store(), dir.resolve("nope").toString()));
        assertTrue(err.startsWith("rejected: ") && err.contains("no such file or folder"), err);
        assertEquals(Main.USAGE, run("esco", "import", "--store", store()));
        assertEquals(0, run("esco"));
        assertTrue(out.contains("import"), out);
    }
}
