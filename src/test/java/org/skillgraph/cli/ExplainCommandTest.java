package org.skillgraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.testutil.MiniCase;
import org.skillgraph.testutil.TestData;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code skillgraph explain} on the sample frameworks, in a TDB2 store made once. */
class ExplainCommandTest {
    @TempDir static Path dir;
    static String out, err;

    static final String DAC_2_3 = "064b45fa-c721-5aeb-b58d-ff9861bcbff9";
    static final String DAC_2_3_TEXT = "\"Clean and transform raw datasets using spreadsheet functions and SQL to prepare them for analysis.\"";
    static final String DA_1_2_TEXT = "\"Clean, validate and transform raw operational data so that it is accurate, consistent and ready for analysis.\"";

    static int run(String... args) {
        org.skillgraph.testutil.Cli r = org.skillgraph.testutil.Cli.run(args);
        out = r.out();
        err = r.err();
        return r.code();
    }

    static String store() { return dir.resolve("store").toString(); }

    @BeforeAll
    static void importSamples() {
        MiniCase one = new MiniCase("First").cited().child("A", "Analyze data", "DOC");
        MiniCase two = new MiniCase("Second").cited().child("A", "Automate reports", "DOC");
        assertEquals(0, run("import", "--store", store(), TestData.projectDir().resolve("data").toString(),
                one.write(dir).toString(), two.write(dir).toString()), err);
    }

    @Test
    void anItemsAssociationsBothWaysWithBothStatements() {
        assertEquals(0, run("explain", "--store", store(), "DAC.2.3"), err);
        assertTrue(out.startsWith("DAC.2.3 " + DAC_2_3_TEXT + " (Data Analytics Certificate)\n"), out);
        assertTrue(out.contains("From DAC.2.3 (2):\n  DAC.2.3 " + DAC_2_3_TEXT + " is a child of DAC.2 \"Data Preparation and SQL\"  [isChildOf]"), out);
        // stated by the job role's package, about a certificate item
        assertTrue(out.contains("To DAC.2.3 (2):"), out);
        assertTrue(out.contains("  DA.1.2 " + DA_1_2_TEXT + " is the same as DAC.2.3 " + DAC_2_3_TEXT
                + "  [exactMatchOf; DA.1.2 is in \"Data Analyst Job Role\"]\n    read from DAC.2.3: DAC.2.3 has exact match DA.1.2\n"), out);
        assertTrue(out.contains("    read from DAC.2.3: DAC.2.3 is the parent of DAC.2.3.1\n"), out);
    }

    @Test
    void jsonHasBothSentencesAndBothEnds() throws Exception {
        assertEquals(0, run("explain", "--store", store(), "--format", "json", "https://case.example.edu/uri/" + DAC_2_3), err);
        JsonNode j = new ObjectMapper().readTree(out);
        assertEquals("item", j.get("kind").asText());
        assertEquals("DAC.2.3", j.get("subject").get("humanCodingScheme").asText());
        assertEquals(4, j.get("associations").size(), out);
        JsonNode match = null;
        for (JsonNode a : j.get("associations")) if (a.get("associationType").asText().equals("exactMatchOf")) match = a;
        assertEquals("incoming", match.get("direction").asText());
        assertEquals("DA.1.2 " + DA_1_2_TEXT + " is the same as DAC.2.3 " + DAC_2_3_TEXT, match.get("sentence").asText());
        assertEquals("DAC.2.3 " + DAC_2_3_TEXT + " has exact match DA.1.2 " + DA_1_2_TEXT, match.get("inverseSentence").asText());
        assertEquals("Data Analyst Job Role", match.get("statedIn").asText());
        assertEquals("Data Analyst Job Role", match.get("origin").get("framework").asText());
    }

    @Test
    void anAssociationByItsIdentifier() {
        assertEquals(0, run("explain", "--store", store(), "794dcc82-1f46-5ffb-8e17-b7271d6eed57"), err);
        assertTrue(out.startsWith("association 794dcc82-1f46-5ffb-8e17-b7271d6eed57 (exactMatchOf, stated in \"Data Analyst Job Role\")\n  DA.1.1 \""), out);
        assertTrue(out.contains(" is the same as DAC.2.1 \""), out);
        assertTrue(out.contains("read from the destination: DAC.2.1 \""), out);
        assertTrue(out.contains(" has exact match DA.1.1 \""), out);
    }

    @Test
    void unknownIsNotFound() {
        assertEquals(Main.REJECTED, run("explain", "--store", store(), "XYZ.9"));
        assertTrue(err.startsWith("rejected: no item or association 'XYZ.9' in the store"), err);
    }

    @Test
    void aCodeOfSeveralFrameworksNeedsTheFramework() {
        MiniCase first = new MiniCase("First");
        assertEquals(Main.REJECTED, run("explain", "--store", store(), "A"));
        assertTrue(err.contains("2 stored items or associations have this name"), err);
        assertTrue(err.contains("A \"Analyze data\" in \"First\"") && err.contains("A \"Automate reports\" in \"Second\""), err);
        assertEquals(0, run("explain", "--store", store(), "--framework", first.id("DOC"), "A"), err);
        assertTrue(out.startsWith("A \"Analyze data\" (First)\n"), out);
        assertTrue(out.contains("A \"Analyze data\" is a child of \"First\"  [isChildOf]"), out);
    }

    @Test
    void badFormatIsAUsageError() {
        assertEquals(Main.USAGE, run("explain", "--store", store(), "--format", "xml", "DAC.2.3"));
    }
}
