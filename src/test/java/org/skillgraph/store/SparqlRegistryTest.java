package org.skillgraph.store;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.error.StoreUnavailableException;
import org.skillgraph.mapping.FrameworkGraph;
import org.skillgraph.testutil.TestFuseki;
import org.skillgraph.vocab.Iris;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The storage tests of {@link RegistryTest} on an external SPARQL 1.1 store (a Fuseki server of its own), and its faults. */
class SparqlRegistryTest extends RegistryTest {
    final TestFuseki fuseki = TestFuseki.start();

    @Override
    Registry open(Path dir) { return Registry.openSparql(fuseki.endpoints()); }

    @AfterEach
    void stopStore() { fuseki.close(); }

    @Test
    void anImportIsOneGraphStorePutWhateverItsSize(@TempDir Path dir) {
        FrameworkGraph fg = certificate();
        try (Registry r = open(dir)) {
            int before = fuseki.requests();
            r.importFramework(fg, "a", "t", null, null);
            // catalog read, PUT of the framework graph, which kept versions to keep, catalog update, catalog read-back
            assertEquals(5, fuseki.requests() - before);
            Node g = Iris.frameworkGraph(fg.identifier());
            DatasetGraph stored = fuseki.dataset();
            long triples = Txn.calculateRead(stored, () -> stored.getGraph(g).size());
            assertEquals(fg.graph().size(), triples);
            assertEquals(fg.graph().size(), r.find(fg.identifier()).triples());
        }
    }

    @Test
    void aFailedCatalogUpdateLeavesTheNewGraphAndImportingAgainRepairsIt(@TempDir Path dir) {
        FrameworkGraph v1 = certificate(), v2 = changed(v1);
        try (Registry r = open(dir)) {
            r.importFramework(v1, "a", "t", null, null);
            fuseki.failUpdates(true);
            StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> r.importFramework(v2, "b", "t", null, null));
            assertTrue(e.getMessage().contains(fuseki.datasetUrl()) && e.getMessage().contains("500"), e.getMessage());
            // The graph was replaced (one PUT); the catalog still describes version 1.
            CatalogEntry stale = r.find(v1.identifier());
            assertEquals(1, stale.importVersion());
            assertEquals(Registry.contentHash(v2.graph()), Registry.contentHash(r.frameworkGraph(stale)));
            fuseki.failUpdates(false);
            ImportResult again = r.importFramework(v2, "b", "t", null, null);
            assertFalse(again.unchanged());
            assertEquals(2, again.entry().importVersion());
            assertEquals(Registry.contentHash(v2.graph()), again.entry().contentHash());
        }
    }

    @Test
    void writesThroughTheDatasetAreOneUpdateAtCommitAndNothingOnAbort(@TempDir Path dir) {
        Node g = NodeFactory.createURI("urn:test:g"), s = NodeFactory.createURI("urn:test:s"), p = NodeFactory.createURI("urn:test:p");
        try (Registry r = open(dir)) {
            DatasetGraph d = r.dataset();
            int before = fuseki.requests();
            Txn.executeWrite(d, () -> {
                d.add(g, s, p, NodeFactory.createLiteralString("one"));
                d.add(g, s, p, NodeFactory.createLiteralString("two"));
                d.deleteAny(g, s, p, NodeFactory.createLiteralString("one"));
                d.add(g, s, p, NodeFactory.createLiteralString("three"));
            });
            assertEquals(1, fuseki.requests() - before);
            assertEquals(2L, (long) r.read(x -> x.getGraph(g).size()));
            d.begin(org.apache.jena.query.ReadWrite.WRITE);
            d.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
            d.abort();
            d.end();
            assertEquals(2L, (long) r.read(x -> x.getGraph(g).size()));
        }
    }

    @Test
    void aStoreThatIsDownIsAClearErrorNamingItsAddress() {
        String url = fuseki.endpoints().query();
        fuseki.close();
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> Registry.openSparql(fuseki.endpoints()));
        assertTrue(e.getMessage().startsWith("the store at " + url + " could not be reached"), e.getMessage());
    }

    @Test
    void credentialsAreSentAndARefusalSaysSo(@TempDir Path dir) {
        try (TestFuseki guarded = TestFuseki.withToken("s3cret")) {
            StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> Registry.openSparql(guarded.endpoints()));
            assertTrue(e.getMessage().contains("refused the credentials (HTTP 401)"), e.getMessage());
            try (Registry r = Registry.openSparql(guarded.endpoints(SparqlEndpoints.bearer("s3cret")))) {
                r.importFramework(certificate(), "a", "t", null, null);
                assertEquals(1, r.list().size());
                assertEquals(certificate().graph().size(), r.frameworkGraph(r.list().get(0)).size());
            }
        }
    }

    @Test
    void aStoreWithoutTheUnionDefaultGraphIsRefused(@TempDir Path dir) {
        try (TestFuseki plain = TestFuseki.withoutUnionDefaultGraph()) {
            try (Registry r = Registry.openSparql(plain.endpoints())) {
                r.importFramework(certificate(), "a", "t", null, null);
            }
            StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> Registry.openSparql(plain.endpoints()));
            assertTrue(e.getMessage().contains("union of its named graphs"), e.getMessage());
        }
    }

    @Test
    void endpointsMustBeHttpUrls() {
        assertThrows(IllegalArgumentException.class, () -> SparqlEndpoints.of("ftp://x/ds", null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> SparqlEndpoints.of("not a url", null, null, null, null));
        SparqlEndpoints e = SparqlEndpoints.of("http://h/ds", null, "http://h/ds/update", null, SparqlEndpoints.basic("u", "p"));
        assertEquals("http://h/ds", e.query());
        assertEquals("http://h/ds/update", e.update());
        assertFalse(e.toString().contains("Basic"), e.toString());
    }
}
