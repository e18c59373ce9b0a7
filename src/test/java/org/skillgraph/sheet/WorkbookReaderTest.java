package org.skillgraph.sheet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.casejson.CaseEntity;
import org.skillgraph.casejson.CasePackage;
import org.skillgraph.casejson.ReadResult;
import org.skillgraph.casejson.Repair;
import org.skillgraph.pipeline.Loaded;
import org.skillgraph.pipeline.Pipeline;
import org.skillgraph.pipeline.Source;
import org.skillgraph.vocab.Iris;
import org.skillgraph.vocab.SG;

import java.io.OutputStream;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A workbook written by LibreOffice (not by skillgraph) with the habits real files have, and the
 * same framework as CSV sheets: both read into the same framework.
 */
class WorkbookReaderTest {
    @TempDir Path dir;

    static Path fixture(String name) {
        try {
            return Path.of(WorkbookReaderTest.class.getResource("/sheets/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ReadResult read(Path p) { return new WorkbookReader().read(p, p.getFileName().toString()); }

    static Map<String, CaseEntity> byCode(CasePackage p) {
        return p.items().stream().collect(Collectors.toMap(i -> i.string("humanCodingScheme"), Function.identity()));
    }

    static boolean repaired(ReadResult r, String pointer, String words) {
        return r.repairs().stream().anyMatch(x -> x.pointer().equals(pointer) && x.message().contains(words));
    }

    @Test
    void libreOfficeWorkbookAndCsvFolderGiveTheSameFramework() {
        Pipeline pipeline = new Pipeline();
        Loaded xlsx = pipeline.validate(Source.file(fixture("authored.xlsx")));
        Loaded csv = pipeline.validate(Source.file(fixture("authored-csv")));
        assertTrue(xlsx.report().conforms(), xlsx.report().toText());
        assertTrue(csv.report().conforms(), csv.report().toText());
        assertEquals(10, xlsx.graph().items());
        assertEquals(3 + 10, xlsx.graph().associations());
        Graph a = xlsx.graph().graph(), b = csv.graph().graph();
        assertTrue(a.isIsomorphicWith(b), "xlsx: " + a.size() + " triples, csv: " + b.size());
    }

    @Test
    void spreadsheetHabitsAreReadAsMeant() {
        ReadResult r = read(fixture("authored.xlsx"));
        CasePackage p = r.casePackage();
        Map<String, CaseEntity> items = byCode(p);
        // date cell -> ISO date; the framework's date becomes every entity's lastChangeDateTime
        assertEquals("2026-11-20T00:00:00", p.document().string("lastChangeDateTime"));
        assertEquals("2026-09-01", p.document().string("statusStartDate"));
        // formula: its cached value
        assertEquals("Compute the median and interquartile range of a numeric column", items.get("DAF-2.2.1").string("fullStatement"));
        // merged cell D3:D4: its value in both rows
        assertEquals("Competency", items.get("DAF-1.2").string("CFItemType"));
        // smartLevel typed as numbers: 1.10 in a 0.00 format stays 1.10; 1.1 in General is read, with a note naming the cell
        assertEquals(BigInteger.TEN, childOf(p, items.get("DAF-1.10")).values().get("sequenceNumber"));
        assertTrue(repaired(r, "CF Item!A3", "typed as the number 1.1"), r.repairs().toString());
        assertFalse(r.repairs().stream().anyMatch(x -> x.pointer().equals("CF Item!A5")), r.repairs().toString());
        // hidden row and hidden sheet are read, and said
        assertTrue(items.containsKey("DAF-2.2.1"));
        assertTrue(repaired(r, "CF Item row 9", "hidden row"), r.repairs().toString());
        assertTrue(repaired(r, "CF Association", "hidden"), r.repairs().toString());
        assertEquals(3, p.associations().stream().filter(a -> !a.string("associationType").equals("isChildOf")).count());
        // trailing formatted rows are no items; the extra column is an extension field
        assertEquals(10, p.items().size());
        assertEquals("p. 6", items.get("DAF-2.2.1").unknown().get("Source Page").asText());
        assertTrue(repaired(r, "CF Item!G1", "not a CASE field"), r.repairs().toString());
        // lists
        assertEquals(List.of("13", "14"), items.get("DAF-1").values().get("educationLevel"));
        assertEquals(List.of("Data Analysis", "Information Technology"), p.document().values().get("subject"));
    }

    private static CaseEntity childOf(CasePackage p, CaseEntity item) {
        return p.associations().stream().filter(a -> a.string("associationType").equals("isChildOf")
                && a.link("originNodeURI").identifier().equals(item.identifier())).findFirst().orElseThrow();
    }

    @Test
    void hierarchyAndOrderComeFromSmartLevel() {
        CasePackage p = read(fixture("authored-csv")).casePackage();
        Map<String, CaseEntity> items = byCode(p);
        CaseEntity a = childOf(p, items.get("DAF-2.2.1"));
        assertEquals(items.get("DAF-2.2").identifier(), a.link("destinationNodeURI").identifier());
        assertEquals(BigInteger.ONE, a.values().get("sequenceNumber"));
        CaseEntity top = childOf(p, items.get("DAF-3"));
        assertEquals(p.document().identifier(), top.link("destinationNodeURI").identifier());
        assertEquals(BigInteger.valueOf(3), top.values().get("sequenceNumber"));
        // associations name their ends by code; one points outside the framework
        CaseEntity exact = p.associations().stream().filter(x -> x.string("associationType").equals("exactMatchOf")).findFirst().orElseThrow();
        assertEquals(items.get("DAF-1.2").identifier(), exact.link("originNodeURI").identifier());
        assertEquals("0fcf8158-ed78-5a80-b596-cd2b68ee6901", exact.link("destinationNodeURI").identifier());
    }

    @Test
    void emptyIdentifiersAreStableNameBasedUuids() {
        CasePackage once = read(fixture("authored-csv")).casePackage();
        CasePackage again = read(fixture("authored.xlsx")).casePackage();
        String fw = once.document().identifier();
        assertTrue(Iris.UUID.matcher(fw).matches(), fw);
        assertEquals(fw, again.document().identifier());
        CaseEntity item = byCode(once).get("DAF-2.1");
        assertEquals(Iris.stableIdentifier(fw, "CFItem code DAF-2.1"), item.identifier());
        assertEquals(item.identifier(), byCode(again).get("DAF-2.1").identifier());
        assertEquals("urn:uuid:" + item.identifier(), item.uri());
        assertNotEquals(item.identifier(), byCode(once).get("DAF-2.2").identifier());
    }

    @Test
    void zipOfCsvSheetsReadsLikeTheFolder() throws Exception {
        Path zip = dir.resolve("framework.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip));
             var files = Files.list(fixture("authored-csv"))) {
            for (Path f : files.toList()) {
                z.putNextEntry(new ZipEntry("export/" + f.getFileName()));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        }
        Graph a = new Pipeline().convert(Source.file(zip)).graph().graph();
        Graph b = new Pipeline().convert(Source.file(fixture("authored-csv"))).graph().graph();
        assertTrue(a.isIsomorphicWith(b));
        assertTrue(a.contains(Node.ANY, SG.skosNotation, NodeFactory.createLiteralString("DAF-1.10")));
    }

    @Test
    void aMillionFormattedEmptyRowsCostNoItems() throws Exception {
        Path big = dir.resolve("big.xlsx");
        Path src = fixture("authored.xlsx");
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(src.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(big))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet2.xml")) {
                    String xml = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                    int cut = xml.indexOf("</sheetData>");
                    out.write(xml.substring(0, cut).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    StringBuilder sb = new StringBuilder();
                    for (int r = 1012; r <= 1_048_576; r++) {
                        sb.append("<row r=\"").append(r).append("\" s=\"4\" customFormat=\"1\"><c r=\"A").append(r).append("\" s=\"4\"/></row>");
                        if (sb.length() > 1 << 16) { out.write(sb.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII)); sb.setLength(0); }
                    }
                    out.write(sb.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    out.write(xml.substring(cut).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } else out.write(bytes);
                out.closeEntry();
            }
        }
        ReadResult r = read(big);
        assertEquals(10, r.casePackage().items().size());
    }

    @Test
    void exportedWorkbookOpensInPoiWithTextLevels(@TempDir Path tmp) throws Exception {
        CasePackage p = read(fixture("authored-csv")).casePackage();
        Path out = tmp.resolve("out.xlsx");
        try (OutputStream o = Files.newOutputStream(out)) {
            new WorkbookWriter().write(p, o);
        }
        ReadResult back = read(out);
        assertEquals(p.items().size(), back.casePackage().items().size());
        assertEquals("1.10", back.casePackage().items().stream().filter(i -> "DAF-1.10".equals(i.string("humanCodingScheme")))
                .findFirst().map(i -> smartLevelOf(out, i)).orElseThrow());
        // the implied isChildOf associations are not repeated in CF Association
        Table t = XlsxTables.read(out, "out", n -> n.equals(Layout.ASSOCIATION)).get(Layout.ASSOCIATION);
        assertEquals(3, t.rows().size());
    }

    private static String smartLevelOf(Path xlsx, CaseEntity item) {
        Table t = XlsxTables.read(xlsx, "out", n -> n.equals(Layout.ITEM)).get(Layout.ITEM);
        int code = t.column("humanCodingScheme"), level = t.column("smartLevel");
        return t.rows().stream().filter(r -> item.string("humanCodingScheme").equals(r.get(code))).findFirst().orElseThrow().get(level);
    }
}
