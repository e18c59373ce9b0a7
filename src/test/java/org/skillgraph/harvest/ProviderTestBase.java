package org.skillgraph.harvest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.skillgraph.pipeline.Pipeline;
import org.skillgraph.pipeline.Source;
import org.skillgraph.server.RegistryServer;
import org.skillgraph.server.ServerConfig;
import org.skillgraph.server.ServerTestBase;
import org.skillgraph.store.Registry;
import org.skillgraph.testutil.TestData;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An origin registry with the sample frameworks served on loopback, behind a {@link Provider}
 * (counting requests, injecting faults), and an empty registry {@code copy} to harvest into.
 */
abstract class ProviderTestBase extends ServerTestBase {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CERT = "eb66c1b1-5484-5cd2-ae83-e0adb913f392";

    Registry origin, copy;
    RegistryServer originServer;
    Provider provider;

    @BeforeEach
    void startOrigin() throws Exception {
        origin = openWithSamples(tmp.resolve("origin"));
        originServer = RegistryServer.start(origin, ServerConfig.defaults(0));
        provider = new Provider(originServer.localUrl());
        copy = Registry.openTdb2(tmp.resolve("copy"));
    }

    @AfterEach
    void stopOrigin() {
        provider.close();
        originServer.close();
        copy.close();
        origin.close();
    }

    /** Re-imports the certificate at the origin with its first statement and its lastChangeDateTime changed. */
    void changeUpstream(String statement) throws Exception {
        ObjectNode pkg = (ObjectNode) JSON.readTree(TestData.sample("data-analytics-certificate.json").toFile());
        ((ObjectNode) pkg.get("CFDocument")).put("lastChangeDateTime", "2026-01-02T03:04:05Z");
        ((ObjectNode) pkg.get("CFItems").get(0)).put("fullStatement", statement);
        Path f = tmp.resolve("changed.json");
        Files.writeString(f, JSON.writeValueAsString(pkg));
        new Pipeline().importInto(origin, Source.file(f), n -> {});
    }
}
