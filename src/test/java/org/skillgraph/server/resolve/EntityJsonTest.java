package org.skillgraph.server.resolve;

import org.skillgraph.vocab.SG;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.casejson.CaseWriter;
import org.skillgraph.mapping.RdfToCase;
import org.skillgraph.store.Registry;

import java.nio.file.Path;
import java.util.Iterator;

import static org.junit.jupiter.api.Assertions.*;

/** The few-scans copy the JSON is built from gives exactly what reading the stored graph field by field gives. */
class EntityJsonTest {
    @Test
    void localCopyReadsLikeTheStoredGraph(@TempDir Path dir) {
        try (Registry registry = Samples.registryWithSamples(dir)) {
            int checked = registry.read(dsg -> {
                StoreView v = new StoreView(dsg, new StoreView.FactsCache());
                CaseWriter w = new CaseWriter(CaseWriter.V1_1);
                int n = 0;
                Iterator<Quad> it = dsg.find(Node.ANY, Node.ANY, SG.identifier, Node.ANY);
                while (it.hasNext()) {
                    Quad q = it.next();
                    Resolver.Resolved r = Resolver.byIri(v, q.getSubject().getURI()).orElseThrow();
                    if (r.type() == null) continue;
                    var full = w.entity(RdfToCase.entity(v.graph(r.graph()), r.document(), r.node(), r.type()));
                    var local = w.entity(RdfToCase.entity(EntityJson.local(v, r), r.document(), r.node(), r.type()));
                    assertEquals(full, local, r.node().toString());
                    n++;
                }
                return n;
            });
            assertTrue(checked > 200, "checked " + checked);
        }
    }
}
