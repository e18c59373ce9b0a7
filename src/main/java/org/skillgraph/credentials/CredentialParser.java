package org.skillgraph.credentials;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Reads a credential as JSON-LD 1.1 (Titanium, the processor inside Jena's RIOT) and expands it, with
 * {@link Contexts.Loader}: only the shipped contexts, never the network. Expansion turns every term
 * into its full IRI, so alignments are found the same way however the credential was compacted and
 * whichever OB/CLR/VC context version it names.
 */
public final class CredentialParser {
    /** Deepest JSON nesting accepted (real credentials are under 20 levels). */
    public static final int MAX_DEPTH = 100;
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build();

    /** The expanded document and the original top-level object. */
    public record Parsed(JsonArray expanded, JsonObject original) {}

    private CredentialParser() {}

    public static Parsed parse(byte[] body, String source) {
        checkJson(body, source);
        JsonDocument doc;
        try {
            doc = JsonDocument.of(MediaType.JSON, new ByteArrayInputStream(body));
        } catch (JsonLdError e) {
            throw new CredentialRejectedException(400, "not_json", source, null, "not JSON: " + e.getMessage(), null, e);
        }
        JsonStructure content = doc.getJsonContent().orElse(null);
        if (!(content instanceof JsonObject obj)) {
            throw new CredentialRejectedException(400, "not_a_credential", source,
                    "expected a JSON object (a credential), got " + (content == null ? "nothing" : "a JSON array"));
        }
        if (!obj.containsKey("@context")) {
            throw new CredentialRejectedException(422, "no_context", source, null,
                    "the object has no @context, so it is not a JSON-LD credential (Open Badges 2.0/3.0 and CLR 2.0 name their contexts in @context)",
                    null, null);
        }
        Contexts.Loader loader = new Contexts.Loader();
        JsonLdOptions options = new JsonLdOptions(loader);
        options.setDocumentCache(null);
        try {
            JsonArray expanded = JsonLd.expand(doc).options(options).loader(loader).get();
            return new Parsed(expanded, obj);
        } catch (JsonLdError e) {
            String unknown = loader.unknown();
            if (unknown != null) {
                throw new CredentialRejectedException(422, "unknown_context", source, "@context",
                        "unknown remote context " + unknown + ": only the contexts shipped with skillgraph are used ("
                                + String.join(", ", Contexts.SHIPPED.keySet()) + "); no context is fetched from the network",
                        unknown, e);
            }
            if (e.getCode() == JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED && loader.last() != null) {
                throw new CredentialRejectedException(422, "context_error", source, "@context",
                        "not valid JSON-LD: " + describe(e) + " (while applying the context " + loader.last()
                                + "; contexts that protect their terms, such as VC 2.0, cannot be combined with ones that redefine them, such as OB 3.0.1 or VC 1.1)",
                        loader.last(), e);
            }
            throw new CredentialRejectedException(422, "invalid_jsonld", source, null,
                    "not valid JSON-LD: " + describe(e), null, e);
        } catch (StackOverflowError e) {
            throw new CredentialRejectedException(422, "invalid_jsonld", source, null, "JSON-LD nesting too deep", null, null);
        } catch (RuntimeException e) {
            throw new CredentialRejectedException(422, "invalid_jsonld", source, null,
                    "not valid JSON-LD: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), null, e);
        }
    }

    /** The innermost JSON-LD error says what went wrong (the outer ones only say "loading a context failed"). */
    private static String describe(JsonLdError outer) {
        JsonLdError e = outer;
        for (Throwable t = outer.getCause(); t != null && t != t.getCause(); t = t.getCause())
            if (t instanceof JsonLdError j) e = j;
        JsonLdErrorCode c = e.getCode();
        String m = e.getMessage();
        return (c == null ? "" : c.name().toLowerCase().replace('_', ' ')) + (m == null || m.isBlank() ? "" : ": " + m);
    }

    /** Well-formed JSON, not nested too deep: a streaming pass with Jackson, for a message with line and column. */
    static void checkJson(byte[] body, String source) {
        if (body.length == 0) throw new CredentialRejectedException(400, "not_json", source, "empty body: expected a JSON credential");
        try (JsonParser p = JSON.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == null) throw new CredentialRejectedException(400, "not_json", source, "empty body: expected a JSON credential");
            p.skipChildren();
            if (p.nextToken() != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new CredentialRejectedException(400, "not_json", source, "line " + l.getLineNr() + ", column " + l.getColumnNr(),
                        "not JSON: more content after the end of the JSON value", null, null);
            }
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String where = l == null ? null : "line " + l.getLineNr() + ", column " + l.getColumnNr();
            throw new CredentialRejectedException(400, "not_json", source, where, "not JSON: " + e.getOriginalMessage(), null, e);
        } catch (IOException e) {
            throw new CredentialRejectedException(400, "not_json", source, null, "not JSON: " + e.getMessage(), null, e);
        }
    }

    static boolean isNull(JsonValue v) { return v == null || v.getValueType() == JsonValue.ValueType.NULL; }
}
