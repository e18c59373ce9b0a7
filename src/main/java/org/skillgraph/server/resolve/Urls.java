package org.skillgraph.server.resolve;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Addresses the resolver writes into links and headers, always percent-encoded. */
final class Urls {
    private Urls() {}

    /** {@code {base}uri/{identifier}}, the identifier encoded as one path segment. */
    static String entity(String base, String identifier) {
        return base + "uri/" + segment(identifier);
    }

    /** {@code {base}uri/{identifier}.{suffix}}. */
    static String entity(String base, String identifier, Format f) {
        return entity(base, identifier) + "." + f.suffix();
    }

    /** {@code {base}resolve?uri={iri}}. */
    static String resolve(String base, String iri) {
        return base + "resolve?uri=" + query(iri);
    }

    static String resolve(String base, String iri, Format f) {
        return resolve(base, iri) + "&format=" + f.suffix();
    }

    static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String query(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** True for IRIs a browser may follow from a page (http and https only: never javascript: or data:). */
    static boolean followable(String iri) {
        if (iri == null) return false;
        String l = iri.toLowerCase(Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://");
    }

    /** An IRI made safe for a Link header: characters outside RFC 3986 are percent-encoded. */
    static String headerSafe(String iri) {
        StringBuilder sb = new StringBuilder(iri.length());
        for (byte b : iri.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && c != '<' && c != '>' && c != '"' && c != '\\' && c != '^' && c != '`'
                    && c != '{' && c != '|' && c != '}') sb.append((char) c);
            else sb.append('%').append(String.format("%02X", c));
        }
        return sb.toString();
    }
}
