package org.skillgraph.credentials;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The official JSON-LD contexts of Verifiable Credentials, Open Badges and CLR, shipped inside the
 * jar ({@code /contexts/}, byte for byte; see its README), and the only documents a credential may
 * name in {@code @context}. Nothing is ever fetched from the network.
 */
public final class Contexts {
    /** Official URL of each context, to its resource under {@code /contexts/}. */
    public static final Map<String, String> SHIPPED;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("https://www.w3.org/2018/credentials/v1", "2018-credentials-v1.jsonld");
        m.put("https://www.w3.org/ns/credentials/v2", "credentials-v2.jsonld");
        m.put("https://purl.imsglobal.org/spec/ob/v3p0/context.json", "ob_v3p0_context.json");
        m.put("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json", "ob_v3p0_context-3.0.1.json");
        m.put("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json", "ob_v3p0_context-3.0.2.json");
        m.put("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", "ob_v3p0_context-3.0.3.json");
        m.put("https://purl.imsglobal.org/spec/ob/v3p0/extensions.json", "ob-v3p0-extensions.json");
        m.put("https://purl.imsglobal.org/spec/clr/v2p0/context.json", "clr-v2p0.json");
        m.put("https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json", "clr-v2p0-2.0.1.json");
        m.put("https://w3id.org/openbadges/v2", "ob_v2p0_v2_context.json");
        m.put("https://openbadgespec.org/v2/context.json", "ob_v2p0_v2_context.json");
        SHIPPED = Collections.unmodifiableMap(m);
    }

    /** The newest Open Badges 3.0 context, used for what skillgraph writes. */
    public static final String OB3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    public static final String VC2 = "https://www.w3.org/ns/credentials/v2";

    private static final Map<String, JsonDocument> PARSED = new ConcurrentHashMap<>();

    private Contexts() {}

    /** The bytes of a shipped context, or null when the URL is not one of them. */
    public static byte[] bytes(String url) {
        String file = SHIPPED.get(url);
        if (file == null) return null;
        try (InputStream in = Contexts.class.getResourceAsStream("/contexts/" + file)) {
            if (in == null) throw new IllegalStateException("context resource /contexts/" + file + " is missing from the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parsed context (cached; parsed JSON values are immutable). */
    static JsonDocument document(String url) {
        return PARSED.computeIfAbsent(url, u -> {
            byte[] b = bytes(u);
            if (b == null) return null;
            try {
                JsonDocument d = JsonDocument.of(MediaType.JSON_LD, new java.io.ByteArrayInputStream(b));
                d.setDocumentUrl(URI.create(u));
                return d;
            } catch (JsonLdError e) {
                throw new IllegalStateException("shipped context " + u + " does not parse: " + e.getMessage(), e);
            }
        });
    }

    /**
     * A document loader that serves only the shipped contexts. Anything else fails with
     * {@link JsonLdErrorCode#LOADING_REMOTE_CONTEXT_FAILED} and is remembered in {@link #unknown()}
     * so that the error can name it. One loader per parse.
     */
    static final class Loader implements DocumentLoader {
        private volatile String unknown;
        private volatile String last;

        @Override
        public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
            String u = url.toString();
            JsonDocument d = document(u);
            if (d == null && u.endsWith("#")) d = document(u.substring(0, u.length() - 1));
            if (d == null) {
                if (unknown == null) unknown = u;
                throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                        "unknown remote context " + u + ": skillgraph only uses the contexts it ships ("
                                + String.join(", ", SHIPPED.keySet()) + ") and never fetches one from the network");
            }
            last = u;
            return d;
        }

        String unknown() { return unknown; }

        /** The last context served (the one being applied when a context error occurs). */
        String last() { return last; }
    }
}
