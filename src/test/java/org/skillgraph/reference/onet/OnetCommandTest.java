package org.skillgraph.reference.onet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.cli.Main;
import org.skillgraph.store.Registry;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code skillgraph onet import}, run in-process through Main's command line and error mapping. */
class OnetCommandTest {
    static Path subset;
    @TempDir Path dir;
    String out, err;

    @BeforeAll
    static void find() throws URISyntaxException {
        subset = Path.of(OnetCommandTest.class.getResource("/onet/subset").toURI());
    }

    int run(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        PrintWriter po = new PrintWriter(o, true), pe = new PrintWriter(e, true);
        int code = Main.commandLine(po, pe).execute(args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    String store() { return dir.resolve("store").toString(); }

    @Test
    void importPrintsCountsAndNotes() {
        assertEquals(Main.OK, run("onet", "import", "--store", store(), subset.toString()), err);
        assertTrue(out.startsWith("imported \"O*NET 29.3 Database\" into urn:skillgraph:reference:onet"), out);
        assertTrue(out.matches("(?s).*\\n  occupations +3\\n.*"), out);
        assertTrue(out.matches("(?s).*\\n  elements +168\\n.*"), out);
        assertTrue(out.matches("(?s).*\\n  dwas +35\\n.*"), out);
        assertTrue(out.matches("(?s).*\\n  tasks +52\\n.*"), out);
        assertTrue(out.matches("(?s).*\\n  ratings +435\\n.*"), out);
        assertTrue(out.matches("(?s).*\\n  triples +[0-9,]+\\n.*"), out);
        assertTrue(err.contains("note: Abilities.txt not found: skipped"), err);
        assertTrue(err.contains("note: not imported (no mapping yet): Occupation Level Metadata.txt"), err);
        try (Registry r = Registry.openTdb2(Path.of(store()))) {
            String triples = out.replaceAll("(?s).*\\n  triples +([0-9,]+)\\n.*", "$1").replace(",", "");
            assertEquals(Long.parseLong(triples), (long) r.read(dsg -> dsg.getGraph(OnetIris.GRAPH).size()));
        }
    }

    @Test
    void versionOptionWhenThereIsNoReadMe() throws IOException {
        Path copy = Files.createDirectory(dir.resolve("release"));
        for (Path f : Files.list(subset).toList())
            if (!f.getFileName().toString().equals("Read Me.txt")) Files.copy(f, copy.resolve(f.getFileName()));
        assertEquals(Main.OK, run("onet", "import", "--store", store(), copy.toString(), "--version", "29.3"), err);
        assertTrue(out.startsWith("imported \"O*NET 29.3 Database\""), out);
        assertTrue(err.contains("note: no version in Read Me.txt: using --version 29.3"), err);
    }

    @Test
    void malformedFileExitsOneAndStoresNothing() throws IOException {
        Path copy = Files.createDirectory(dir.resolve("release"));
        for (Path f : Files.list(subset).toList()) Files.copy(f, copy.resolve(f.getFileName()));
        Path skills = copy.resolve("Skills.txt");
        List<String> lines = Files.readAllLines(skills);
        lines.set(3, lines.get(3) + "\textra");
        Files.write(skills, lines);
        assertEquals(Main.REJECTED, run("onet", "import", "--store", store(), copy.toString()));
        assertEquals("rejected: Skills.txt at line 4: expected 15 tab-separated fields as in the header, found 16",
                err.strip());
        assertEquals("", out);
        try (Registry r = Registry.openTdb2(Path.of(store()))) {
            assertEquals(0, r.size());
        }
    }

    @Test
    void notAReleaseExitsOne() {
        assertEquals(Main.REJECTED, run("onet", "import", "--store", store(), dir.toString()));
        assertTrue(err.startsWith("rejected: " + dir + ": no 'Occupation Data.txt'"), err);
        assertEquals(Main.USAGE, run("onet", "import", "--store", store()));
    }
}
