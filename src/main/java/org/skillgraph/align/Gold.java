package org.skillgraph.align;

import org.skillgraph.error.InputRejectedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A gold crosswalk: CSV or TSV (tab if the header has one), with a header row. Which column holds
 * the source and which the target is given, or found: the column whose values match the most
 * source concepts (by IRI or notation), and likewise for the target.
 */
public final class Gold {
    public record Pair(String source, String target) {}

    private Gold() {}

    public static List<String[]> readRows(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        int nl = text.indexOf('\n');
        char sep = (nl < 0 ? text : text.substring(0, nl)).indexOf('\t') >= 0 ? '\t' : ',';
        List<String[]> rows = parse(text, sep);
        if (rows.isEmpty()) throw new InputRejectedException(file.toString(), null, "empty gold file");
        return rows;
    }

    /** RFC 4180 quoting (quotes around fields, "" inside), separator given. */
    static List<String[]> parse(String text, char sep) {
        List<String[]> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false, any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') { f.append('"'); i++; }
                    else quoted = false;
                } else f.append(c);
            } else if (c == '"') { quoted = true; any = true; }
            else if (c == sep) { row.add(f.toString()); f.setLength(0); any = true; }
            else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                if (any || f.length() > 0) { row.add(f.toString()); rows.add(row.toArray(String[]::new)); }
                row = new ArrayList<>(); f.setLength(0); any = false;
            } else { f.append(c); any = true; }
        }
        if (any || f.length() > 0) { row.add(f.toString()); rows.add(row.toArray(String[]::new)); }
        return rows;
    }

    /** The column (by header name or 0-based number) whose values are best matched by {@code keys}. */
    static int column(List<String[]> rows, String given, java.util.Set<String> keys, String what) {
        String[] header = rows.get(0);
        if (given != null) {
            for (int i = 0; i < header.length; i++) if (header[i].strip().equalsIgnoreCase(given)) return i;
            try { return Integer.parseInt(given); } catch (NumberFormatException e) {
                throw new IllegalArgumentException("no column '" + given + "' in the gold file (columns: " + String.join(", ", header) + ")");
            }
        }
        int best = -1, bestHits = 0;
        for (int c = 0; c < header.length; c++) {
            int hits = 0;
            for (int r = 1; r < rows.size(); r++) if (c < rows.get(r).length && keys.contains(rows.get(r)[c].strip())) hits++;
            if (hits > bestHits) { best = c; bestHits = hits; }
        }
        if (best < 0) throw new IllegalArgumentException("no column of the gold file names " + what + " concepts (by IRI or notation); give it with an option");
        return best;
    }
}
