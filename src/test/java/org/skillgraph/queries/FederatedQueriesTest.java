package org.skillgraph.queries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.skillgraph.cli.Main;
import org.skillgraph.pipeline.Pipeline;
import org.skillgraph.pipeline.Source;
import org.skillgraph.server.RegistryServer;
import org.skillgraph.server.ServerConfig;
import org.skillgraph.server.ServerTestBase;
import org.skillgraph.store.Federation;
import org.skillgraph.store.Registry;
import org.skillgraph.testutil.TestData;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The example queries of {@code queries/federated/} across two registries on loopback: "here"
 * holds the certificate and may call "there" (which holds the job role); "there" may call nothing.
 * Also: SERVICE to an endpoint not on the list is refused without a connection being made, and a
 * listed endpoint that does not answer hits the time limit.
 */
class FederatedQueriesTest extends ServerTestBase {
    /** The SERVICE line of the example files, replaced by the other server's address. */
    static final String PLACEHOLDER = "SERVICE <http://localhost:3031/sparql>";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path dirs;
    static Registry hereStore, thereStore;
    static RegistryServer here, there;
    /** Counts connections: an endpoint that is not listed (must stay 0) and one that is listed but never answers. */
    static Listener unlisted, silent;

    static final class Listener implements AutoCloseable {
        final ServerSocket socket;
        final AtomicInteger accepted = new AtomicInteger();
        final List<Socket> open = new ArrayList<>();

        Listener() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        accepted.incrementAndGet();
                        synchronized (open) { open.add(s); } // read nothing, answer nothing
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
        }

        String url() { return "http://127.0.0.1:" + socket.getLocalPort() + "/sparql"; }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (open) { for (Socket s : open) s.close(); }
        }
    }

    @BeforeAll
    static void startTwoRegistries() throws IOException {
        Pipeline p = new Pipeline();
        hereStore = Registry.openTdb2(dirs.resolve("here"));
        p.importInto(hereStore, Source.file(TestData.sample("data-analytics-certificate.json")), n -> {});
        thereStore = Registry.openTdb2(dirs.resolve("there"));
        p.importInto(thereStore, Source.file(TestData.sample("data-analyst-job-role.json")), n -> {});
        there = RegistryServer.start(thereStore, ServerConfig.defaults(0));
        unlisted = new Listener();
        silent = new Listener();
        new Federation(List.of(there.localUrl() + "sparql", silent.url()), Duration.ofSeconds(1)).install(hereStore.dataset().getContext());
        here = RegistryServer.start(hereStore, ServerConfig.defaults(0));
    }

    @AfterAll
    static void stop() throws IOException {
        for (AutoCloseable c : new AutoCloseable[]{here, there}) if (c != null) try { c.close(); } catch (Exception ignored) { }
        if (hereStore != null) hereStore.close();
        if (thereStore != null) thereStore.close();
        if (unlisted != null) unlisted.close();
        if (silent != null) silent.close();
    }

    static Path folder() { return TestData.projectDir().resolve("queries").resolve("federated"); }

    static Stream<String> federatedFiles() throws IOException {
        try (Stream<Path> s = Files.list(folder())) {
            return s.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".rq")).sorted().toList().stream();
        }
    }

    /** The example with its SERVICE pointed at the "there" server. */
    static String example(String file) throws IOException {
        String text = Files.readString(folder().resolve(file), StandardCharsets.UTF_8);
        assertTrue(text.contains(PLACEHOLDER), file + " must call the other registry with the documented line " + PLACEHOLDER);
        return text.replace(PLACEHOLDER, "SERVICE <" + there.localUrl() + "sparql>");
    }

    record Answer(int status, String body, List<Map<String, String>> rows) {}

    static Answer sparql(RegistryServer s, String query) throws IOException, InterruptedException {
        var r = post(s, "/sparql", "application/sparql-query", query, "Accept", "application/sparql-results+json");
        List<Map<String, String>> rows = new ArrayList<>();
        if (r.statusCode() == 200) {
            for (JsonNode b : JSON.readTree(r.body()).at("/results/bindings")) {
                Map<String, String> row = new LinkedHashMap<>();
                b.fields().forEachRemaining(f -> row.put(f.getKey(), f.getValue().get("value").asText()));
                rows.add(row);
            }
        }
        return new Answer(r.statusCode(), r.body(), rows);
    }

    @Test
    void theFolderHasExamples() throws IOException {
        assertTrue(federatedFiles().count() >= 2, "queries/federated/ holds the federated examples");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("federatedFiles")
    void everyFederatedExampleIsDocumentedAndAnswersAcrossTwoRegistries(String file) throws Exception {
        String text = example(file);
        ExampleQueriesTest.documented(file, text);
        Answer a = sparql(here, text);
        assertEquals(200, a.status(), a.body());
        assertFalse(a.rows().isEmpty(), file + " returned no rows across the two registries");
        assertEquals(0, unlisted.accepted.get());
    }

    @Test
    void crosswalkJoinsTheOtherRegistrysAlignmentsWithItemsHere() throws Exception {
        Answer a = sparql(here, example("crosswalk-remote.rq"));
        assertEquals(200, a.status(), a.body());
        Set<List<String>> found = a.rows().stream().map(r -> List.of(r.get("code"), r.get("type"), r.get("remoteCode")))
                .collect(Collectors.toSet());
        assertEquals(ExampleQueriesTest.ALIGNMENTS, found, "the 17 alignments of data/README.md, across two registries");
        assertEquals(17, a.rows().size());
        assertTrue(a.rows().stream().allMatch(r -> "Data Analyst Job Role".equals(r.get("remoteFramework")) && r.get("statement") != null));
    }

    @Test
    void catalogsSideBySide() throws Exception {
        Answer a = sparql(here, example("frameworks-here-and-there.rq"));
        assertEquals(200, a.status(), a.body());
        Map<String, String> byRegistry = a.rows().stream().collect(Collectors.toMap(r -> r.get("registry"), r -> r.get("title")));
        assertEquals(Map.of("here", "Data Analytics Certificate", "there", "Data Analyst Job Role"), byRegistry);
    }

    @Test
    void aServiceNotOnTheListIsRefusedWithoutAConnection() throws Exception {
        for (String q : List.of("SELECT * { SERVICE <" + unlisted.url() + "> { ?s ?p ?o } }",
                "SELECT * { SERVICE SILENT <" + unlisted.url() + "> { ?s ?p ?o } }",
                "SELECT * { BIND (<" + unlisted.url() + "> AS ?e) SERVICE ?e { ?s ?p ?o } }")) {
            Answer a = sparql(here, q);
            assertEquals(422, a.status(), q + "\n" + a.body());
            assertTrue(a.body().contains("SERVICE <" + unlisted.url() + "> is not allowed"), a.body());
        }
        // The other registry lists no endpoints at all.
        Answer none = sparql(there, "SELECT * { SERVICE <" + here.localUrl() + "sparql> { ?s ?p ?o } }");
        assertEquals(422, none.status(), none.body());
        assertTrue(none.body().contains("calls no other SPARQL endpoints"), none.body());
        assertEquals(0, unlisted.accepted.get(), "nothing was sent to the endpoint that is not listed");
    }

    @Test
    void aListedEndpointThatDoesNotAnswerTimesOut() throws Exception {
        long t0 = System.nanoTime();
        Answer a = sparql(here, "SELECT * { SERVICE <" + silent.url() + "> { ?s ?p ?o } }");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertNotEquals(200, a.status(), a.body());
        assertTrue(ms < 15_000, "gave up after " + ms + " ms");
        assertTrue(silent.accepted.get() >= 1, "the listed endpoint was called");
    }

    @Test
    void theCommandLineFollowsTheSameList() throws Exception {
        Path store = dirs.resolve("cli");
        try (Registry r = Registry.openTdb2(store)) {
            new Pipeline().importInto(r, Source.file(TestData.sample("data-analytics-certificate.json")), n -> {});
        }
        Path file = dirs.resolve("crosswalk.rq");
        Files.writeString(file, example("crosswalk-remote.rq"));
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(
                "query", "--store", store.toString(), "--federate", there.localUrl() + "sparql", "--format", "csv", "-f", file.toString());
        assertEquals(0, code, err.toString());
        assertEquals(18, out.toString().strip().split("\n").length, "a header and 17 rows:\n" + out);

        out = new StringWriter();
        err = new StringWriter();
        code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(
                "query", "--store", store.toString(), "-f", file.toString());
        assertEquals(Main.REJECTED, code, err.toString());
        assertTrue(err.toString().contains("is not allowed: this registry calls no other SPARQL endpoints"), err.toString());
    }
}
