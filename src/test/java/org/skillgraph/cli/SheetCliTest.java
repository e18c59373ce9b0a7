package org.skillgraph.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.testutil.Cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** import, validate, convert and export take workbooks as they take CASE JSON. */
class SheetCliTest {
    @TempDir Path dir;
    String out, err;

    int run(String... args) {
        Cli c = Cli.run(args);
        out = c.out();
        err = c.err();
        return c.code();
    }

    static String fixture(String name) {
        try {
            return Path.of(SheetCliTest.class.getResource("/sheets/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void importValidateConvertExport() throws Exception {
        String store = dir.resolve("store").toString();
        assertEquals(0, run("import", "--store", store, fixture("authored.xlsx")), err);
        assertTrue(out.startsWith("imported \"Data Analysis Foundations\""), out);
        assertTrue(out.contains("10 items, 13 associations"), out);
        assertTrue(err.contains("smartLevel typed as the number 1.1") && err.contains("CF Item!A3"), err);

        assertEquals(0, run("import", "--store", store, fixture("authored-csv")), err);
        assertTrue(out.startsWith("unchanged"), "the CSV sheets are the same framework: " + out);

        assertEquals(0, run("validate", fixture("authored-csv")), out);
        assertTrue(out.contains("0 violations"), out);

        Path ttl = dir.resolve("daf.ttl");
        assertEquals(0, run("convert", fixture("authored.xlsx"), "-o", ttl.toString()), err);
        assertTrue(Files.readString(ttl).contains("\"DAF-1.10\""));

        assertEquals(0, run("list", "--store", store));
        String framework = out.lines().filter(l -> l.contains("Data Analysis Foundations")).findFirst().orElseThrow().split("\\s+")[0];
        Path xlsx = dir.resolve("daf.xlsx");
        assertEquals(0, run("export", "--store", store, "--framework", framework, "--format", "xlsx", "-o", xlsx.toString()), err);
        assertTrue(Files.size(xlsx) > 1000);
        assertEquals(0, run("import", "--store", store, xlsx.toString()), err);
        assertTrue(out.startsWith("unchanged"), "the exported workbook is the same framework: " + out);

        assertEquals(2, run("export", "--store", store, "--framework", framework, "--format", "xlsx"));
        assertTrue(err.contains("needs -o"), err);
    }

    @Test
    void rejectedWorkbookNamesTheCell() throws Exception {
        Path bad = dir.resolve("bad");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("CF Doc.csv"), "title,creator\nT,C\n");
        Files.writeString(bad.resolve("CF Item.csv"), "fullStatement,smartLevel\nA,1\nB,1.3.1\n");
        assertEquals(1, run("import", "--store", dir.resolve("store").toString(), bad.toString()));
        assertTrue(err.contains("rejected: " + bad + " at CF Item!B3: smartLevel 1.3.1 has no parent: no item has smartLevel 1.3"), err);
    }
}
