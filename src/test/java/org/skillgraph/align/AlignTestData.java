package org.skillgraph.align;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.skillgraph.reference.esco.EscoSchemes;
import org.skillgraph.reference.onet.OnetIris;
import org.skillgraph.store.Registry;

import java.io.InputStream;
import java.util.List;

/** The test subset: 20 O*NET occupations and 20 ESCO occupations (plus one ISCO group), and their gold pairs. */
final class AlignTestData {
    private AlignTestData() {}

    static Graph graph(String resource) {
        Graph g = GraphFactory.createGraphMem();
        try (InputStream in = AlignTestData.class.getResourceAsStream("/align/" + resource)) {
            RDFParser.source(in).lang(Lang.TURTLE).parse(g);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return g;
    }

    static void load(Registry r) {
        r.importReference(NodeFactory.createURI(OnetIris.GRAPH_IRI), graph("onet-occupations.ttl"), "O*NET subset", "29.3",
                null, null, null, n -> {});
        r.importReference(EscoSchemes.GRAPH, graph("esco-occupations.ttl"), "ESCO subset", "1.2", null, null, null, n -> {});
    }

    static java.nio.file.Path gold() {
        try {
            return java.nio.file.Path.of(AlignTestData.class.getResource("/align/gold.csv").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gold pairs (ESCO IRI, O*NET code) from gold.csv. */
    static List<Gold.Pair> goldPairs() {
        List<String[]> rows = Gold.readRows(gold());
        return rows.subList(1, rows.size()).stream().map(r -> new Gold.Pair(r[1], r[2])).toList();
    }
}
