package org.skillgraph.error;

import org.skillgraph.validate.ValidationReport;

/**
 * The input was read but the SHACL shapes found violations; nothing was stored.
 * {@code report} is the rendered report for a person.
 */
public class ValidationFailedException extends InputRejectedException {
    private final transient ValidationReport report;

    public ValidationFailedException(String source, long violations, ValidationReport report) {
        super(source, null, violations + " violation" + (violations == 1 ? "" : "s") + " of the CASE shapes; nothing was stored");
        this.report = report;
    }

    public ValidationReport report() { return report; }
}
