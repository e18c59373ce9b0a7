package org.skillgraph.reference.onet;

import org.skillgraph.error.InputRejectedException;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One tab-delimited O*NET text file, read line by line. The first line is the header: every
 * required column must be there, every column must be known and appear once. A field wrapped in
 * double quotes (as Excel writes fields that contain quotes) is unquoted, {@code ""} becoming
 * {@code "}. Blank lines are skipped. Anything malformed is an {@link InputRejectedException}
 * naming the file and the line.
 */
final class TsvFile implements Closeable {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern INTEGRAL = Pattern.compile("[+-]?\\d+(\\.0*)?");
    private static final Pattern DATE = Pattern.compile("(0[1-9]|1[0-2])/\\d{4}");

    private final String name;
    private final BufferedReader reader;
    private final Map<String, Integer> columns = new HashMap<>();
    private final int width;
    private final List<String> fields = new ArrayList<>();
    private int line;

    /** Opens {@code file}, checks its header against {@code required} and {@code optional} columns. */
    TsvFile(Path file, Set<String> required, Set<String> optional) {
        this.name = file.getFileName().toString();
        try {
            // Invalid bytes become U+FFFD, rejected with their line (a strict decoder fails a whole buffer early).
            this.reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                            .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            String header = readLine();
            if (header == null) throw new InputRejectedException(name, "line 1", "empty file: no header line");
            if (header.startsWith("\uFEFF")) header = header.substring(1);
            split(header);
            for (int i = 0; i < fields.size(); i++) {
                String c = fields.get(i).strip();
                if (!required.contains(c) && !optional.contains(c))
                    throw reject("unexpected column '" + c + "' in the header (expected " + expected(required, optional) + ")");
                if (columns.put(c, i) != null) throw reject("column '" + c + "' appears twice in the header");
            }
            for (String c : required)
                if (!columns.containsKey(c))
                    throw reject("missing column '" + c + "' in the header (expected " + expected(required, optional) + ")");
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        width = fields.size();
    }

    private static String expected(Set<String> required, Set<String> optional) {
        List<String> all = new ArrayList<>(required);
        all.addAll(optional);
        return String.join(", ", all.stream().sorted().toList());
    }

    String name() { return name; }
    int line() { return line; }

    /** The index of a column, or -1 when the file does not have it. */
    int column(String name) { return columns.getOrDefault(name, -1); }

    /** Reads the next data row; false at the end of the file. */
    boolean next() {
        String l;
        do {
            l = readLine();
            if (l == null) return false;
        } while (l.isEmpty());
        split(l);
        if (fields.size() != width)
            throw reject("expected " + width + " tab-separated fields as in the header, found " + fields.size());
        return true;
    }

    private String readLine() {
        try {
            String l = reader.readLine();
            if (l != null) {
                line++;
                if (l.indexOf('\uFFFD') >= 0) throw reject("not UTF-8 text");
            }
            return l;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void split(String l) {
        fields.clear();
        int start = 0;
        for (int i = 0; i <= l.length(); i++) {
            if (i == l.length() || l.charAt(i) == '\t') {
                fields.add(unquote(l.substring(start, i)));
                start = i + 1;
            }
        }
    }

    private static String unquote(String f) {
        if (f.length() >= 2 && f.charAt(0) == '"' && f.charAt(f.length() - 1) == '"')
            return f.substring(1, f.length() - 1).replace("\"\"", "\"");
        return f;
    }

    /** The raw value of a column in the current row ("" when the file lacks the column). */
    String get(int column) { return column < 0 ? "" : fields.get(column).strip(); }

    private static boolean absent(String v) { return v.isEmpty() || v.equalsIgnoreCase("n/a"); }

    /** A value that must be present. */
    String required(int column, String what) {
        String v = get(column);
        if (absent(v)) throw reject("empty " + what);
        return v;
    }

    /** A value, or null when empty or n/a. */
    String optional(int column) {
        String v = get(column);
        return absent(v) ? null : v;
    }

    /** A required value matching {@code pattern}. */
    String id(int column, String what, Pattern pattern) {
        String v = required(column, what);
        if (!pattern.matcher(v).matches()) throw reject("malformed " + what + " '" + v + "'");
        return v;
    }

    /** A decimal (lexical form as written); null when optional and empty. */
    String decimal(int column, String what, boolean required) {
        String v = required ? required(column, what) : optional(column);
        if (v != null && !DECIMAL.matcher(v).matches()) throw reject(what + " '" + v + "' is not a number");
        return v;
    }

    /** An integer ({@code 28.0} is read as 28); null when optional and empty. */
    String integer(int column, String what, boolean required) {
        String v = required ? required(column, what) : optional(column);
        if (v == null) return null;
        if (!INTEGRAL.matcher(v).matches()) throw reject(what + " '" + v + "' is not an integer");
        int dot = v.indexOf('.');
        String i = dot < 0 ? v : v.substring(0, dot);
        return i.startsWith("+") ? i.substring(1) : i;
    }

    /** A Y/N flag; null when empty or n/a. */
    Boolean flag(int column, String what) {
        String v = optional(column);
        if (v == null) return null;
        if (v.equals("Y")) return Boolean.TRUE;
        if (v.equals("N")) return Boolean.FALSE;
        throw reject(what + " '" + v + "' is not Y or N");
    }

    /** A MM/YYYY date as {@code YYYY-MM}; null when empty. */
    String date(int column) {
        String v = optional(column);
        if (v == null) return null;
        if (!DATE.matcher(v).matches()) throw reject("Date '" + v + "' is not MM/YYYY");
        return v.substring(3) + "-" + v.substring(0, 2);
    }

    InputRejectedException reject(String reason) {
        return new InputRejectedException(name, "line " + line, reason);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
