package org.skillgraph.recommend;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.skillgraph.error.InputRejectedException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** One syllabus as HTML (hand-written), and as .docx and .pdf saved from it by LibreOffice (see resources/recommend/README.md). */
class DocumentTextTest {
    static final List<String> EXPECTED = List.of(
            "This course teaches students to clean, analyze and visualize data with spreadsheets and SQL.",
            "Students work with real data sets, e.g. public transport schedules, and present their findings to a non-technical audience.",
            "Write SQL queries that join and aggregate tables",
            "Build pivot tables and charts in a spreadsheet",
            "Communicate results clearly in writing & in short presentations",
            "Weekly exercises in SQL and spreadsheets",
            "A final project analyzing a data set of your choice");

    static Path fixture(String name) throws Exception {
        return Path.of(DocumentTextTest.class.getResource("/recommend/" + name).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"syllabus.html", "syllabus.docx", "syllabus.pdf"})
    void everyFormatGivesTheSameSentencesAndItems(String name) throws Exception {
        String text = DocumentText.read(fixture(name));
        List<String> got = Splitter.split(text).stream().map(Splitter.Passage::text).toList();
        assertEquals(EXPECTED, got, "text was:\n" + text);
    }

    @Test
    void htmlListItemsAreBulletsAndScriptsAreDropped() throws Exception {
        String text = DocumentText.read(fixture("syllabus.html"));
        assertFalse(text.contains("tracking"), text);
        assertFalse(text.contains("font-family"), text);
        List<Splitter.Passage> ps = Splitter.split(text);
        assertEquals(Splitter.Kind.SENTENCE, ps.get(0).kind());
        assertEquals(Splitter.Kind.BULLET, ps.get(2).kind());
    }

    @Test
    void entitiesAreDecoded() {
        assertEquals("a & b < c \u00e9 \u2014 d", DocumentText.entities("a &amp; b &lt; c &#233; &#x2014; d"));
    }

    @Test
    void unknownOrBrokenFilesAreRejectedWithTheirName() {
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> DocumentText.read(Path.of("notes.rtf")));
        assertTrue(e.getMessage().contains("notes.rtf"), e.getMessage());
        byte[] notPdf = "hello".getBytes(StandardCharsets.UTF_8);
        assertThrows(InputRejectedException.class, () -> DocumentText.extract(notPdf, DocumentText.Format.PDF, "x.pdf"));
        assertThrows(InputRejectedException.class, () -> DocumentText.extract(notPdf, DocumentText.Format.DOCX, "x.docx"));
        assertThrows(InputRejectedException.class, () -> DocumentText.extract(new byte[]{(byte) 0xC3, 0x28}, DocumentText.Format.TXT, "x.txt"));
    }
}
