package org.skillgraph.server;

import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.pipeline.Pipeline;
import org.skillgraph.pipeline.Source;
import org.skillgraph.store.Registry;
import org.skillgraph.testutil.TestData;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

/** Starts the real server on a free port over a TDB2 store in a temp dir holding the sample data. */
public abstract class ServerTestBase {
    protected static final HttpClient HTTP = HttpClient.newHttpClient();

    protected static Registry openWithSamples(Path dir) {
        return withSamples(Registry.openTdb2(dir));
    }

    /** Imports the three sample frameworks into {@code r}; returns it. */
    protected static Registry withSamples(Registry r) {
        Pipeline p = new Pipeline();
        for (String f : List.of("data-analytics-certificate.json", "data-analyst-job-role.json", "opensalt-what-standards-could-be.json"))
            p.importInto(r, Source.file(TestData.sample(f)), n -> {});
        return r;
    }

    protected static HttpResponse<String> get(RegistryServer s, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.localUrl() + path.replaceFirst("^/", "")));
        if (headers.length > 0) b.headers(headers);
        try {
            return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    protected static HttpResponse<String> post(RegistryServer s, String path, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.localUrl() + path.replaceFirst("^/", "")))
                .header("Content-Type", contentType);
        if (headers.length > 0) b.headers(headers);
        return HTTP.send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @TempDir protected Path tmp;
}
