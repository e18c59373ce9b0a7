package org.skillgraph.server.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses a {@link Format} from an Accept header (RFC 9110 section 12.5.1): each format takes the
 * quality of the most specific media range that matches it; the highest quality above zero wins,
 * and ties go to the order of {@link #PREFERENCE}: CASE JSON first, since a CASE {@code uri} is
 * expected to resolve to the entity's JSON (browsers ask for text/html explicitly). A missing or
 * empty header accepts any type.
 */
public final class Negotiation {
    static final List<Format> PREFERENCE = List.of(Format.JSON, Format.HTML, Format.JSONLD, Format.TURTLE, Format.NTRIPLES);

    private Negotiation() {}

    private record Range(String type, String subtype, double q) {
        /** 3 for an exact type, 2 for type/*, 1 for * /*, 0 when the range does not match. */
        int match(Format f) {
            if (type.equals("*")) return subtype.equals("*") ? 1 : 0;
            if (subtype.equals("*")) return f.mediaType().startsWith(type + "/") ? 2 : 0;
            return f.accepts(type + "/" + subtype) ? 3 : 0;
        }
    }

    /** The format to send, or empty when the header accepts none of them (406). */
    static Optional<Format> choose(String accept) {
        return choose(accept, PREFERENCE);
    }

    /** The format to send among {@code preference} (ties go to the earlier), or empty when the header accepts none. */
    public static Optional<Format> choose(String accept, List<Format> preference) {
        if (accept == null || accept.isBlank()) return Optional.of(preference.get(0));
        List<Range> ranges = parse(accept);
        Format best = null;
        double bestQ = 0;
        for (Format f : preference) {
            double q = quality(ranges, f);
            if (q > bestQ) {
                best = f;
                bestQ = q;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The quality the header gives {@code f}; 0 when it does not accept it. */
    static double quality(String accept, Format f) {
        if (accept == null || accept.isBlank()) return 1;
        return quality(parse(accept), f);
    }

    private static double quality(List<Range> ranges, Format f) {
        int spec = 0;
        double q = 0;
        for (Range r : ranges) {
            int m = r.match(f);
            if (m > spec || (m == spec && m > 0 && r.q > q)) {
                spec = m;
                q = r.q;
            }
        }
        return spec > 0 ? q : 0;
    }

    private static List<Range> parse(String accept) {
        List<Range> out = new ArrayList<>();
        for (String part : accept.split(",")) {
            String[] bits = part.split(";");
            if (bits.length == 0) continue;
            String mt = bits[0].trim().toLowerCase(Locale.ROOT);
            if (mt.equals("*")) mt = "*/*"; // sent by some old clients
            int slash = mt.indexOf('/');
            if (slash <= 0 || slash == mt.length() - 1) continue;
            double q = 1;
            for (int i = 1; i < bits.length; i++) {
                String p = bits[i].trim();
                if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                    try {
                        q = Math.max(0, Math.min(1, Double.parseDouble(p.substring(2).trim())));
                    } catch (NumberFormatException e) {
                        q = 0; // an unreadable weight accepts nothing rather than everything
                    }
                }
            }
            out.add(new Range(mt.substring(0, slash), mt.substring(slash + 1), q));
        }
        return out;
    }
}
