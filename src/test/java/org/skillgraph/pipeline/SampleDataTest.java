package org.skillgraph.pipeline;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.align.AlignVocab;
import org.skillgraph.align.Reports;
import org.skillgraph.cli.Main;
import org.skillgraph.reference.onet.OnetIris;
import org.skillgraph.store.Registry;
import org.skillgraph.vocab.SG;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** The sample data as `serve` loads it into an empty store, from the classpath (the jar's /sample-data/). */
class SampleDataTest {
    static final String CERTIFICATE = "eb66c1b1-5484-5cd2-ae83-e0adb913f392", JOB_ROLE = "625f1aad-c018-5511-8681-4b1001258b3e";

    @Test
    void frameworksOnetSubsetAndAcceptedAlignmentsLoad(@TempDir Path dir) throws Exception {
        Path storeDir = dir.resolve("store");
        try (Registry r = Registry.openTdb2(storeDir)) {
            SampleData.Loaded l = SampleData.load(r);
            assertEquals(List.of("Data Analytics Certificate", "Data Analyst Job Role", "What Standards Could Be"), l.frameworks());
            assertTrue(l.onetTriples() > 10_000, "O*NET subset: " + l.onetTriples());

            List<Quad> quads = r.read(d -> { List<Quad> q = new ArrayList<>(); d.find().forEachRemaining(q::add); return q; });
            long occupations = quads.stream().filter(q -> q.getGraph().equals(OnetIris.GRAPH) && q.getPredicate().equals(SG.rdfType)
                    && q.getObject().equals(OnetIris.Occupation)).count();
            assertEquals(11, occupations);
            // 26 accepted alignments, each attributed, dated and derived from a suggestion that is in a suggestion graph.
            List<Quad> derived = quads.stream().filter(q -> q.getGraph().equals(AlignVocab.ALIGNMENTS_GRAPH)
                    && q.getPredicate().equals(SG.provWasDerivedFrom)).toList();
            assertEquals(26, derived.size());
            Set<Node> suggestions = quads.stream().filter(q -> q.getGraph().getURI().startsWith("urn:skillgraph:suggestions:")
                    && q.getObject().equals(AlignVocab.Suggestion)).map(Quad::getSubject).collect(Collectors.toSet());
            for (Quad d : derived) assertTrue(suggestions.contains(d.getObject()), "suggestion of " + d);
            Node reviewer = AlignVocab.person("skillgraph sample review");
            assertEquals(26, quads.stream().filter(q -> q.getPredicate().equals(AlignVocab.provWasAttributedTo) && q.getObject().equals(reviewer)).count());
            // Every alignment target is an O*NET skill or knowledge element.
            for (Quad q : quads)
                if (q.getGraph().equals(AlignVocab.ALIGNMENTS_GRAPH) && AlignVocab.TYPES.containsValue(q.getPredicate()))
                    assertTrue(q.getObject().getURI().startsWith(OnetIris.BASE + "element/2."), q.toString());

            // The report parts over it.
            List<Reports.Occupation> occ = Reports.occupations(r, CERTIFICATE);
            assertEquals(10, occ.size(), "11 occupations, Data Scientists has no ratings");
            assertTrue(occ.get(0).share() >= occ.get(occ.size() - 1).share());
            assertTrue(occ.stream().allMatch(o -> o.coveredElements() == 8 && o.ratedElements() == 68), occ.toString());
            List<Reports.Chain> chains = Reports.transitive(r, CERTIFICATE, "onet-elements");
            assertTrue(chains.stream().anyMatch(c -> "DAC.4.1".equals(c.sourceCode()) && "DA.1.4".equals(c.viaCode())
                    && NodeFactory.createURI(c.target()).equals(OnetIris.element("2.B.3.e"))), chains.toString());
            // The other way round: job-role skill -> certificate item -> the certificate's own alignments.
            List<Reports.Chain> back = Reports.transitive(r, JOB_ROLE, "onet-elements");
            assertFalse(back.isEmpty());
            assertTrue(back.stream().allMatch(c -> c.sourceCode().startsWith("DA.") && c.viaCode().startsWith("DAC.")), back.toString());
        }
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.commandLine(new PrintWriter(out), new PrintWriter(err)).execute("align", "report", "--store", storeDir.toString(),
                "--source", CERTIFICATE, "--target", "onet-elements");
        assertEquals(0, code, err.toString());
        String text = out.toString();
        assertTrue(text.contains("coverage of onet-elements by " + CERTIFICATE + ": 8 of 87 target concepts aligned"), text);
        assertTrue(text.contains("O*NET occupations " + CERTIFICATE + " prepares for"), text);
        assertTrue(text.contains("15-1251.00 Computer Programmers"), text);
        assertTrue(text.contains("DAC.4.1    -> DA.1.4   -> 2.B.3.e    Programming"), text);

        StringWriter tsv = new StringWriter();
        assertEquals(0, Main.commandLine(new PrintWriter(tsv), new PrintWriter(err)).execute("align", "report", "--store", storeDir.toString(),
                "--source", CERTIFICATE, "--target", "onet-elements", "--format", "tsv", "--section", "occupations"));
        String[] lines = tsv.toString().strip().split("\n");
        assertEquals("occupation\tcode\ttitle\tweighted_share\tcovered_elements\trated_elements", lines[0]);
        assertEquals(11, lines.length);
    }
}
