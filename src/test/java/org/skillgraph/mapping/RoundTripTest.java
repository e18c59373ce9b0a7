package org.skillgraph.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.skillgraph.casejson.CaseWriter;
import org.skillgraph.casejson.Repair;
import org.skillgraph.pipeline.Pipeline;
import org.skillgraph.pipeline.Source;
import org.skillgraph.store.CatalogEntry;
import org.skillgraph.store.Registry;
import org.skillgraph.testutil.JsonDiff;
import org.skillgraph.testutil.TestData;
import org.skillgraph.vocab.SG;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Import into TDB2, validate, export from the store: the CASE JSON equals the input apart from the
 * recorded repairs and key order, and the counts agree with the file.
 */
class RoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static void assertRoundTrip(Path file, Path storeDir) throws Exception {
        try (Registry registry = Registry.openTdb2(storeDir)) {
            Pipeline.Stored stored = new Pipeline().importInto(registry, Source.file(file), n -> {});
            assertEquals(0, stored.loaded().report().violations(), stored.loaded().report().toText());
            CatalogEntry entry = registry.find(stored.result().entry().identifier());
            Graph g = registry.frameworkGraph(entry);
            String version = stored.loaded().read().casePackage().caseVersion();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new CaseWriter(version).write(RdfToCase.toCase(g, NodeFactory.createURI(entry.document()), version), out);

            JsonNode input = JSON.readTree(file.toFile());
            JsonNode output = JSON.readTree(out.toByteArray());
            List<String> repairs = stored.loaded().read().repairs().stream().map(Repair::pointer).toList();
            List<String> unexplained = JsonDiff.diff(input, output).stream().filter(p -> !JsonDiff.covered(p, repairs)).toList();
            assertTrue(unexplained.isEmpty(), () -> file.getFileName() + ": differences not explained by a repair: "
                    + unexplained.subList(0, Math.min(10, unexplained.size())) + " of " + unexplained.size());

            assertEquals(input.path("CFItems").size(), entry.items());
            assertEquals(input.path("CFAssociations").size(), entry.associations());
            assertEquals(stored.loaded().graph().graph().size(), entry.triples());
            assertEquals(entry.triples(), g.size());
            assertEquals(input.path("CFItems").size(), g.find(Node.ANY, SG.rdfType, SG.skosConcept).toList().size());
            // One direct triple per distinct (origin, type, destination) in the file.
            Set<String> direct = new HashSet<>();
            for (JsonNode a : input.path("CFAssociations"))
                direct.add(a.at("/originNodeURI/identifier").asText() + " " + a.path("associationType").asText() + " " + a.at("/destinationNodeURI/identifier").asText());
            long triples = SG.ASSOCIATION_TYPES.stream().mapToLong(t -> g.find(Node.ANY, SG.sg(t), Node.ANY).toList().size()).sum();
            assertEquals(direct.size(), triples);
        }
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
