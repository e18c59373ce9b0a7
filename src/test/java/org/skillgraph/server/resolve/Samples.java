package org.skillgraph.server.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.skillgraph.pipeline.Pipeline;
import org.skillgraph.pipeline.Source;
import org.skillgraph.server.RegistryServer;
import org.skillgraph.store.Registry;
import org.skillgraph.testutil.TestData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The sample frameworks of data/, read for their identifiers, and small HTTP helpers. */
final class Samples {
    static final String CERTIFICATE = "data-analytics-certificate.json";
    static final String JOB_ROLE = "data-analyst-job-role.json";
    static final String OPENSALT = "opensalt-what-standards-could-be.json";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** humanCodingScheme -> identifier, over both generated samples. */
    final Map<String, String> itemIds = new HashMap<>();
    /** humanCodingScheme -> uri. */
    final Map<String, String> itemUris = new HashMap<>();
    final JsonNode certificate, jobRole, opensalt;

    Samples() {
        certificate = read(CERTIFICATE);
        jobRole = read(JOB_ROLE);
        opensalt = read(OPENSALT);
        for (JsonNode pkg : List.of(certificate, jobRole)) {
            for (JsonNode i : pkg.get("CFItems")) {
                itemIds.put(i.get("humanCodingScheme").asText(), i.get("identifier").asText());
                itemUris.put(i.get("humanCodingScheme").asText(), i.get("uri").asText());
            }
        }
    }

    String id(String code) {
        String id = itemIds.get(code);
        if (id == null) throw new IllegalArgumentException("no sample item " + code);
        return id;
    }

    /** The first association of a package of this type from origin code to destination code. */
    JsonNode association(JsonNode pkg, String type, String originCode, String destinationCode) {
        for (JsonNode a : pkg.get("CFAssociations")) {
            if (a.get("associationType").asText().equals(type)
                    && a.get("originNodeURI").get("identifier").asText().equals(id(originCode))
                    && a.get("destinationNodeURI").get("identifier").asText().equals(id(destinationCode))) return a;
        }
        throw new IllegalArgumentException("no " + type + " from " + originCode + " to " + destinationCode);
    }

    static JsonNode read(String name) {
        try {
            return JSON.readTree(TestData.sample(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Registry registryWithSamples(Path dir) {
        Registry r = Registry.openTdb2(dir);
        Pipeline p = new Pipeline();
        for (String f : List.of(CERTIFICATE, JOB_ROLE, OPENSALT)) p.importInto(r, Source.file(TestData.sample(f)), n -> {});
        return r;
    }

    static HttpResponse<String> get(RegistryServer s, String path, String... headers) throws IOException, InterruptedException {
        return send(s, "GET", path, headers);
    }

    static HttpResponse<String> head(RegistryServer s, String path, String... headers) throws IOException, InterruptedException {
        return send(s, "HEAD", path, headers);
    }

    static HttpResponse<String> send(RegistryServer s, String method, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.localUrl() + path.replaceFirst("^/", "")));
        if (headers.length > 0) b.headers(headers);
        b.method(method, HttpRequest.BodyPublishers.noBody());
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The text of an HTML page without tags, entities decoded, spaces collapsed. */
    static String text(String html) {
        return html.replaceAll("(?s)<style.*?</style>", " ")
                .replaceAll("</?(?:dt|dd|li|p|h[1-6]|div|ul|ol|dl|nav|header|footer|main|summary|details|title)\\b[^>]*>", " ")
                .replaceAll("<[^>]+>", "").replace("&amp;", "&").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&rsquo;", "\u2019")
                .replace("&hellip;", "\u2026").replace("&middot;", "\u00b7").replace("&mdash;", "\u2014")
                .replaceAll("\\s+", " ");
    }
}
