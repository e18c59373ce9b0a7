package org.skillgraph.sheet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.skillgraph.casejson.CaseWriter;
import org.skillgraph.casejson.Repair;
import org.skillgraph.mapping.RdfToCase;
import org.skillgraph.pipeline.Pipeline;
import org.skillgraph.pipeline.Source;
import org.skillgraph.store.CatalogEntry;
import org.skillgraph.store.Registry;
import org.skillgraph.testutil.JsonDiff;
import org.skillgraph.testutil.TestData;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * CASE JSON -> store -> xlsx -> import -> CASE JSON: the framework comes back the same. The
 * stored graphs are isomorphic, and the CASE JSON equals the input apart from the repairs the
 * JSON reader recorded (as in mapping.RoundTripTest).
 */
class SheetRoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static void assertRoundTrip(Path file, Path dir) throws Exception {
        Path xlsx = dir.resolve("framework.xlsx");
        String version;
        Graph first;
        List<String> repairs;
        boolean unknownFields;
        byte[] json1;
        try (Registry a = Registry.openTdb2(dir.resolve("a"))) {
            Pipeline.Stored s = new Pipeline().importInto(a, Source.file(file), n -> {});
            version = s.loaded().read().casePackage().caseVersion();
            repairs = s.loaded().read().repairs().stream().map(Repair::pointer).toList();
            unknownFields = s.loaded().read().repairs().stream().anyMatch(r -> r.message().contains("is not part of"));
            CatalogEntry e = a.find(s.result().entry().identifier());
            first = org.apache.jena.sparql.graph.GraphFactory.createGraphMem();
            org.apache.jena.graph.GraphUtil.addInto(first, a.frameworkGraph(e));
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                new WorkbookWriter().write(RdfToCase.toCase(first, NodeFactory.createURI(e.document()), version), out);
            }
            json1 = export(first, e.document(), version);
        }
        try (Registry b = Registry.openTdb2(dir.resolve("b"))) {
            Pipeline.Stored s = new Pipeline().importInto(b, Source.file(xlsx), n -> {});
            assertEquals(0, s.loaded().report().violations(), s.loaded().report().toText());
            if (!unknownFields) assertTrue(s.loaded().read().repairs().stream().noneMatch(r -> r.message().contains("not a CASE field")),
                    () -> "columns of the export read as extension fields: " + s.loaded().read().repairs());
            CatalogEntry e = b.find(s.result().entry().identifier());
            Graph second = b.frameworkGraph(e);
            byte[] json2 = export(second, e.document(), version);
            List<String> diff = JsonDiff.diff(JSON.readTree(json1), JSON.readTree(json2));
            assertTrue(diff.isEmpty(), () -> file.getFileName() + ": CASE JSON differs after the workbook: " + diff.subList(0, Math.min(10, diff.size())) + " of " + diff.size());
            assertTrue(first.isIsomorphicWith(second), file.getFileName() + ": stored graphs differ (" + first.size() + " vs " + second.size() + " triples)");

            JsonNode input = JSON.readTree(file.toFile());
            List<String> unexplained = JsonDiff.diff(input, JSON.readTree(json2)).stream().filter(p -> !JsonDiff.covered(p, repairs)).toList();
            assertTrue(unexplained.isEmpty(), () -> "differences from the input not explained by a repair: " + unexplained);
        }
    }

    private static byte[] export(Graph g, String doc, String version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CaseWriter(version).write(RdfToCase.toCase(g, NodeFactory.createURI(doc), version), out);
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"opensalt-what-standards-could-be.json", "data-analytics-certificate.json", "data-analyst-job-role.json"})
    void sampleData(String name, @TempDir Path dir) throws Exception {
        assertRoundTrip(TestData.sample(name), dir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"opensalt-what-standards-could-be.json", "collegeboard-ap-csp.json", "texas-teks-ch126.json"})
    void realPackages(String name, @TempDir Path dir) throws Exception {
        Path real = TestData.realData();
        Assumptions.assumeTrue(real != null, "real data not given (-Dskillgraph.realData)");
        assertRoundTrip(real.resolve("case").resolve(name), dir);
    }
}
