package org.skillgraph.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skillgraph.testutil.TestFuseki;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The command line tests of {@link CliTest} with {@code --store sparql:URL} (a Fuseki server of its own). */
class ExternalCliTest extends CliTest {
    final TestFuseki fuseki = TestFuseki.start();

    @Override
    String store() { return fuseki.storeOption(); }

    @AfterEach
    void stopStore() { fuseki.close(); }

    /** Unlike a TDB2 folder, an external store is shared: another process reads it while this one has it open. */
    @Override
    @Test
    void storeHeldByAnotherProcessIsARejectionNotAFault() throws Exception {
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "list", "--store", store())
                .redirectErrorStream(true).start();
        String output = new String(other.getInputStream().readAllBytes());
        assertEquals(0, other.waitFor(), output);
        assertTrue(output.contains("Data Analytics Certificate"), output);
    }

    @Test
    void listAndExportEqualThoseOfTdb2() throws Exception {
        String tdb = dir.resolve("tdb").toString();
        assertEquals(0, run("import", "--store", tdb, org.skillgraph.testutil.TestData.projectDir().resolve("data").toString()), err);
        assertEquals(0, run("list", "--store", tdb));
        String tdbList = out;
        assertEquals(0, run("list", "--store", store()));
        // the import times differ; everything else is the same
        String at = "\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z|\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d";
        assertEquals(tdbList.replaceAll(at, "TIME"), out.replaceAll(at, "TIME"));
        for (String format : new String[]{"case-json", "nquads"}) {
            Path a = dir.resolve("a." + format), b = dir.resolve("b." + format);
            assertEquals(0, run("export", "--store", tdb, "--framework", CERT, "--format", format, "-o", a.toString()), err);
            assertEquals(0, run("export", "--store", store(), "--framework", CERT, "--format", format, "-o", b.toString()), err);
            if (format.equals("case-json")) assertEquals(Files.readString(a), Files.readString(b));
            else assertEquals(Files.readAllLines(a).stream().sorted().toList(), Files.readAllLines(b).stream().sorted().toList());
        }
    }

    @Test
    void aStoreThatIsDownIsExitCode1NamingItsAddressWithoutAStackTrace() {
        fuseki.close();
        assertEquals(1, run("list", "--store", store()));
        assertTrue(err.startsWith("error: the store at " + fuseki.datasetUrl() + " could not be reached"), err);
        assertFalse(err.contains("Exception in") || err.contains("\tat "), err);
        assertEquals(1, run("import", "--store", store(), org.skillgraph.testutil.TestData.sample("data-analytics-certificate.json").toString()));
        assertTrue(err.contains(fuseki.datasetUrl()), err);
    }

    @Test
    void separateEndpointsAndCredentials() {
        try (TestFuseki guarded = TestFuseki.withToken("s3cret")) {
            String ds = guarded.storeOption();
            String[] endpoints = {"--store-query", guarded.datasetUrl() + "/query", "--store-update", guarded.datasetUrl() + "/update",
                    "--store-gsp", guarded.datasetUrl() + "/data"};
            assertEquals(1, run(concat(new String[]{"list", "--store", ds}, endpoints)));
            assertTrue(err.contains("refused the credentials (HTTP 401)"), err);
            assertEquals(0, run(concat(new String[]{"import", "--store", ds, "--store-token", "s3cret",
                    org.skillgraph.testutil.TestData.sample("data-analytics-certificate.json").toString()}, endpoints)), err);
            assertEquals(0, run(concat(new String[]{"list", "--store", ds, "--store-token", "s3cret"}, endpoints)));
            assertTrue(out.contains("Data Analytics Certificate"), out);
            assertEquals(2, run("list", "--store", ds, "--store-token", "a", "--store-user", "b"));
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
