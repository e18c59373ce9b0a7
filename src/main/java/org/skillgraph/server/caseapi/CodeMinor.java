package org.skillgraph.server.caseapi;

/**
 * The imsx_codeMinorFieldValue vocabulary of the CASE API. The two versions spell two of the
 * values differently (1.0 Swagger: {@code invaliduuid}, {@code unauthorisedrequest}; 1.1 OpenAPI:
 * {@code invalid_uuid}, {@code unauthorised_request}); each response uses its version's word.
 * Neither version has a separate code for filter errors: a bad {@code filter} or {@code fields}
 * is an {@code invalid_selection_field}, as the specifications' 400 responses say.
 */
enum CodeMinor {
    UNKNOWN_OBJECT("unknownobject", "unknownobject"),
    INVALID_UUID("invaliduuid", "invalid_uuid"),
    INVALID_SORT_FIELD("invalid_sort_field", "invalid_sort_field"),
    INVALID_SELECTION_FIELD("invalid_selection_field", "invalid_selection_field"),
    FORBIDDEN("forbidden", "forbidden"),
    UNAUTHORISED_REQUEST("unauthorisedrequest", "unauthorised_request"),
    SERVER_BUSY("server_busy", "server_busy"),
    INTERNAL_SERVER_ERROR("internal_server_error", "internal_server_error");

    private final String v1p0;
    private final String v1p1;

    CodeMinor(String v1p0, String v1p1) {
        this.v1p0 = v1p0;
        this.v1p1 = v1p1;
    }

    String value(ApiVersion v) { return v == ApiVersion.V1P0 ? v1p0 : v1p1; }
}
