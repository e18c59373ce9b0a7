package org.skillgraph.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skillgraph.server.RegistryServer;
import org.skillgraph.server.ServerConfig;
import org.skillgraph.server.ServerTestBase;
import org.skillgraph.store.Registry;


import static org.junit.jupiter.api.Assertions.*;

/** {@code skillgraph harvest} and {@code skillgraph source}, in-process, against a real server on loopback. */
class HarvestCommandTest extends ServerTestBase {
    Registry origin;
    RegistryServer server;
    String out, err;

    @BeforeEach
    void start() {
        origin = openWithSamples(tmp.resolve("origin"));
        server = RegistryServer.start(origin, ServerConfig.defaults(0));
    }

    @AfterEach
    void stop() {
        server.close();
        origin.close();
    }

    int run(String... args) {
        org.skillgraph.testutil.Cli r = org.skillgraph.testutil.Cli.run(args);
        out = r.out();
        err = r.err();
        return r.code();
    }

    @Test
    void harvestImportsThenSkipsWhatDidNotChange() {
        String store = tmp.resolve("copy").toString();
        String url = "http://127.0.0.1:" + server.port();
        assertEquals(Main.REJECTED, run("harvest", "--store", store, url));
        assertTrue(err.contains("--allow-private-addresses"), err);

        assertEquals(Main.OK, run("harvest", "--store", store, "--allow-private-addresses", url), err);
        assertTrue(out.contains("imported     \"Data Analytics Certificate\" (eb66c1b1-5484-5cd2-ae83-e0adb913f392)"), out);
        assertTrue(out.contains(url + "/ims/case/v1p1: 3 imported, 0 replaced"), out);

        assertEquals(Main.OK, run("harvest", "--store", store, "--allow-private-addresses", url + "/ims/case/v1p1"), err);
        assertTrue(out.contains("3 skipped"), out);
        assertTrue(out.contains("; 1 request,"), out);

        assertEquals(Main.OK, run("harvest", "--store", store, "--allow-private-addresses", "--full", url + "/ims/case/v1p1"), err);
        assertTrue(out.contains("3 not modified"), out); // conditional requests: the ETags still match
    }

    @Test
    void sourcesAreAddedListedAndRemoved() {
        String store = tmp.resolve("copy").toString();
        String url = "http://127.0.0.1:" + server.port() + "/ims/case/v1p0";
        assertEquals(Main.OK, run("source", "add", "--store", store, url + "/", "--interval", "6h",
                "--client-id", "reader", "--client-secret-env", "CASE_SECRET", "--token-url", "https://auth.example.org/token"), err);
        assertTrue(out.startsWith("source "), out);
        assertEquals(Main.REJECTED, run("harvest", "--store", store, url)); // refused (loopback), recorded on the source
        assertEquals(Main.OK, run("source", "list", "--store", store), err);
        assertTrue(out.contains(url + "  every 6h"), out);
        assertTrue(out.contains("last error"), out);
        assertFalse(out.contains("CASE_SECRET="), out);
        assertEquals(Main.REJECTED, run("source", "add", "--store", store, url, "--interval", "10s"));
        assertTrue(err.contains("at least 1 minute"), err);
        assertEquals(Main.OK, run("source", "remove", "--store", store, url), err);
        assertEquals(Main.OK, run("source", "list", "--store", store));
        assertEquals("", out);
        assertEquals(Main.REJECTED, run("source", "remove", "--store", store, url));
    }
}
