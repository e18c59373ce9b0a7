package org.skillgraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.skillgraph.testutil.JsonDiff;
import org.skillgraph.testutil.TestData;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The command line, run in-process with captured output, on a TDB2 store in a temp dir. */
class CliTest {
    @TempDir Path dir;
    String out, err;
    static final String CERT = "eb66c1b1-5484-5cd2-ae83-e0adb913f392";

    int run(String... args) {
        org.skillgraph.testutil.Cli r = org.skillgraph.testutil.Cli.run(args);
        out = r.out();
        err = r.err();
        return r.code();
    }

    String store() { return dir.resolve("store").toString(); }

    @BeforeEach
    void importSamples() {
        assertEquals(0, run("import", "--store", store(), TestData.projectDir().resolve("data").toString()), err);
        assertTrue(out.contains("imported \"Data Analytics Certificate\""), out);
    }

    @Test
    void listShowsFrameworksWithCounts() {
        assertEquals(0, run("list", "--store", store()));
        assertTrue(out.contains("Data Analyst Job Role"), out);
        assertTrue(out.matches("(?s).*Data Analytics Certificate\\s+33\\s+.*"), out);
        assertEquals(4, out.strip().split("\n").length, out);
    }

    @Test
    void reimportSaysUnchanged() {
        assertEquals(0, run("import", "--store", store(), TestData.sample("data-analytics-certificate.json").toString()));
        assertTrue(out.startsWith("unchanged"), out);
    }

    @Test
    void queryInEveryFormat() {
        String q = "SELECT (COUNT(*) AS ?n) WHERE { ?i a sg:Competency }";
        assertEquals(0, run("query", "--store", store(), "--format", "csv", q));
        assertEquals("n\r\n75", out.strip());
        assertEquals(0, run("query", "--store", store(), "--format", "json", q));
        assertTrue(out.contains("\"value\" : \"75\"") || out.contains("\"value\": \"75\""), out);
        assertEquals(0, run("query", "--store", store(), "ASK { ?i sg:exactMatchOf ?j }"));
        assertEquals("true", out.strip());
        assertEquals(0, run("query", "--store", store(), "CONSTRUCT { ?s skos:prefLabel ?l } WHERE { ?s skos:notation \"DA.1.1\" ; skos:prefLabel ?l }"));
        assertTrue(out.contains("skos:prefLabel"), out);
    }

    @Test
    void querySyntaxErrorIsRejectedWithPosition() {
        assertEquals(1, run("query", "--store", store(), "SELECT ?x WHERE { ?x"));
        assertTrue(err.startsWith("rejected: query at line 1"), err);
    }

    @ParameterizedTest
    @CsvSource({"turtle,ttl", "nquads,nq", "jsonld,jsonld"})
    void exportRdfParsesBackWithTheSameTriples(String format, String ext) throws Exception {
        Path f = dir.resolve("out." + ext);
        assertEquals(0, run("export", "--store", store(), "--framework", CERT, "--format", format, "-o", f.toString()), err);
        Dataset ds = DatasetFactory.create();
        RDFDataMgr.read(ds, f.toString());
        Model m = format.equals("nquads") ? ds.getNamedModel("urn:skillgraph:framework:" + CERT) : ds.getDefaultModel();
        assertEquals(0, run("query", "--store", store(), "--format", "csv",
                "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:skillgraph:framework:" + CERT + "> { ?s ?p ?o } }"));
        assertEquals(Long.parseLong(out.strip().split("\r\n")[1]), m.size());
    }

    @Test
    void exportCaseJsonEqualsTheInput() throws Exception {
        Path f = dir.resolve("cert.json");
        assertEquals(0, run("export", "--store", store(), "--framework", CERT, "-o", f.toString()), err);
        ObjectMapper json = new ObjectMapper();
        JsonNode in = json.readTree(TestData.sample("data-analytics-certificate.json").toFile());
        assertEquals(java.util.List.of(), JsonDiff.diff(in, json.readTree(f.toFile())));
    }

    @Test
    void convertWritesTheFormatOfTheExtension() throws Exception {
        Path f = dir.resolve("c.nq");
        assertEquals(0, run("convert", TestData.sample("data-analyst-job-role.json").toString(), "-o", f.toString()), err);
        assertTrue(Files.readString(f).contains("<urn:skillgraph:framework:"));
    }

    @Test
    void validateReportsInTextJsonAndTurtle() throws Exception {
        String bad = Path.of(CliTest.class.getResource("/broken/missing-required.json").toURI()).toString();
        assertEquals(1, run("validate", bad));
        assertTrue(out.contains("/CFItems/4") && out.contains("fullStatement"), out);
        assertEquals(1, run("validate", "--format", "json", bad));
        assertTrue(new ObjectMapper().readTree(out).get("violations").asInt() >= 2, out);
        assertEquals(1, run("validate", "--format", "turtle", bad));
        assertTrue(out.contains("sh:ValidationReport"), out);
        assertEquals(0, run("validate", TestData.sample("data-analytics-certificate.json").toString()));
    }

    @Test
    void storeHeldByAnotherProcessIsARejectionNotAFault() throws Exception {
        // TDB2 locks a store folder for the process that opened it: this test JVM, since the import above.
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "list", "--store", store())
                .redirectErrorStream(true).start();
        String output = new String(other.getInputStream().readAllBytes());
        assertEquals(1, other.waitFor(), output);
        assertTrue(output.contains("in use by another process") && !output.contains("Exception in"), output);
    }

    @Test
    void exitCodes() throws Exception {
        assertEquals(2, run("import"));
        assertEquals(2, run("frobnicate"));
        assertEquals(1, run("export", "--store", store(), "--framework", "no-such-framework"));
        assertTrue(err.contains("no framework 'no-such-framework'"), err);
        String bad = Path.of(CliTest.class.getResource("/broken/truncated.json").toURI()).toString();
        assertEquals(1, run("import", "--store", store(), bad));
        assertTrue(err.contains("malformed JSON") && !err.contains("Exception"), err);
        assertEquals(1, run("import", "--store", store(), dir.resolve("missing.json").toString()));
    }
}
