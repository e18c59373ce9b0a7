package org.skillgraph.pipeline;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.error.InputRejectedException;
import org.skillgraph.error.NotFoundException;
import org.skillgraph.store.Registry;
import org.skillgraph.testutil.TestData;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Packages come from files, folders and URLs. */
class SourceTest {
    @Test
    void folderExpandsToItsJsonFilesInOrder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b.json"), "{}");
        Files.writeString(dir.resolve("a.json"), "{}");
        Files.writeString(dir.resolve("notes.txt"), "x");
        List<Source> s = Source.expand(List.of(dir.toString()));
        assertEquals(List.of("a.json", "b.json"), s.stream().map(x -> Path.of(x.name()).getFileName().toString()).toList());
    }

    @Test
    void missingPathIsNotFound() {
        assertThrows(NotFoundException.class, () -> Source.expand(List.of("/no/such/file.json")));
    }

    @Test
    void importFromUrl(@TempDir Path dir) throws Exception {
        byte[] body = Files.readAllBytes(TestData.sample("data-analyst-job-role.json"));
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/case/job.json", ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        http.createContext("/missing.json", ex -> { ex.sendResponseHeaders(404, -1); ex.close(); });
        http.start();
        try (Registry r = Registry.openTdb2(dir)) {
            String base = "http://127.0.0.1:" + http.getAddress().getPort();
            Pipeline.Stored s = new Pipeline().importInto(r, Source.expand(List.of(base + "/case/job.json")).get(0), n -> {});
            assertEquals(26, s.result().entry().items());
            assertEquals(base + "/case/job.json", r.list().get(0).source());
            InputRejectedException e = assertThrows(InputRejectedException.class,
                    () -> new Pipeline().importInto(r, Source.expand(List.of(base + "/missing.json")).get(0), n -> {}));
            assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
            assertEquals(1, r.list().size());
        } finally {
            http.stop(0);
        }
    }
}
