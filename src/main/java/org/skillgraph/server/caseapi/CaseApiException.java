package org.skillgraph.server.caseapi;

/** A request the CASE API answers with an imsx_StatusInfo error: HTTP status, code minor and a description. */
final class CaseApiException extends RuntimeException {
    private final int status;
    private final CodeMinor codeMinor;

    CaseApiException(int status, CodeMinor codeMinor, String description) {
        super(description, null, false, false);
        this.status = status;
        this.codeMinor = codeMinor;
    }

    int status() { return status; }
    CodeMinor codeMinor() { return codeMinor; }

    static CaseApiException badSelection(String description) {
        return new CaseApiException(400, CodeMinor.INVALID_SELECTION_FIELD, description);
    }

    static CaseApiException badSort(String description) {
        return new CaseApiException(400, CodeMinor.INVALID_SORT_FIELD, description);
    }

    static CaseApiException unknown(String description) {
        return new CaseApiException(404, CodeMinor.UNKNOWN_OBJECT, description);
    }
}
