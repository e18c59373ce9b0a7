package org.skillgraph.error;

/**
 * The input cannot be understood or breaks a rule that blocks it; nothing was stored.
 * Carries what was rejected ({@code source}), where ({@code location}, e.g. a JSON pointer
 * or line) and why. The CLI maps it to exit code 1, the server to 400/422.
 */
public class InputRejectedException extends RuntimeException {
    private final String source;
    private final String location;
    private final String reason;

    public InputRejectedException(String source, String location, String reason) {
        this(source, location, reason, null);
    }

    public InputRejectedException(String source, String location, String reason, Throwable cause) {
        super(format(source, location, reason), cause);
        this.source = source;
        this.location = location;
        this.reason = reason;
    }

    private static String format(String source, String location, String reason) {
        StringBuilder sb = new StringBuilder();
        if (source != null && !source.isEmpty()) sb.append(source);
        if (location != null && !location.isEmpty()) sb.append(sb.length() > 0 ? " at " : "at ").append(location);
        if (sb.length() > 0) sb.append(": ");
        return sb.append(reason).toString();
    }

    public String source() { return source; }
    public String location() { return location; }
    public String reason() { return reason; }
}
