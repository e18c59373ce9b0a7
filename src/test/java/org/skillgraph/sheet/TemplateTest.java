package org.skillgraph.sheet;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.testutil.Cli;
import org.skillgraph.casejson.CaseEntity;
import org.skillgraph.casejson.CasePackage;
import org.skillgraph.mapping.Directions;
import org.skillgraph.pipeline.Pipeline;
import org.skillgraph.pipeline.Source;
import org.skillgraph.store.Registry;
import org.skillgraph.testutil.TestData;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The authoring template, its Alignments sheet both ways, and Alignments on export. */
class TemplateTest {
    @TempDir Path dir;
    static final String CERT = "eb66c1b1-5484-5cd2-ae83-e0adb913f392";
    String out, err;

    int run(String... args) {
        Cli c = Cli.run(args);
        out = c.out();
        err = c.err();
        return c.code();
    }

    String store() { return dir.resolve("store").toString(); }

    void importSamples() {
        assertEquals(0, run("import", "--store", store(), TestData.projectDir().resolve("data").toString()), err);
    }

    static XSSFWorkbook open(Path p) throws Exception {
        try (InputStream in = Files.newInputStream(p)) {
            return new XSSFWorkbook(in);
        }
    }

    @Test
    void emptyTemplateHasNotesDropDownsAndHiddenLists() throws Exception {
        Path t = dir.resolve("t.xlsx");
        try (OutputStream o = Files.newOutputStream(t)) {
            new Template().write(o);
        }
        try (XSSFWorkbook wb = open(t)) {
            assertEquals(List.of("Instructions", "CF Doc", "CF Item", "CF Association", "Alignments", "Lists"),
                    List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3), wb.getSheetName(4), wb.getSheetName(5)));
            assertTrue(wb.isSheetHidden(5));
            XSSFSheet item = wb.getSheet("CF Item");
            assertNotNull(item.getRow(0).getCell(Layout.ITEM_COLUMNS.indexOf("smartLevel")).getCellComment());
            assertTrue(item.getRow(0).getCell(Layout.ITEM_COLUMNS.indexOf("smartLevel")).getCellComment().getString().getString().contains("1.10"));
            assertEquals(2, item.getDataValidations().size());
            assertEquals(1, wb.getSheet("CF Association").getDataValidations().size());
            XSSFSheet align = wb.getSheet("Alignments");
            assertEquals(Layout.ALIGNMENT_COLUMNS, List.of(0, 1, 2, 3, 4, 5, 6).stream().map(c -> align.getRow(0).getCell(c).getStringCellValue()).toList());
            assertTrue(align.getDataValidations().stream().anyMatch(v -> v.getValidationConstraint().getFormula1().startsWith("Lists!$D$2")));
            Sheet lists = wb.getSheet("Lists");
            List<String> phrases = new java.util.ArrayList<>();
            for (Row r : lists) if (r.getRowNum() > 0 && r.getCell(3) != null) phrases.add(r.getCell(3).getStringCellValue());
            assertTrue(phrases.contains(Directions.forward("isPartOf")) && phrases.contains(Directions.inverse("isPartOf")), phrases.toString());
        }
        // an untouched template is rejected with the place to start
        var e = assertThrows(org.skillgraph.error.InputRejectedException.class, () -> new Pipeline().convert(Source.file(t)));
        assertTrue(e.getMessage().contains("CF Doc!A1") || e.getMessage().contains("CF Doc"), e.getMessage());
    }

    @Test
    void alignmentsBecomeAssociationsWhicheverWayTheyRead() throws Exception {
        importSamples();
        Path t = dir.resolve("aligned.xlsx");
        assertEquals(0, run("template", "--store", store(), "--align-to", CERT, "-o", t.toString()), err);
        String partOf = Directions.forward("isPartOf"), hasPart = Directions.inverse("isPartOf");
        try (XSSFWorkbook wb = open(t)) {
            assertTrue(wb.isSheetHidden(wb.getSheetIndex(Layout.THEIR_ITEMS)));
            XSSFSheet their = wb.getSheet(Layout.THEIR_ITEMS);
            assertEquals("DAC.1.1", their.getRow(their.getLastRowNum() > 0 ? firstRowWithCode(their, "DAC.1.1") : 0).getCell(1).getStringCellValue());
            wb.getSheet("CF Doc").getRow(1).createCell(1).setCellValue("Valley Jobs Board");
            wb.getSheet("CF Doc").getRow(1).createCell(2).setCellValue("Junior Analyst Role");
            XSSFSheet item = wb.getSheet("CF Item");
            item(item, 1, "JA-1", "1", "Prepare data sets for analysis");
            item(item, 2, "JA-1.1", "1.1", "Write SQL to join tables");
            XSSFSheet align = wb.getSheet("Alignments");
            align(align, 1, "JA-1.1", partOf, "DAC.1.1");
            align(align, 2, "JA-1", hasPart, "DAC.1.2");
            try (OutputStream o = Files.newOutputStream(t)) {
                wb.write(o);
            }
        }
        CasePackage p = new WorkbookReader().read(t, "aligned.xlsx").casePackage();
        CaseEntity ja11 = code(p, "JA-1.1"), ja1 = code(p, "JA-1");
        List<CaseEntity> parts = p.associations().stream().filter(a -> a.string("associationType").equals("isPartOf")).toList();
        assertEquals(2, parts.size());
        CaseEntity forward = parts.stream().filter(a -> a.link("originNodeURI").identifier().equals(ja11.identifier())).findFirst().orElseThrow();
        CaseEntity inverse = parts.stream().filter(a -> a.link("destinationNodeURI").identifier().equals(ja1.identifier())).findFirst().orElseThrow();
        try (Registry r = Registry.openTdb2(dir.resolve("store"))) {
            var cert = org.skillgraph.mapping.RdfToCase.toCase(r.frameworkGraph(r.find(CERT)),
                    org.apache.jena.graph.NodeFactory.createURI(r.find(CERT).document()), "1.1");
            assertEquals(code(cert, "DAC.1.1").identifier(), forward.link("destinationNodeURI").identifier());
            assertEquals(code(cert, "DAC.1.1").uri(), forward.link("destinationNodeURI").uri());
            assertEquals(code(cert, "DAC.1.2").identifier(), inverse.link("originNodeURI").identifier());
        }
        assertEquals(0, run("import", "--store", store(), t.toString()), err);
        assertTrue(out.startsWith("imported \"Junior Analyst Role\""), out);
        assertEquals(0, run("explain", "--store", store(), "JA-1.1"), err);
        assertTrue(out.contains("JA-1.1 \"Write SQL to join tables\" " + partOf + " DAC.1.1"), out);
    }

    @Test
    void exportWritesAlignmentsThatReadAsSentencesAndImportsBackUnchanged() throws Exception {
        importSamples();
        Path x = dir.resolve("job.xlsx");
        assertEquals(0, run("export", "--store", store(), "--framework", "625f1aad-c018-5511-8681-4b1001258b3e", "--format", "xlsx", "-o", x.toString()), err);
        Table t = XlsxTables.read(x, "job", n -> n.equals(Layout.ALIGNMENTS)).get(Layout.ALIGNMENTS);
        assertEquals(17, t.rows().size());
        Table.Row row = t.rows().stream().filter(r -> "DA.1.1".equals(r.get(t.column("our code"))) && "DAC.2.1".equals(r.get(t.column("their code"))))
                .findFirst().orElseThrow(() -> new AssertionError(t.rows().stream().map(r -> List.of(r.values()).toString()).toList().toString()));
        assertEquals("Data Analytics Certificate", row.get(t.column("their framework")));
        String readsAs = row.get(t.column("reads as"));
        assertTrue(readsAs.startsWith("DA.1.1 \"Extract data from relational databases") && readsAs.contains(" " + row.get(t.column("relationship")) + " DAC.2.1 \"Write SQL queries"), readsAs);
        assertEquals(0, run("import", "--store", store(), x.toString()), err);
        assertTrue(out.startsWith("unchanged"), out);
    }

    private static int firstRowWithCode(XSSFSheet s, String code) {
        for (Row r : s) if (r.getCell(1) != null && code.equals(r.getCell(1).getStringCellValue())) return r.getRowNum();
        throw new AssertionError("no " + code);
    }

    private static CaseEntity code(CasePackage p, String code) {
        return p.items().stream().filter(i -> code.equals(i.string("humanCodingScheme"))).findFirst().orElseThrow();
    }

    private static void item(XSSFSheet s, int row, String code, String level, String statement) {
        Row r = s.createRow(row);
        r.createCell(Layout.ITEM_COLUMNS.indexOf("humanCodingScheme")).setCellValue(code);
        r.createCell(Layout.ITEM_COLUMNS.indexOf("smartLevel")).setCellValue(level);
        r.createCell(Layout.ITEM_COLUMNS.indexOf("fullStatement")).setCellValue(statement);
    }

    private static void align(XSSFSheet s, int row, String ours, String phrase, String theirs) {
        Row r = s.getRow(row);
        r.createCell(0).setCellValue(ours);
        r.createCell(2).setCellValue(phrase);
        r.createCell(4).setCellValue(theirs);
    }
}
