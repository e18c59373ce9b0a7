package org.skillgraph.reference.esco;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.skillgraph.error.InputRejectedException;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One CSV file read record by record (RFC 4180: quoted fields may span lines). Columns are found
 * by header name, compared without case, spaces, underscores or a byte order mark, so
 * {@code conceptUri}, {@code concept_uri} and {@code Concept URI} are one column. Each record
 * knows the line it starts on; a file that cannot be read as CSV is rejected with that line.
 */
final class CsvTable implements Closeable {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    final String file;
    final List<String> header;
    private final Map<String, Integer> columns = new HashMap<>();
    private final Set<String> used = new LinkedHashSet<>();
    private final BufferedReader reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long nextStart;

    private CsvTable(Path path) throws IOException {
        this.file = path.getFileName().toString();
        this.reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        this.parser = FORMAT.parse(reader);
        this.records = parser.iterator();
        this.nextStart = 1;
        Row h = next();
        if (h == null) throw new InputRejectedException(file, "line 1", "empty file: no header row");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < h.size(); i++) {
            String name = h.raw(i).replace("\uFEFF", "").strip();
            names.add(name);
            columns.putIfAbsent(norm(name), i);
        }
        this.header = Collections.unmodifiableList(names);
    }

    static CsvTable open(Path path) {
        try {
            return new CsvTable(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Header names compared without case, BOM, spaces, underscores or dashes. */
    static String norm(String header) {
        StringBuilder sb = new StringBuilder(header.length());
        for (char c : header.toCharArray())
            if (Character.isLetterOrDigit(c)) sb.append(Character.toLowerCase(c));
        return sb.toString();
    }

    /** The index of a column, or -1 when the file has none. */
    int column(String name) {
        Integer i = columns.get(norm(name));
        if (i == null) return -1;
        used.add(header.get(i));
        return i;
    }

    /** The index of a column the file must have; rejects the file when it is missing. */
    int require(String name) {
        int i = column(name);
        if (i < 0)
            throw new InputRejectedException(file, "line 1", "missing required column '" + name + "' (columns: "
                    + String.join(", ", header) + ")");
        return i;
    }

    /** Marks columns as known though not loaded (redundant copies of data held elsewhere). */
    void ignore(String... names) {
        for (String n : names) column(n);
    }

    /** Header names no {@link #column} or {@link #ignore} asked for. */
    List<String> unused() {
        List<String> out = new ArrayList<>();
        for (String h : header) if (!h.isEmpty() && !used.contains(h)) out.add(h);
        return out;
    }

    /** The next record, or null at the end of the file. */
    Row next() {
        long start = nextStart;
        boolean has;
        try {
            has = records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new InputRejectedException(file, "line " + start, reason(e), e);
        }
        if (!has) return null;
        CSVRecord r = records.next();
        nextStart = parser.getCurrentLineNumber() + 1;
        Row row = new Row(r, start);
        if (header != null && r.size() > header.size()) {
            for (int i = header.size(); i < r.size(); i++)
                if (!Text.clean(r.get(i)).isEmpty())
                    throw new InputRejectedException(file, "line " + start, r.size() + " fields but the header has "
                            + header.size() + " (a delimiter or quote out of place?)");
        }
        return row;
    }

    private static String reason(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof CharacterCodingException)) t = t.getCause();
        if (t instanceof CharacterCodingException) return "not UTF-8 text";
        String m = String.valueOf(t.getMessage()), lower = m.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("eof reached before encapsulated token finished"))
            return "unterminated quoted field: the file ends before its closing quote";
        if (lower.contains("between encapsulated token and delimiter"))
            return "text after a closing quote (a quote inside a field must be doubled)";
        return "malformed CSV: " + m;
    }

    @Override
    public void close() {
        try {
            parser.close();
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One record and the line it starts on. Missing trailing fields read as empty. */
    final class Row {
        private final CSVRecord record;
        final long line;

        Row(CSVRecord record, long line) {
            this.record = record;
            this.line = line;
        }

        int size() { return record.size(); }

        String raw(int i) { return i >= 0 && i < record.size() ? record.get(i) : ""; }

        /** The field, trimmed (also of no-break spaces), line ends as \n; "" when absent. */
        String get(int i) { return i < 0 ? "" : Text.clean(raw(i)); }

        String where() { return "line " + line; }

        InputRejectedException reject(String reason) {
            return new InputRejectedException(file, where(), reason);
        }
    }
}
