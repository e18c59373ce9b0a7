package org.skillgraph.pipeline;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.skillgraph.reference.onet.OnetImporter;
import org.skillgraph.store.Registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample data that {@code serve} loads into an empty store, shipped in the jar under
 * {@code /sample-data/} (the repository's {@code data/}): the frameworks named in
 * {@code /sample-data.txt}, the O*NET subset ({@code data/onet-subset/}, the release's own
 * tab-delimited files) and the accepted alignments of the sample frameworks to it, with the
 * suggestion runs they came from ({@code data/onet-alignments.trig}, one TriG block per graph).
 */
public final class SampleData {
    private SampleData() {}

    public static final String ONET_FOLDER = "/sample-data/onet-subset/";
    public static final String ALIGNMENTS = "/sample-data/onet-alignments.trig";

    /** What was loaded: framework titles, O*NET triples, quads of alignments and suggestions. */
    public record Loaded(List<String> frameworks, long onetTriples, long alignmentQuads) {}

    /** Loads everything that is in the jar; a part that is missing is left out. */
    public static Loaded load(Registry registry) throws IOException {
        List<String> titles = new ArrayList<>();
        String index;
        try (InputStream in = SampleData.class.getResourceAsStream("/sample-data.txt")) {
            index = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Pipeline pipeline = new Pipeline();
        for (String name : index.strip().split("\\s+")) {
            if (name.isEmpty()) continue;
            titles.add(pipeline.importInto(registry, Source.resource("/sample-data/" + name), n -> {}).result().entry().title());
        }
        long onet = 0;
        if (SampleData.class.getResource(ONET_FOLDER + OnetImporter.OCCUPATION_DATA) != null) {
            Path tmp = Files.createTempDirectory("skillgraph-samples");
            try {
                Path dir = Files.createDirectory(tmp.resolve("onet-subset"));
                List<String> names = new ArrayList<>(OnetImporter.FILES);
                names.add(OnetImporter.README);
                for (String n : names) {
                    try (InputStream in = SampleData.class.getResourceAsStream(ONET_FOLDER + n)) {
                        if (in != null) Files.copy(in, dir.resolve(n));
                    }
                }
                onet = loadOnet(registry, dir);
            } finally {
                try (Stream<Path> s = Files.walk(tmp)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                }
            }
        }
        long quads = 0;
        try (InputStream in = SampleData.class.getResourceAsStream(ALIGNMENTS)) {
            if (in != null) quads = loadAlignments(registry, in);
        }
        return new Loaded(titles, onet, quads);
    }

    /** Imports an O*NET release folder (here: the subset); returns its triple count. */
    public static long loadOnet(Registry registry, Path dir) {
        return OnetImporter.importInto(registry, dir, null, n -> {}).counts().triples();
    }

    /** Adds the graphs of a TriG file (alignments and suggestion runs) in one transaction; returns the quad count. */
    public static long loadAlignments(Registry registry, InputStream trig) {
        DatasetGraph read = DatasetGraphFactory.createTxnMem();
        RDFParser.source(trig).lang(Lang.TRIG).parse(read);
        List<Quad> quads = new ArrayList<>();
        read.find().forEachRemaining(quads::add);
        DatasetGraph d = registry.dataset();
        Txn.executeWrite(d, () -> quads.forEach(d::add));
        registry.touch();
        return quads.size();
    }
}
