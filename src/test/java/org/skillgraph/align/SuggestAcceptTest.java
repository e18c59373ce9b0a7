package org.skillgraph.align;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.cli.AlignCommand;
import org.skillgraph.reference.esco.EscoSchemes;
import org.skillgraph.reference.onet.OnetIris;
import org.skillgraph.store.Registry;
import org.skillgraph.vocab.SG;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** suggest -> accept -> report, through the command line on a TDB2 store, with bm25 (no model needed). */
class SuggestAcceptTest {
    record Result(int code, String out, String err) {}

    static Result run(Path store, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = new CommandLine(new AlignCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> a = new ArrayList<>(List.of(args));
        a.add("--store");
        a.add(store.toString());
        int code = cl.execute(a.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    static List<Quad> quads(Path store) {
        try (Registry r = Registry.openTdb2(store)) {
            return r.read(d -> { List<Quad> l = new ArrayList<>(); d.find().forEachRemaining(l::add); return l; });
        }
    }

    @Test
    void suggestStoresInItsOwnGraphAcceptWritesOnlyAlignments(@TempDir Path store) {
        try (Registry r = Registry.openTdb2(store)) {
            AlignTestData.load(r);
        }
        Set<Quad> before = new HashSet<>(quads(store));

        Result s = run(store, "suggest", "--source", "esco-occupations", "--target", "onet-occupations", "--top", "3",
                "--method", "bm25", "--format", "tsv");
        assertEquals(0, s.code(), s.err());
        String[] lines = s.out().strip().split("\n");
        assertEquals("source\tsource_label\ttarget\ttarget_notation\ttarget_label\tscore\trank", lines[0]);
        assertEquals(1 + 20 * 3, lines.length);
        String[] first = lines[1].split("\t", -1);
        assertEquals(7, first.length);
        assertTrue(first[2].startsWith(OnetIris.OCCUPATION_BASE));
        assertEquals("1", first[6]);

        // Suggestions are all in one new graph, none in the reference graphs.
        Node g = AlignVocab.suggestionGraph(EscoSchemes.OCCUPATIONS, OnetIris.Scheme.OCCUPATIONS.node().getURI(), "bm25");
        List<Quad> afterSuggest = quads(store);
        Set<Node> newGraphs = new HashSet<>();
        for (Quad q : afterSuggest) if (!before.contains(q)) newGraphs.add(q.getGraph());
        assertEquals(Set.of(g), newGraphs);
        assertTrue(before.stream().allMatch(afterSuggest::contains), "published data unchanged");
        long suggestions = afterSuggest.stream().filter(q -> q.getGraph().equals(g) && q.getPredicate().equals(SG.rdfType)
                && q.getObject().equals(AlignVocab.Suggestion)).count();
        assertEquals(60, suggestions);
        assertTrue(afterSuggest.stream().anyMatch(q -> q.getGraph().equals(g) && q.getPredicate().equals(AlignVocab.provWasGeneratedBy)));
        assertTrue(afterSuggest.stream().anyMatch(q -> q.getGraph().equals(g) && q.getPredicate().equals(SG.provGeneratedAtTime)));

        // Accept the best suggestion of each source: only the alignment graph changes.
        Result a = run(store, "accept", "--source", "esco-occupations", "--target", "onet-occupations", "--rank", "1",
                "--type", "closeMatch", "--by", "Ada Lovelace");
        assertEquals(0, a.code(), a.err());
        List<Quad> afterAccept = quads(store);
        Set<Quad> prev = new HashSet<>(afterSuggest);
        List<Quad> added = afterAccept.stream().filter(q -> !prev.contains(q)).toList();
        assertTrue(afterSuggest.stream().allMatch(new HashSet<>(afterAccept)::contains), "nothing removed");
        assertTrue(added.stream().allMatch(q -> q.getGraph().equals(AlignVocab.ALIGNMENTS_GRAPH)), "only the alignment graph");
        Node close = NodeFactory.createURI(SG.SKOS + "closeMatch");
        List<Quad> direct = added.stream().filter(q -> q.getPredicate().equals(close)).toList();
        assertEquals(20, direct.size());
        // Each alignment node: attributed, dated, derived from a stored suggestion.
        List<Quad> derived = added.stream().filter(q -> q.getPredicate().equals(SG.provWasDerivedFrom)).toList();
        assertEquals(20, derived.size());
        for (Quad d : derived) {
            assertTrue(afterSuggest.stream().anyMatch(q -> q.getGraph().equals(g) && q.getSubject().equals(d.getObject())));
            Node n = d.getSubject();
            assertTrue(added.stream().anyMatch(q -> q.getSubject().equals(n) && q.getPredicate().equals(AlignVocab.provWasAttributedTo)
                    && q.getObject().equals(AlignVocab.person("Ada Lovelace"))));
            assertTrue(added.stream().anyMatch(q -> q.getSubject().equals(n) && q.getPredicate().equals(SG.provGeneratedAtTime)));
        }

        // Accept by suggestion IRI.
        Node one = derived.get(0).getObject();
        Result b = run(store, "accept", "--suggestion", one.getURI(), "--type", "exactMatchOf", "--by", "Ada Lovelace");
        assertEquals(0, b.code(), b.err());
        assertTrue(quads(store).stream().anyMatch(q -> q.getGraph().equals(AlignVocab.ALIGNMENTS_GRAPH) && q.getPredicate().equals(SG.exactMatchOf)));
        assertNotEquals(0, run(store, "accept", "--suggestion", "urn:nope", "--type", "exactMatchOf", "--by", "x").code(), "unknown suggestion");

        // Coverage: targets reached by the accepted alignments, the rest listed as gaps.
        Result rep = run(store, "report", "--source", "esco-occupations", "--target", "onet-occupations", "--format", "tsv");
        assertEquals(0, rep.code(), rep.err());
        String[] rows = rep.out().strip().split("\n");
        assertEquals(21, rows.length);
        long covered = java.util.Arrays.stream(rows).skip(1).filter(l -> !l.endsWith("\t0")).count();
        assertTrue(covered >= 10 && covered <= 20, "covered " + covered);
        Result table = run(store, "report", "--source", "esco-occupations", "--target", "onet-occupations");
        assertTrue(table.out().contains("target concepts aligned"), table.out());
    }

    @Test
    void evaluateCommandOnTheSubset(@TempDir Path store) {
        try (Registry r = Registry.openTdb2(store)) {
            AlignTestData.load(r);
        }
        Result e = run(store, "evaluate", "--source", "esco-occupations", "--target", "onet-occupations",
                "--gold", AlignTestData.gold().toString(), "--method", "bm25");
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().contains("whole file:"), e.out());
        assertTrue(e.out().contains("gold pairs whose target is not in the target scheme: 0"), e.out());
    }
}
