package org.skillgraph.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.skillgraph.casejson.*;
import org.skillgraph.testutil.JsonDiff;
import org.skillgraph.testutil.TestData;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** CASE JSON -> RDF -> CASE JSON equals the input apart from the recorded repairs and key order. */
class RoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static void assertRoundTrip(Path file) throws Exception {
        ReadResult read;
        try (InputStream in = Files.newInputStream(file)) {
            read = new CaseReader().read(in, file.toString());
        }
        FrameworkGraph fg = CaseToRdf.convert(read.casePackage());
        CasePackage back = RdfToCase.toCase(fg.graph(), fg.document(), read.casePackage().caseVersion());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CaseWriter(read.casePackage().caseVersion()).write(back, out);
        JsonNode input = JSON.readTree(file.toFile());
        JsonNode output = JSON.readTree(out.toByteArray());
        List<String> repairs = read.repairs().stream().map(Repair::pointer).toList();
        List<String> unexplained = JsonDiff.diff(input, output).stream()
                .filter(p -> !JsonDiff.covered(p, repairs)).toList();
        assertTrue(unexplained.isEmpty(), () -> file.getFileName() + ": differences not explained by a repair: "
                + unexplained.subList(0, Math.min(10, unexplained.size())) + " of " + unexplained.size());
        assertEquals(input.path("CFItems").size(), back.items().size());
        assertEquals(input.path("CFAssociations").size(), back.associations().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"opensalt-what-standards-could-be.json", "data-analytics-certificate.json", "data-analyst-job-role.json"})
    void sampleData(String name) throws Exception {
        assertRoundTrip(TestData.sample(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"opensalt-what-standards-could-be.json", "collegeboard-ap-csp.json", "texas-teks-ch126.json"})
    void realPackages(String name) throws Exception {
        Path dir = TestData.realData();
        Assumptions.assumeTrue(dir != null, "real data not given (-Dskillgraph.realData)");
        assertRoundTrip(dir.resolve("case").resolve(name));
    }
}
