package org.skillgraph.reference.esco;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Cleaning and splitting of ESCO CSV field values. */
final class Text {
    private Text() {}

    private static final Pattern LINES = Pattern.compile("\\s*\n\\s*");
    private static final Pattern PIPES = Pattern.compile("\\s+\\|\\s+");
    private static final Pattern IRI_LIST = Pattern.compile("[\\s,|]+");

    private static boolean blank(char c) { return Character.isWhitespace(c) || Character.isSpaceChar(c); }

    /** Trimmed of white space and no-break spaces at both ends, with \r\n and \r as \n. */
    static String clean(String s) {
        if (s == null || s.isEmpty()) return "";
        int a = 0, b = s.length();
        while (a < b && blank(s.charAt(a))) a++;
        while (b > a && blank(s.charAt(b - 1))) b--;
        String t = s.substring(a, b);
        return t.indexOf('\r') < 0 ? t : t.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * A list of labels: one per line as in the main files; in the collection files ({@code pipes})
     * joined with " | " instead. Empty and repeated items are dropped.
     */
    static List<String> labels(String s, boolean pipes) {
        List<String> out = new ArrayList<>();
        if (s.isEmpty()) return out;
        String[] parts = pipes && s.indexOf('\n') < 0 ? PIPES.split(s) : LINES.split(s);
        for (String p : parts) {
            String c = clean(p);
            if (!c.isEmpty() && !out.contains(c)) out.add(c);
        }
        return out;
    }

    /** A list of IRIs separated by commas, line breaks, spaces or " | ". */
    static List<String> iris(String s) {
        List<String> out = new ArrayList<>();
        if (s.isEmpty()) return out;
        for (String p : IRI_LIST.split(s)) if (!p.isEmpty()) out.add(p);
        return out;
    }
}
