package org.skillgraph.align;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A simple English analyzer for BM25: lower case, accents removed, split on anything that is not
 * a letter or digit, stop words dropped, and a light suffix stemmer (plurals, -ing, -ed, -er/-or,
 * -ist, -ation, -ment, -al, -ic, -ity, -ive, -ly), so that "engineer", "engineers" and "engineering"
 * meet, and "manager"/"management" meet.
 */
public final class Tokens {
    private Tokens() {}

    static final Set<String> STOP = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "into", "is", "it",
            "its", "of", "on", "or", "such", "that", "the", "their", "them", "these", "they", "this", "those", "to",
            "was", "were", "which", "who", "will", "with", "other", "all", "any", "may", "also", "etc", "e", "g",
            "i", "ie", "eg", "not", "no", "than", "then", "there", "use", "used", "using", "can", "including",
            "include", "includes", "work", "worker", "workers", "perform", "performs", "duties");

    public static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        String s = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        int i = 0, n = s.length();
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(s.charAt(i))) i++;
            int j = i;
            while (j < n && Character.isLetterOrDigit(s.charAt(j))) j++;
            if (j > i) {
                String w = s.substring(i, j);
                if (!STOP.contains(w)) out.add(stemAll(w));
            }
            i = j;
        }
        return out;
    }

    private static final String[][] SUFFIXES = {
            {"ational", "ate"}, {"izations", "ize"}, {"ization", "ize"}, {"ations", "ate"}, {"ation", "ate"},
            {"nesses", ""}, {"ness", ""}, {"ments", ""}, {"ment", ""}, {"ities", ""}, {"ity", ""},
            {"ists", ""}, {"ist", ""}, {"isms", ""}, {"ism", ""}, {"ings", ""}, {"ing", ""}, {"ers", ""}, {"er", ""},
            {"ors", ""}, {"or", ""}, {"ives", ""}, {"ive", ""}, {"ically", ""}, {"ical", ""}, {"ics", ""}, {"ic", ""},
            {"ally", ""}, {"als", ""}, {"al", ""}, {"ly", ""}, {"ied", "y"}, {"ies", "y"}, {"ed", ""}, {"es", ""}, {"s", ""},
    };

    /** Stems until nothing changes (at most three suffixes): "engineering" -> "engineer" -> "engin". */
    static String stemAll(String w) {
        for (int i = 0; i < 3; i++) {
            String s = stem(w);
            if (s.equals(w)) break;
            w = s;
        }
        return w;
    }

    /** A light suffix stemmer: removes one suffix, keeping at least three letters of stem. */
    static String stem(String w) {
        if (w.length() <= 3 || !Character.isLetter(w.charAt(0))) return w;
        if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is")) return w;
        for (String[] s : SUFFIXES) {
            if (w.endsWith(s[0]) && w.length() - s[0].length() >= 3) {
                String r = w.substring(0, w.length() - s[0].length()) + s[1];
                // "es" only after s, x, z, ch, sh (buses, boxes, churches); else just "s" (nurses -> nurse).
                if (s[0].equals("es") && !(r.endsWith("s") || r.endsWith("x") || r.endsWith("z") || r.endsWith("ch") || r.endsWith("sh")))
                    r = w.substring(0, w.length() - 1);
                // Doubled consonant after -ing/-ed/-er: "planning" -> "plan".
                if ((s[0].startsWith("ing") || s[0].equals("ed") || s[0].startsWith("er")) && r.length() > 3
                        && r.charAt(r.length() - 1) == r.charAt(r.length() - 2) && "lsz".indexOf(r.charAt(r.length() - 1)) < 0
                        && "aeiou".indexOf(r.charAt(r.length() - 1)) < 0)
                    r = r.substring(0, r.length() - 1);
                return trimE(r);
            }
        }
        return trimE(w);
    }

    /** Final silent e dropped so "manage" and "manag(er)" meet. */
    private static String trimE(String r) {
        return r.length() > 4 && r.endsWith("e") ? r.substring(0, r.length() - 1) : r;
    }
}
