package org.skillgraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.testutil.TestData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code skillgraph recommend} on the sample Data Analyst Job Role as the target framework. */
class RecommendCommandTest {
    static final String ROLE = "625f1aad-c018-5511-8681-4b1001258b3e";
    @TempDir Path dir;
    String out, err;

    int run(String... args) {
        org.skillgraph.testutil.Cli r = org.skillgraph.testutil.Cli.run(args);
        out = r.out();
        err = r.err();
        return r.code();
    }

    String store() { return dir.resolve("store").toString(); }

    static String fixture(String name) throws Exception {
        return Path.of(RecommendCommandTest.class.getResource("/recommend/" + name).toURI()).toString();
    }

    @BeforeEach
    void importRole() {
        assertEquals(0, run("import", "--store", store(), TestData.sample("data-analyst-job-role.json").toString()), err);
    }

    @Test
    void jsonGivesEachSentenceItsConceptsAndTheDocumentItsSupportedConcepts() throws Exception {
        assertEquals(0, run("recommend", "--store", store(), "--target", ROLE, "--method", "bm25", "--top", "3", "--format", "json",
                fixture("syllabus.docx")), err);
        JsonNode j = new ObjectMapper().readTree(out);
        assertEquals(ROLE, j.at("/target/scheme").asText());
        assertEquals("bm25", j.get("method").asText());
        JsonNode ps = j.get("passages");
        assertEquals(7, ps.size());
        JsonNode sql = ps.get(2);
        assertEquals("Write SQL queries that join and aggregate tables", sql.get("text").asText());
        assertEquals("bullet", sql.get("kind").asText());
        assertEquals(3, sql.get("recommendations").size());
        assertEquals("DA.1.1", sql.at("/recommendations/0/notation").asText());
        assertEquals("technical", sql.at("/recommendations/0/type").asText());
        JsonNode doc = j.get("recommendations");
        assertTrue(doc.size() > 3 && doc.size() <= 20, doc.toString());
        boolean found = false;
        for (JsonNode d : doc)
            if (d.get("notation").asText().equals("DA.1.1")) {
                found = true;
                List<Integer> support = new java.util.ArrayList<>();
                d.get("support").forEach(n -> support.add(n.asInt()));
                assertTrue(support.contains(3), "passage 3 (the SQL item, numbered from 1) supports DA.1.1: " + support);
            }
        assertTrue(found, doc.toString());
    }

    @Test
    void tableWithTheDefaultEngine() throws Exception {
        assertEquals(0, run("recommend", "--store", store(), "--target", ROLE, fixture("syllabus.html")), err);
        assertTrue(out.contains("7 passages; target " + ROLE + " (26 concepts), method fusion"), out);
        assertTrue(out.contains("whole document"), out);
        String sqlBlock = out.substring(out.indexOf("Write SQL queries that join and aggregate tables"));
        assertTrue(sqlBlock.lines().skip(1).findFirst().orElseThrow().contains("DA.1.1"), sqlBlock);
    }

    @Test
    void tsvHasOneRowPerRecommendation() throws Exception {
        assertEquals(0, run("recommend", "--store", store(), "--target", ROLE, "--method", "bm25", "--format", "tsv",
                "--top", "2", "--document-top", "4", fixture("syllabus.pdf")), err);
        List<String> lines = out.lines().toList();
        assertEquals(String.join("\t", RecommendCommand.TSV_COLUMNS), lines.get(0));
        assertEquals(1 + 4 + 7 * 2, lines.size(), out);
        assertTrue(lines.stream().allMatch(l -> l.split("\t", -1).length == RecommendCommand.TSV_COLUMNS.size()), out);
    }

    @Test
    void evaluateScoresTheGoldAndWritesRankings() throws Exception {
        Path rankings = dir.resolve("rankings.tsv");
        assertEquals(0, run("recommend", "evaluate", "--store", store(), "--target", ROLE, "--method", "bm25",
                "--gold", fixture("gold.tsv"), "--rankings", rankings.toString()), err);
        assertTrue(out.contains("gold 8 rows, 5 sentences, 4 with a gold concept; 3 labels ignored"), out);
        assertTrue(out.contains("n=4  Hit@1="), out);
        List<String> r = Files.readAllLines(rankings);
        assertEquals("sentence\ttarget\trank\tscore", r.get(0));
        assertEquals(1 + 5 * 10, r.size(), "every query's top 10");
        assertTrue(r.get(1).startsWith("Write SQL queries that join and aggregate tables from the data warehouse\t"), r.get(1));
        assertTrue(r.get(1).split("\t")[2].equals("1"));
    }

    @Test
    void draftWorkbookHasOneItemPerSentenceWithItsAlignmentsAndImports() throws Exception {
        Path draft = dir.resolve("draft.xlsx");
        assertEquals(0, run("recommend", "--store", store(), "--target", ROLE, "--method", "bm25", "--top", "2",
                "--draft", draft.toString(), fixture("syllabus.html")), err);
        assertTrue(err.contains("draft framework \"Draft from syllabus.html\" written to"), err);
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(draft))) {
            org.apache.poi.ss.usermodel.Sheet items = wb.getSheet("CF Item");
            assertEquals(7, items.getLastRowNum(), "a header and one row per sentence");
            org.apache.poi.ss.usermodel.Sheet al = wb.getSheet("Alignments");
            assertNotNull(al);
            assertEquals(7 * 2, al.getLastRowNum(), "two recommendations per sentence");
            StringBuilder all = new StringBuilder();
            for (org.apache.poi.ss.usermodel.Row r : al) for (org.apache.poi.ss.usermodel.Cell c : r) all.append(c.toString()).append('|');
            assertTrue(all.toString().contains("Write SQL queries that join and aggregate tables"), all.toString());
            assertTrue(all.toString().contains("is related to"), all.toString());
            assertTrue(all.toString().contains("DA.1.1"), all.toString());
        }
        assertEquals(0, run("import", "--store", store(), draft.toString()), err + out);
        assertTrue(out.contains("Draft from syllabus.html"), out);
    }

    @Test
    void unknownTargetAndMissingFilesAreUserErrors() throws Exception {
        assertEquals(Main.REJECTED, run("recommend", "--store", store(), "--target", "no-such-scheme", fixture("syllabus.html")));
        assertTrue(err.contains("no scheme 'no-such-scheme'"), err);
        assertEquals(Main.USAGE, run("recommend", "--store", store(), fixture("syllabus.html")));
        assertTrue(err.contains("--target"), err);
        assertEquals(Main.REJECTED, run("recommend", "--store", store(), "--target", ROLE, dir.resolve("missing.txt").toString()));
        assertTrue(err.contains("missing.txt"), err);
    }
}
