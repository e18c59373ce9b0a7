package org.skillgraph.server.caseapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The service discovery document of the CASE 1.1 API, {@code GET /ims/case/v1p1/discovery}: an
 * OpenAPI 3.0 description of what this server serves, as the 1EdTech specifications with service
 * discovery do it (the OpenAPI file, with {@code servers} set to the provider's absolute address).
 * The CASE 1.1 OpenAPI itself names no discovery endpoint; this one follows that convention. It keeps
 * the official paths, operationIds, tags and parameters, and describes the bodies from {@link Shapes}
 * (the same table the responses are made to conform to), with the official schema names.
 */
final class Discovery {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String STATUS = "imsx_StatusInfoDType";

    private Discovery() {}

    /** The operations: path, operationId, tag, response schema (1.1 name without DType), summary. */
    record Operation(String path, String operationId, String tag, String schema, String summary) {}

    static final List<Operation> OPERATIONS = List.of(
            new Operation("/CFAssociationGroupings/{sourcedId}", "getCFAssociationGrouping", "DefinitionsManager", "CFAssociationGrouping", "One association grouping."),
            new Operation("/CFAssociations/{sourcedId}", "getCFAssociation", "AssociationsManager", "CFAssociation", "One association."),
            new Operation("/CFConcepts/{sourcedId}", "getCFConcept", "DefinitionsManager", "CFConceptSet", "A concept and the concepts below it by hierarchy code."),
            new Operation("/CFDocuments", "getAllCFDocuments", "DocumentsManager", "CFDocumentSet", "All framework documents, paged, sorted and filtered."),
            new Operation("/CFDocuments/{sourcedId}", "getCFDocument", "DocumentsManager", "CFDocument", "One framework document."),
            new Operation("/CFItemAssociations/{sourcedId}", "getCFItemAssociations", "AssociationsManager", "CFAssociationSet", "An item and every association, in any framework, that starts or ends at it."),
            new Operation("/CFItemTypes/{sourcedId}", "getCFItemType", "DefinitionsManager", "CFItemTypeSet", "An item type and the item types below it by hierarchy code."),
            new Operation("/CFItems/{sourcedId}", "getCFItem", "ItemsManager", "CFItem", "One item."),
            new Operation("/CFLicenses/{sourcedId}", "getCFLicense", "DefinitionsManager", "CFLicense", "One license."),
            new Operation("/CFPackages/{sourcedId}", "getCFPackage", "PackagesManager", "CFPackage", "A whole framework: document, items, associations, definitions and rubrics."),
            new Operation("/CFRubrics/{sourcedId}", "getCFRubric", "RubricsManager", "CFRubric", "One rubric with its criteria and levels."),
            new Operation("/CFSubjects/{sourcedId}", "getCFSubject", "DefinitionsManager", "CFSubjectSet", "A subject and the subjects below it by hierarchy code."));

    /** {@code apiBase}: the absolute address of the 1.1 API, without a trailing '/'. */
    static ObjectNode document(String apiBase, int maxPageSize) {
        ApiVersion v = ApiVersion.V1P1;
        ObjectNode d = F.objectNode();
        d.put("openapi", "3.0.0");
        ObjectNode info = d.putObject("info");
        info.put("title", "Competencies and Academic Standards Exchange (CASE) Service: skillgraph registry");
        info.put("version", "1.1");
        info.put("description", "The CASE 1.1 REST API of this skillgraph registry: read-only, no authorisation. "
                + "Paths, operationIds and bodies are those of the 1EdTech CASE 1.1 OpenAPI description. "
                + "The same frameworks are served as CASE 1.0 under the sibling path /ims/case/v1p0.");
        info.putObject("license").put("name", "1EdTech").put("url", "https://www.1edtech.org/license.html");
        d.putArray("servers").addObject().put("url", apiBase).put("description", "This registry's CASE 1.1 API.");
        ArrayNode tags = d.putArray("tags");
        for (String t : List.of("AssociationsManager", "DefinitionsManager", "DocumentsManager", "ItemsManager", "PackagesManager", "RubricsManager"))
            tags.addObject().put("name", t);
        ObjectNode paths = d.putObject("paths");
        for (Operation op : OPERATIONS) {
            ObjectNode get = paths.putObject(op.path()).putObject("get");
            get.put("operationId", op.operationId());
            get.put("summary", op.summary());
            get.putArray("tags").add(op.tag());
            ArrayNode params = get.putArray("parameters");
            if (op.path().endsWith("{sourcedId}")) {
                ObjectNode p = params.addObject().put("name", "sourcedId").put("in", "path").put("required", true)
                        .put("description", "The identifier (a UUID) of the object.").put("style", "simple");
                p.putObject("schema").put("type", "string");
            } else {
                listParameters(params, v, maxPageSize);
            }
            get.put("x-1edtech-confidentiality", "unrestricted");
            ObjectNode responses = get.putObject("responses");
            ObjectNode ok = responses.putObject("200");
            ok.put("description", op.summary());
            ok.putObject("content").putObject("application/json").putObject("schema").put("$ref", ref(op.schema()));
            if (op.path().equals("/CFDocuments")) {
                ObjectNode h = ok.putObject("headers");
                h.putObject("X-Total-Count").put("description", "The number of documents that match, over all pages.")
                        .putObject("schema").put("type", "integer");
                h.putObject("Link").put("description", "RFC 8288 links to the first, last, next and previous pages.")
                        .putObject("schema").put("type", "string");
            }
            error(responses, "400", "invalid_sort_field, invalid_selection_field (a bad sort, orderBy, filter, fields, limit or offset).");
            error(responses, "404", "unknownobject (no such object) or invalid_uuid (the identifier is not a UUID and no object has it).");
            error(responses, "405", "forbidden: this API only reads.");
            error(responses, "429", "server_busy: retry after the seconds in Retry-After.");
            error(responses, "500", "internal_server_error.");
            error(responses, "default", "Any other failure, with its code minor.");
        }
        ObjectNode schemas = d.putObject("components").putObject("schemas");
        Shapes.all(v).forEach((name, shape) -> schemas.set(name + "DType", schema(shape)));
        return d;
    }

    private static void listParameters(ArrayNode params, ApiVersion v, int maxPageSize) {
        ObjectNode limit = params.addObject().put("name", "limit").put("in", "query").put("required", false)
                .put("description", "Page size; above " + maxPageSize + " (this server's maximum) it is reduced to " + maxPageSize + ".")
                .put("style", "form");
        limit.putObject("schema").put("type", "integer").put("format", "int32").put("minimum", 1).put("default", Math.min(DocumentQuery.DEFAULT_LIMIT, maxPageSize));
        params.addObject().put("name", "offset").put("in", "query").put("required", false).put("style", "form")
                .put("description", "Index of the first document of the page.")
                .putObject("schema").put("type", "integer").put("format", "int32").put("minimum", 0).put("default", 0);
        ObjectNode sort = params.addObject().put("name", "sort").put("in", "query").put("required", false).put("style", "form")
                .put("description", "The field to sort on (default title).");
        ArrayNode se = sort.putObject("schema").put("type", "string").putArray("enum");
        DocumentQuery.sortable(v).forEach(se::add);
        ObjectNode orderBy = params.addObject().put("name", "orderBy").put("in", "query").put("required", false).put("style", "form");
        orderBy.putObject("schema").put("type", "string").putArray("enum").add("asc").add("desc");
        params.addObject().put("name", "filter").put("in", "query").put("required", false).put("style", "form")
                .put("description", "field op 'value', clauses joined by ' AND ' or ' OR ' (AND binds tighter); op is one of "
                        + "= != > >= < <= ~ (~: contains, any case); a quote in a value is written twice. Fields: "
                        + String.join(", ", DocumentQuery.filterable(v)) + ".")
                .putObject("schema").put("type", "string");
        ObjectNode fields = params.addObject().put("name", "fields").put("in", "query").put("required", false)
                .put("style", "form").put("explode", false)
                .put("description", "The fields to return (comma-separated, or the parameter repeated).");
        ObjectNode fs = fields.putObject("schema").put("type", "array");
        ArrayNode fe = fs.putObject("items").put("type", "string").putArray("enum");
        DocumentQuery.selectable(v).forEach(fe::add);
    }

    private static void error(ObjectNode responses, String code, String description) {
        ObjectNode r = responses.putObject(code);
        r.put("description", description);
        r.putObject("content").putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/" + STATUS);
    }

    private static String ref(String shape) { return "#/components/schemas/" + shape + "DType"; }

    private static ObjectNode schema(Shapes.Shape shape) {
        ObjectNode s = F.objectNode();
        s.put("type", "object");
        ObjectNode props = s.putObject("properties");
        ArrayNode required = F.arrayNode();
        for (Shapes.Prop p : shape.props()) {
            props.set(p.name(), propertySchema(p));
            if (p.required()) required.add(p.name());
        }
        if (!required.isEmpty()) s.set("required", required);
        s.put("additionalProperties", false);
        return s;
    }

    private static ObjectNode propertySchema(Shapes.Prop p) {
        ObjectNode o = F.objectNode();
        switch (p.kind()) {
            case STRING -> o.put("type", "string");
            case URI -> o.put("type", "string").put("format", "uri");
            case DATE -> o.put("type", "string").put("format", "date");
            case DATE_TIME -> o.put("type", "string").put("format", "date-time");
            case INTEGER -> o.put("type", "integer").put("format", "int32");
            case NUMBER -> o.put("type", "number").put("format", "float");
            case STRING_LIST -> o.put("type", "array").putObject("items").put("type", "string");
            case EXTENSIONS -> o.put("type", "object").put("additionalProperties", true);
            case EXTENSIONS_LIST -> o.put("type", "array").putObject("items").put("type", "object").put("additionalProperties", true);
            case OBJECT -> o.put("$ref", ref(p.shape()));
            case OBJECT_LIST -> o.put("type", "array").putObject("items").put("$ref", ref(p.shape()));
        }
        return o;
    }
}
