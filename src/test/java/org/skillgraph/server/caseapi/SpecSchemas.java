package org.skillgraph.server.caseapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The official CASE descriptions (src/test/resources/caseapi/, copied unchanged) as validators.
 * <ul>
 * <li>CASE 1.1 OpenAPI 3.0: the schema of a response is {@code #/components/schemas/X}; it is
 *     validated through a small JSON Schema document {@code {"$ref": "#/components/schemas/X",
 *     "components": <the OpenAPI components>}} in networknt's OpenAPI 3.0 dialect (nullable etc.).</li>
 * <li>CASE 1.0 Swagger 2.0: likewise with {@code #/definitions/X.Type}, draft 4. One repair, made
 *     here and not in the file: CFDocument.Type, CFItem.Type and CFAssociation.Type are written as
 *     {@code allOf: [CFPckgX.Type, {one more property, additionalProperties: false}]} where both
 *     parts forbid the other's properties, so no object at all can pass. They are validated as what
 *     they mean: the package type's properties plus the extra one, required lists joined,
 *     additionalProperties false.</li>
 * <li>CASE 1.1 CFPackage JSON Schema (draft 2019-09) as it is.</li>
 * </ul>
 * Formats (uri, date, date-time) are asserted.
 */
final class SpecSchemas {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String OPENAPI_1_1 = "caseapi/imscasev1p1_openapi3_v1p0.json";
    static final String SWAGGER_1_0 = "caseapi/case-v1p0-swagger.json";
    static final String PACKAGE_1_1 = "caseapi/case-v1p1-cfpackage-jsonschema.json";

    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).nullableKeywordEnabled(true).build();
    /** OpenAPI 3.0's dialect; its own keywords (x-1edtech-*, and "components" in the wrapper) are not assertions. */
    private static final JsonMetaSchema OAS30_QUIET = JsonMetaSchema.builder(OpenApi30.getInstance())
            .unknownKeywordFactory((keyword, context) -> new NonValidationKeyword(keyword)).build();
    private static final JsonSchemaFactory OAS30 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
            b -> b.metaSchema(OAS30_QUIET).defaultMetaSchemaIri(OAS30_QUIET.getIri()));
    private static final JsonSchemaFactory DRAFT4 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private static final JsonSchemaFactory DRAFT2019 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909);

    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();
    private static JsonNode openApi, swagger, swaggerDefinitionsRepaired;

    private SpecSchemas() {}

    static synchronized JsonNode openApi11() {
        if (openApi == null) openApi = read(OPENAPI_1_1);
        return openApi;
    }

    static synchronized JsonNode swagger10() {
        if (swagger == null) swagger = read(SWAGGER_1_0);
        return swagger;
    }

    /** The Swagger definitions with the three unsatisfiable allOf types merged (see above). */
    static synchronized JsonNode swagger10Definitions() {
        if (swaggerDefinitionsRepaired == null) {
            ObjectNode defs = swagger10().get("definitions").deepCopy();
            List<String> names = new ArrayList<>();
            defs.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode d = defs.get(name);
                if (d.has("allOf")) defs.set(name, mergeAllOf(defs, (ArrayNode) d.get("allOf")));
            }
            swaggerDefinitionsRepaired = defs;
        }
        return swaggerDefinitionsRepaired;
    }

    private static ObjectNode mergeAllOf(ObjectNode defs, ArrayNode parts) {
        ObjectNode out = JSON.createObjectNode().put("type", "object");
        ObjectNode props = out.putObject("properties");
        Set<String> required = new LinkedHashSet<>();
        for (JsonNode part : parts) {
            JsonNode p = part.has("$ref") ? defs.get(part.get("$ref").asText().substring("#/definitions/".length())) : part;
            p.path("properties").fields().forEachRemaining(e -> props.set(e.getKey(), e.getValue()));
            p.path("required").forEach(r -> required.add(r.asText()));
        }
        ArrayNode req = out.putArray("required");
        required.forEach(req::add);
        out.put("additionalProperties", false);
        return out;
    }

    /** The validator of a CASE 1.1 component schema, e.g. "CFItemDType". */
    static JsonSchema v1p1(String component) {
        return CACHE.computeIfAbsent("1.1:" + component, k -> {
            if (!openApi11().path("components").path("schemas").has(component)) throw new IllegalArgumentException("no component " + component);
            ObjectNode root = JSON.createObjectNode();
            root.put("$ref", "#/components/schemas/" + component);
            root.set("components", openApi11().get("components"));
            return OAS30.getSchema(root, CONFIG);
        });
    }

    /** The validator of a CASE 1.0 definition, e.g. "CFItem.Type". */
    static JsonSchema v1p0(String definition) {
        return CACHE.computeIfAbsent("1.0:" + definition, k -> {
            if (!swagger10Definitions().has(definition)) throw new IllegalArgumentException("no definition " + definition);
            ObjectNode root = JSON.createObjectNode();
            root.put("$ref", "#/definitions/" + definition);
            root.set("definitions", swagger10Definitions());
            return DRAFT4.getSchema(root, CONFIG);
        });
    }

    /** The official CASE 1.1 CFPackage JSON Schema. */
    static JsonSchema package11() {
        return CACHE.computeIfAbsent("package", k -> DRAFT2019.getSchema(read(PACKAGE_1_1), CONFIG));
    }

    /** The validator of shape {@code name} (e.g. "CFItem") in version v: CFItemDType or CFItem.Type. */
    static JsonSchema of(ApiVersion v, String name) {
        return v == ApiVersion.V1P1 ? v1p1(name + "DType") : v1p0(name + ".Type");
    }

    /** The violations, one line each; empty when the body conforms. */
    static List<String> violations(JsonSchema schema, JsonNode body) {
        Set<ValidationMessage> msgs = schema.validate(body);
        return msgs.stream().map(ValidationMessage::toString).sorted().collect(Collectors.toList());
    }

    static JsonNode read(String resource) {
        try (InputStream in = SpecSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing test resource " + resource);
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
