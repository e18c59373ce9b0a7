package org.skillgraph.reference.esco;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.system.Txn;
import org.skillgraph.store.Registry;
import org.skillgraph.testutil.TestData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Test data and SPARQL helpers for the ESCO tests. */
final class EscoTestSupport {
    private EscoTestSupport() {}

    static final String PREFIXES = """
            PREFIX esco: <http://data.europa.eu/esco/model#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX dct:  <http://purl.org/dc/terms/>
            PREFIX dcat: <http://www.w3.org/ns/dcat#>
            PREFIX void: <http://rdfs.org/ns/void#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX iso-thes: <http://purl.org/iso25964/skos-thes#>
            PREFIX occ:  <http://data.europa.eu/esco/occupation/>
            PREFIX skill: <http://data.europa.eu/esco/skill/>
            PREFIX isco: <http://data.europa.eu/esco/isco/>
            """;

    static final String DATA_SCIENTIST = "http://data.europa.eu/esco/occupation/258e46f9-0075-4a2e-adae-1ff0477e0f30";
    static final String DATA_ANALYST = "http://data.europa.eu/esco/occupation/d3edb8f8-3a06-47a0-8fb9-9b212c006aa2";
    static final String STATISTICS = "http://data.europa.eu/esco/skill/7ee4c2ea-b349-4bd2-81a3-ec31475d4833";
    static final String HADOOP = "http://data.europa.eu/esco/skill/e46291c7-52b9-4174-bd59-178884861038";
    static final String SHOW_INITIATIVE = "http://data.europa.eu/esco/skill/001115fb-569f-4ee6-8381-c6807ef2527f";

    static Path resources() { return TestData.projectDir().resolve("src/test/resources/esco"); }
    static Path subset() { return resources().resolve("subset"); }
    static Path older() { return resources().resolve("older"); }
    static Path turtle() { return resources().resolve("rdf/esco-sample-v1.1.1.ttl"); }

    /** The rows of a SELECT over the store (default graph: union of all graphs), values as strings. */
    static List<Map<String, String>> select(Registry r, String query) {
        return Txn.calculateRead(r.dataset(), () -> selectInTxn(r, query));
    }

    private static List<Map<String, String>> selectInTxn(Registry r, String query) {
        List<Map<String, String>> out = new ArrayList<>();
        try (QueryExecution qe = r.query(QueryFactory.create(PREFIXES + query))) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                Map<String, String> row = new TreeMap<>();
                s.varNames().forEachRemaining(v -> {
                    RDFNode n = s.get(v);
                    row.put(v, n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString());
                });
                out.add(row);
            }
        }
        return out;
    }

    /** The values of the first variable, sorted. */
    static List<String> values(Registry r, String query) {
        return select(r, query).stream().map(m -> m.values().iterator().next()).sorted().toList();
    }

    static long count(Registry r, String where) {
        return Long.parseLong(select(r, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:skillgraph:reference:esco> { " + where + " } }")
                .get(0).get("n"));
    }

    static boolean ask(Registry r, String where) {
        return Txn.calculateRead(r.dataset(), () -> {
            try (QueryExecution qe = r.query(QueryFactory.create(PREFIXES + "ASK { GRAPH <urn:skillgraph:reference:esco> { " + where + " } }"))) {
                return qe.execAsk();
            }
        });
    }

    /** A copy of a folder of test data, to change. */
    static Path copy(Path from, Path to) {
        try {
            Files.createDirectories(to);
            try (Stream<Path> s = Files.list(from)) {
                for (Path p : s.toList()) Files.copy(p, to.resolve(p.getFileName()));
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
