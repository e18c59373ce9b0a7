package org.skillgraph.reference.onet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.error.InputRejectedException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The tab-delimited reader: header checks, quoting as O*NET publishes it, typed values, line numbers. */
class TsvFileTest {
    @TempDir Path dir;

    Path write(String text) throws IOException {
        Path f = dir.resolve("Test File.txt");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    TsvFile open(String text) throws IOException {
        return new TsvFile(write(text), Set.of("A", "B"), Set.of("C"));
    }

    @Test
    void quotedFieldsAreUnquotedAsExcelWritesThem() throws IOException {
        // As in Task Statements.txt: "Conduct ""head counts"" to help predict ...".
        try (TsvFile f = open("A\tB\n1\t\"Conduct \"\"head counts\"\" to help\"\n2\tsay \"hi\"\n")) {
            List<String> b = new ArrayList<>();
            while (f.next()) b.add(f.get(f.column("B")));
            assertEquals(List.of("Conduct \"head counts\" to help", "say \"hi\""), b);
        }
    }

    @Test
    void bomCrlfBlankLinesAndOptionalColumns() throws IOException {
        try (TsvFile f = open("\uFEFFB\tA\r\nx\t1\r\n\r\ny\t2\r\n")) {
            assertEquals(-1, f.column("C"));
            assertEquals("", f.get(f.column("C")));
            assertTrue(f.next());
            assertEquals("1", f.get(f.column("A")));
            assertTrue(f.next());
            assertEquals(4, f.line());
            assertEquals("y", f.get(f.column("B")));
            assertFalse(f.next());
        }
    }

    @Test
    void typedValues() throws IOException {
        try (TsvFile f = new TsvFile(write("A\tB\tC\n28.0\tY\t08/2023\n-1.5\tn/a\t\n"), Set.of("A", "B", "C"), Set.of())) {
            int a = f.column("A"), b = f.column("B"), c = f.column("C");
            assertTrue(f.next());
            assertEquals("28", f.integer(a, "A", true));
            assertEquals("28.0", f.decimal(a, "A", true));
            assertEquals(Boolean.TRUE, f.flag(b, "B"));
            assertEquals("2023-08", f.date(c));
            assertTrue(f.next());
            assertEquals("-1.5", f.decimal(a, "A", true));
            assertNull(f.flag(b, "B"));
            assertNull(f.date(c));
            InputRejectedException e = assertThrows(InputRejectedException.class, () -> f.integer(a, "A", true));
            assertEquals("line 3", e.location());
        }
    }

    @Test
    void rejectsWithFileAndLine() throws IOException {
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> open("A\tX\n1\t2\n"));
        assertEquals("Test File.txt", e.source());
        assertEquals("line 1", e.location());
        assertTrue(e.reason().contains("unexpected column 'X'"), e.reason());

        e = assertThrows(InputRejectedException.class, () -> open("A\tC\n1\t2\n"));
        assertTrue(e.reason().contains("missing column 'B'"), e.reason());

        e = assertThrows(InputRejectedException.class, () -> open("A\tA\tB\n"));
        assertTrue(e.reason().contains("twice"), e.reason());

        e = assertThrows(InputRejectedException.class, () -> open(""));
        assertTrue(e.reason().contains("empty file"), e.reason());

        try (TsvFile f = open("A\tB\n1\t2\n1\t2\t3\n")) {
            assertTrue(f.next());
            e = assertThrows(InputRejectedException.class, f::next);
            assertEquals("line 3", e.location());
            assertEquals("Test File.txt at line 3: expected 2 tab-separated fields as in the header, found 3", e.getMessage());
        }
        try (TsvFile f = open("A\tB\nabc\tZ\n")) {
            assertTrue(f.next());
            e = assertThrows(InputRejectedException.class, () -> f.decimal(f.column("A"), "A", true));
            assertEquals("A 'abc' is not a number", e.reason());
            e = assertThrows(InputRejectedException.class, () -> f.flag(f.column("B"), "B"));
            assertEquals("B 'Z' is not Y or N", e.reason());
        }
    }

    @Test
    void rejectsInvalidUtf8WithLine() throws IOException {
        Path f = dir.resolve("Bad.txt");
        Files.write(f, new byte[]{'A', '\t', 'B', '\n', 'x', '\t', 'y', '\n', (byte) 0xC3, '\t', 'z', '\n'});
        try (TsvFile t = new TsvFile(f, Set.of("A", "B"), Set.of())) {
            assertTrue(t.next());
            InputRejectedException e = assertThrows(InputRejectedException.class, t::next);
            assertEquals("Bad.txt", e.source());
            assertEquals("line 3", e.location());
            assertTrue(e.reason().contains("UTF-8"), e.reason());
        }
    }

    @Test
    void segmentEncodingOfExampleNames() {
        assertEquals("Microsoft%20Excel", OnetIris.segment("Microsoft Excel"));
        assertEquals("IBM%20DB2%2FUDB", OnetIris.segment("IBM DB2/UDB"));
        assertEquals("R.~_-", OnetIris.segment("R.~_-"));
        assertEquals("caf%C3%A9%23", OnetIris.segment("café#"));
    }
}
