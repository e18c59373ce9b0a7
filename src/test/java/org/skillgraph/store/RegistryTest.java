package org.skillgraph.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.mapping.FrameworkGraph;
import org.skillgraph.pipeline.Pipeline;
import org.skillgraph.pipeline.Source;
import org.skillgraph.testutil.TestData;
import org.skillgraph.vocab.SG;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Storage on a real TDB2 folder in a temp dir; {@link SparqlRegistryTest} runs the same on an external store. */
class RegistryTest {
    /** The store under test, opened again on the same data when called again in one test. */
    Registry open(Path dir) { return Registry.openTdb2(dir); }

    static FrameworkGraph certificate() {
        return new Pipeline().convert(Source.file(TestData.sample("data-analytics-certificate.json"))).graph();
    }

    static FrameworkGraph changed(FrameworkGraph fg) {
        Graph g = GraphFactory.createGraphMem();
        fg.graph().find().forEachRemaining(g::add);
        g.add(Triple.create(fg.document(), SG.sg("notes"), NodeFactory.createLiteralString("second edition")));
        return new FrameworkGraph(fg.identifier(), fg.document(), g, fg.pointers(), fg.items(), fg.associations(), fg.caseVersion());
    }

    @Test
    void importStoresGraphAndCatalogAndSurvivesReopening(@TempDir Path dir) {
        FrameworkGraph fg = certificate();
        try (Registry r = open(dir)) {
            ImportResult res = r.importFramework(fg, "file:///x.json", "Data Analytics Certificate", "p", "1.0");
            assertFalse(res.replaced());
            assertEquals(fg.graph().size(), res.entry().triples());
            assertEquals(33, res.entry().items());
        }
        try (Registry r = open(dir)) {
            CatalogEntry e = r.find(fg.identifier());
            assertEquals("Data Analytics Certificate", e.title());
            assertEquals(fg.document().getURI(), r.find(fg.document().getURI()).document());
            assertEquals(Registry.contentHash(fg.graph()), Registry.contentHash(r.frameworkGraph(e)));
            assertEquals("file:///x.json", e.source());
        }
    }

    @Test
    void reimportReplacesAndRecordsThePreviousVersion(@TempDir Path dir) {
        FrameworkGraph v1 = certificate();
        try (Registry r = open(dir)) {
            r.importFramework(v1, "a", "t", null, null);
            ImportResult same = r.importFramework(v1, "a", "t", null, null);
            assertTrue(same.unchanged());
            ImportResult res = r.importFramework(changed(v1), "b", "t", null, null);
            assertTrue(res.replaced());
            assertEquals(2, res.entry().importVersion());
            assertTrue(res.entry().previousVersion().endsWith(":v1"), res.entry().previousVersion());
            assertEquals(v1.graph().size() + 1, r.frameworkGraph(res.entry()).size());
            assertEquals(1, r.list().size());
        }
    }

    @Test
    void importThatFailsHalfWayLeavesThePreviousVersionIntact(@TempDir Path dir) {
        FrameworkGraph v1 = certificate();
        try (Registry r = open(dir)) {
            r.importFramework(v1, "a", "t", null, null);
            CatalogEntry before = r.find(v1.identifier());
            long quadsBefore = r.size();
            RuntimeException boom = new RuntimeException("disk full (simulated)");
            // The progress callback runs inside the write transaction after each batch of triples.
            FrameworkGraph big = changed(v1);
            long[] failedAt = new long[1];
            assertThrows(RuntimeException.class, () -> r.importFramework(big, "b", "t", null, null, 0, n -> {
                failedAt[0] = n;
                throw boom;
            }));
            assertTrue(failedAt[0] > 0 && failedAt[0] < big.graph().size(), "failed half way, at " + failedAt[0]);
            assertEquals(quadsBefore, r.size());
            CatalogEntry after = r.find(v1.identifier());
            assertEquals(before, after);
            assertEquals(before.contentHash(), Registry.contentHash(r.frameworkGraph(after)));
        }
    }

    @Test
    void queriesSeeTheUnionOfAllFrameworks(@TempDir Path dir) {
        try (Registry r = open(dir)) {
            Pipeline p = new Pipeline();
            for (String f : List.of("data-analytics-certificate.json", "data-analyst-job-role.json"))
                p.importInto(r, Source.file(TestData.sample(f)), n -> {});
            long items = r.read(ds -> {
                try (QueryExecution qe = r.query(QueryFactory.create(
                        "SELECT (COUNT(?i) AS ?n) WHERE { ?i a <https://w3id.org/skillgraph/ns#Competency> ; <https://w3id.org/skillgraph/ns#framework> ?f }"))) {
                    return qe.execSelect().next().getLiteral("n").getLong();
                }
            });
            long expected = r.list().stream().mapToLong(CatalogEntry::items).sum();
            assertEquals(expected, items);
            assertEquals(2, r.list().size());
            r.remove(r.list().get(0).identifier());
            assertEquals(1, r.list().size());
        }
    }

    @Test
    void contentHashIgnoresOrderButNotContent() {
        FrameworkGraph fg = certificate();
        Graph reversed = GraphFactory.createGraphMem();
        List<Triple> ts = fg.graph().find().toList();
        for (int i = ts.size() - 1; i >= 0; i--) reversed.add(ts.get(i));
        assertEquals(Registry.contentHash(fg.graph()), Registry.contentHash(reversed));
        assertNotEquals(Registry.contentHash(fg.graph()), Registry.contentHash(changed(fg).graph()));
    }
}
