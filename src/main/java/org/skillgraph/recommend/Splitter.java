package org.skillgraph.recommend;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits document text into the passages that are ranked: sentences and list items.
 * <ul>
 *   <li>A line starting with a bullet ({@code - * + • ◦ ▪ ‣ ·}) or a number or letter ({@code 1.}
 *       {@code 2)} {@code (a)} {@code b.}) is a list item. A line that starts in lower case continues
 *       the list item or paragraph before it (wrapped lines of a PDF).</li>
 *   <li>Headings are skipped: Markdown {@code #} lines, and a short line (at most {@value #HEADING_WORDS}
 *       words) without final punctuation, or ending with a colon, unless the next line continues it
 *       in lower case. Several short lines in a row
 *       without punctuation are list items (a list without bullets).</li>
 *   <li>Other lines are joined into paragraphs (up to a blank line, a list item or a heading) and
 *       split into sentences after {@code . ! ?} followed by a capital or digit, except after common
 *       abbreviations and initials. A list item of several sentences is split likewise.</li>
 *   <li>Sentences under {@value #MIN_WORDS} words or {@value #MIN_LETTERS} letters are dropped (list
 *       items: under 2 words or 6 letters), as are repeats; passages are cut at {@value #MAX_CHARS} characters.</li>
 * </ul>
 */
public final class Splitter {
    private Splitter() {}

    public enum Kind { SENTENCE, BULLET }

    /** One passage: its text, whether it came from a list item, and the line it starts on (1-based). */
    public record Passage(String text, Kind kind, int line) {}

    static final int MIN_WORDS = 3, MIN_LETTERS = 12, HEADING_WORDS = 8, MAX_CHARS = 1000;

    private static final Pattern BULLET = Pattern.compile(
            "^\\s*(?:[-*+\u2022\u25E6\u25AA\u25CF\u2023\u00B7\u2013\u2014\u25A0\u2043\uF0B7]|\\(?(?:\\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)])\\s+(.*)$");
    private static final Pattern HEADING_MD = Pattern.compile("^\\s*#{1,6}\\s*(.*)$");
    private static final Pattern SENTENCE_END = Pattern.compile("([.!?])[\"')\\]]*\\s+(?=[\"'(\\[]?[\\p{Lu}\\d])");
    private static final Set<String> ABBREVIATIONS = Set.of(
            "e.g", "i.e", "etc", "vs", "dr", "mr", "mrs", "ms", "prof", "inc", "ltd", "co", "corp", "no", "nr",
            "st", "jr", "sr", "approx", "dept", "fig", "cf", "al", "u.s", "u.k", "e.u", "ph.d", "b.s", "m.s",
            "b.a", "m.a", "incl", "min", "max", "hrs", "wk", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
            "sept", "oct", "nov", "dec");

    public static List<Passage> split(String text) {
        List<Passage> raw = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').replace('\f', '\n').split("\n", -1);
        StringBuilder para = new StringBuilder();
        int paraLine = 0;
        StringBuilder bullet = null;
        int bulletLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replace('\t', ' ').replace('\u00A0', ' ').strip().replaceAll("\\s+", " ");
            int no = i + 1;
            if (line.isEmpty()) {
                bullet = flushBullet(raw, bullet, bulletLine);
                flushParagraph(raw, para, paraLine);
                continue;
            }
            Matcher md = HEADING_MD.matcher(line);
            Matcher b = BULLET.matcher(line);
            boolean shortLine = isShort(line) && !startsLower(neighbour(lines, i, 1));
            boolean lower = Character.isLowerCase(line.codePointAt(0));
            if (lower && bullet != null) {
                bullet.append(' ').append(line);
            } else if (lower && !para.isEmpty()) {
                para.append(' ').append(line);
            } else if (shortLine && !line.endsWith(":") && (isShort(neighbour(lines, i, -1)) || isShort(neighbour(lines, i, 1)))) {
                // A run of short lines without punctuation: a list without bullets.
                bullet = flushBullet(raw, bullet, bulletLine);
                flushParagraph(raw, para, paraLine);
                bullet = new StringBuilder(line);
                bulletLine = no;
            } else if (md.matches() || shortLine) {
                bullet = flushBullet(raw, bullet, bulletLine);
                flushParagraph(raw, para, paraLine);
            } else if (b.matches() && !b.group(1).isBlank()) {
                bullet = flushBullet(raw, bullet, bulletLine);
                flushParagraph(raw, para, paraLine);
                bullet = new StringBuilder(b.group(1));
                bulletLine = no;
            } else {
                bullet = flushBullet(raw, bullet, bulletLine);
                if (para.isEmpty()) paraLine = no;
                else para.append(' ');
                para.append(line);
            }
        }
        flushBullet(raw, bullet, bulletLine);
        flushParagraph(raw, para, paraLine);
        Set<String> seen = new LinkedHashSet<>();
        List<Passage> out = new ArrayList<>();
        for (Passage p : raw) {
            String t = p.text().length() > MAX_CHARS ? p.text().substring(0, MAX_CHARS) : p.text();
            boolean isBullet = p.kind() == Kind.BULLET;
            if (words(t) < (isBullet ? MIN_WORDS - 1 : MIN_WORDS) || letters(t) < (isBullet ? MIN_LETTERS / 2 : MIN_LETTERS)) continue;
            if (seen.add(t.toLowerCase(java.util.Locale.ROOT))) out.add(new Passage(t, p.kind(), p.line()));
        }
        return out;
    }

    /** A short line without final punctuation, or a short line ending with a colon; not a list item. */
    static boolean isShort(String line) {
        if (line == null || line.isEmpty() || words(line) > HEADING_WORDS) return false;
        char last = line.charAt(line.length() - 1);
        return (last == ':' || ".!?;,".indexOf(last) < 0) && !BULLET.matcher(line).matches() && !HEADING_MD.matcher(line).matches();
    }

    private static boolean startsLower(String line) {
        return line != null && Character.isLowerCase(line.codePointAt(0));
    }

    /** The adjacent line before ({@code -1}) or after ({@code 1}), trimmed; null at a blank line or the end. */
    private static String neighbour(String[] lines, int i, int step) {
        int j = i + step;
        if (j < 0 || j >= lines.length) return null;
        String l = lines[j].strip();
        return l.isEmpty() ? null : l.replaceAll("\\s+", " ");
    }

    private static StringBuilder flushBullet(List<Passage> out, StringBuilder bullet, int line) {
        if (bullet != null) for (String s : sentences(bullet.toString())) out.add(new Passage(s, Kind.BULLET, line));
        return null;
    }

    private static void flushParagraph(List<Passage> out, StringBuilder para, int line) {
        if (para.isEmpty()) return;
        for (String s : sentences(para.toString())) out.add(new Passage(s, Kind.SENTENCE, line));
        para.setLength(0);
    }

    /** Sentences of one paragraph. */
    static List<String> sentences(String para) {
        List<String> out = new ArrayList<>();
        Matcher m = SENTENCE_END.matcher(para);
        int start = 0;
        while (m.find()) {
            if (m.group(1).equals(".") && abbreviation(para, m.start())) continue;
            out.add(para.substring(start, m.end()).strip());
            start = m.end();
        }
        if (start < para.length()) out.add(para.substring(start).strip());
        out.removeIf(String::isEmpty);
        return out;
    }

    /** Whether the word before the period at {@code dot} is an abbreviation or a single initial. */
    private static boolean abbreviation(String s, int dot) {
        int b = dot;
        while (b > 0 && !Character.isWhitespace(s.charAt(b - 1)) && s.charAt(b - 1) != '(') b--;
        String w = s.substring(b, dot).toLowerCase(java.util.Locale.ROOT);
        return w.length() == 1 && Character.isLetter(w.charAt(0)) || ABBREVIATIONS.contains(w);
    }

    static int words(String s) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean w = Character.isLetterOrDigit(s.charAt(i));
            if (w && !in) n++;
            in = w;
        }
        return n;
    }

    private static int letters(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (Character.isLetter(s.charAt(i))) n++;
        return n;
    }
}
