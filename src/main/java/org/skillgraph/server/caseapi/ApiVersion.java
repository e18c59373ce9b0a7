package org.skillgraph.server.caseapi;

import org.skillgraph.casejson.CaseWriter;

import java.util.Optional;

/** The two CASE API versions served, by their path segment ({@code /ims/case/v1p0/...}, {@code /ims/case/v1p1/...}). */
enum ApiVersion {
    V1P0("v1p0", CaseWriter.V1_0),
    V1P1("v1p1", CaseWriter.V1_1);

    private final String segment;
    private final String caseVersion;
    private final CaseWriter writer;

    ApiVersion(String segment, String caseVersion) {
        this.segment = segment;
        this.caseVersion = caseVersion;
        this.writer = new CaseWriter(caseVersion);
    }

    /** The path segment, e.g. {@code v1p1}. */
    String segment() { return segment; }

    /** The CASE version, "1.0" or "1.1". */
    String caseVersion() { return caseVersion; }

    /** The package writer of this version (thread-safe: it only creates nodes). */
    CaseWriter writer() { return writer; }

    static Optional<ApiVersion> bySegment(String s) {
        for (ApiVersion v : values()) if (v.segment.equals(s)) return Optional.of(v);
        return Optional.empty();
    }
}
