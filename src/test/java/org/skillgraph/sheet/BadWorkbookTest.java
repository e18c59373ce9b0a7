package org.skillgraph.sheet;

import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.skillgraph.error.InputRejectedException;
import org.skillgraph.pipeline.Pipeline;
import org.skillgraph.pipeline.Source;
import org.skillgraph.store.Registry;
import org.skillgraph.testutil.StoreDump;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/** Each broken workbook is rejected with the cell at fault, and the store is left exactly as it was. */
class BadWorkbookTest {
    @TempDir Path dir;
    Registry registry;
    final Pipeline pipeline = new Pipeline();

    @BeforeEach
    void storeOne() {
        registry = Registry.openTdb2(dir.resolve("store"));
        pipeline.importInto(registry, Source.file(WorkbookReaderTest.fixture("authored.xlsx")), n -> {});
    }

    @AfterEach
    void close() { registry.close(); }

    private List<String> dump() { return StoreDump.quads(registry); }

    private String rejected(Path input) {
        List<String> before = dump();
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> pipeline.importInto(registry, Source.file(input), n -> {}));
        assertEquals(before, dump(), "store changed");
        return e.getMessage();
    }

    /** A copy of the CSV fixture with one sheet's text replaced. */
    private Path csv(String sheet, String from, String to) throws IOException {
        Path out = dir.resolve("csv-" + Math.abs((sheet + from + to).hashCode()));
        Files.createDirectories(out);
        try (var files = Files.list(WorkbookReaderTest.fixture("authored-csv"))) {
            for (Path f : files.toList()) {
                String text = Files.readString(f);
                if (f.getFileName().toString().endsWith(sheet + ".csv")) {
                    if (to == null) continue;
                    assertTrue(text.contains(from), from);
                    text = text.replace(from, to);
                }
                Files.writeString(out.resolve(f.getFileName()), text);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "missing sheet; CF Doc; identifier; ; CF Doc: sheet missing",
            "missing header; CF Item; fullStatement; statement; CF Item!A1: no column 'fullStatement'",
            "smartLevel gap; CF Item; '2,DAF-2,Analyse data,Domain,13|14,,\n'; ''; CF Item!A6: smartLevel 2.1 has no parent: no item has smartLevel 2",
            "duplicate smartLevel; CF Item; '1.10,DAF-1.10'; '1.2,DAF-1.10'; CF Item!A5: smartLevel 1.2 is used twice: here and at CF Item!A4",
            "unknown code; CF Association; 'DAF-2.1,precedes,DAF-2.2'; 'DAF-2.1,precedes,DAF-9.9'; CF Association!C2: destinationNodeHumanCodingScheme 'DAF-9.9': no item in CF Item has this code",
            "empty statement; CF Item; 'Summarise data with descriptive statistics'; ''; CF Item!C8: fullStatement is empty",
            "bad type; CF Association; 'isRelatedTo'; 'relatesTo'; CF Association!B3: associationType 'relatesTo' is not a CASE association type"})
    void brokenCsvSheets(String what, String sheet, String from, String to, String expected) throws Exception {
        String msg = rejected(csv(sheet, from.replace("\\n", "\n"), to == null ? null : to.replace("\\n", "\n")));
        assertTrue(msg.contains(expected), what + ": " + msg);
    }

    @Test
    void severalProblemsAreAllListedWithTheirCells() throws Exception {
        Path p = csv("CF Item", "Summarise data with descriptive statistics,Competency", ",Competency");
        String text = Files.readString(p.resolve("Data Analysis Foundations - CF Item.csv")).replace("1.10,DAF-1.10", "1.2,DAF-1.10");
        Files.writeString(p.resolve("Data Analysis Foundations - CF Item.csv"), text);
        Path assoc = p.resolve("Data Analysis Foundations - CF Association.csv");
        Files.writeString(assoc, Files.readString(assoc).replace("DAF-2.1,precedes,DAF-2.2", "DAF-2.1,precedes,DAF-9.9"));
        String msg = rejected(p);
        assertTrue(msg.contains("3 problems:"), msg);
        assertTrue(msg.contains("CF Association!C2: destinationNodeHumanCodingScheme 'DAF-9.9'"), msg);
        assertTrue(msg.contains("CF Item!C8: fullStatement is empty"), msg);
        assertTrue(msg.contains("CF Item!A5: smartLevel 1.2 is used twice"), msg);
    }

    private Path workbook(String name, java.util.function.Consumer<XSSFWorkbook> fill) throws IOException {
        Path p = dir.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(p)) {
            fill.accept(wb);
            wb.write(out);
        }
        return p;
    }

    @Test
    void workbookWithoutOurSheets() throws Exception {
        String msg = rejected(workbook("other.xlsx", wb -> wb.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("hello")));
        assertTrue(msg.contains("no CF Doc and CF Item sheets; the workbook has 'Sheet1'"), msg);
    }

    @Test
    void emptyWorkbook() throws Exception {
        String msg = rejected(workbook("empty.xlsx", wb -> { wb.createSheet("CF Doc"); wb.createSheet("CF Item"); }));
        assertTrue(msg.contains("the workbook is empty"), msg);
    }

    @Test
    void formulaErrorIsNamedByItsCell() throws Exception {
        String msg = rejected(workbook("error.xlsx", wb -> {
            XSSFSheet d = wb.createSheet("CF Doc");
            d.createRow(0).createCell(0).setCellValue("title");
            d.getRow(0).createCell(1).setCellValue("creator");
            d.createRow(1).createCell(0).setCellValue("T");
            d.getRow(1).createCell(1).setCellValue("C");
            XSSFSheet i = wb.createSheet("CF Item");
            i.createRow(0).createCell(0).setCellValue("fullStatement");
            i.createRow(1).createCell(0).setCellErrorValue(FormulaError.REF);
        }));
        assertTrue(msg.contains("CF Item!A2: the cell shows the error #REF!"), msg);
    }

    @Test
    void notAWorkbook() throws Exception {
        Path p = dir.resolve("notes.xlsx");
        Files.writeString(p, "this is not a workbook");
        assertTrue(rejected(p).contains("not a workbook"));
        Path z = dir.resolve("notes.zip");
        Files.writeString(z, "nor a zip");
        assertTrue(rejected(z).contains("not a"), rejected(z));
    }

    @Test
    void zipBombWorkbookIsRefused() throws Exception {
        Path src = WorkbookReaderTest.fixture("authored.xlsx");
        Path bomb = dir.resolve("bomb.xlsx");
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(src.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            for (ZipEntry e : Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet2.xml")) {
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    int cut = xml.indexOf("</sheetData>");
                    out.write(xml.substring(0, cut).getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 200; i++) out.write(spaces);
                    out.write(xml.substring(cut).getBytes(StandardCharsets.UTF_8));
                } else out.write(bytes);
                out.closeEntry();
            }
        }
        assertTrue(Files.size(bomb) < 2_000_000, "bomb is small: " + Files.size(bomb));
        String msg = rejected(bomb);
        assertTrue(msg.contains("zip bomb"), msg);
    }

    @Test
    void zipBombOfCsvIsRefused() throws Exception {
        Path bomb = dir.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            for (String s : List.of("CF Doc", "CF Item")) {
                out.putNextEntry(new ZipEntry(s + ".csv"));
                out.write("title,creator,fullStatement\n".getBytes(StandardCharsets.UTF_8));
                byte[] commas = new byte[1 << 20];
                java.util.Arrays.fill(commas, (byte) ',');
                for (int i = 0; i < 50; i++) out.write(commas);
                out.closeEntry();
            }
        }
        String msg = rejected(bomb);
        assertTrue(msg.contains("zip bomb"), msg);
    }
}
