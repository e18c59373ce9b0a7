package org.skillgraph.sheet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.skillgraph.error.InputRejectedException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The sheets of a workbook saved as one CSV file per tab, in a folder or a zip: what a shared
 * online sheet gives when each tab is downloaded. A file is the sheet whose name ends its file
 * name, so {@code CF Item.csv} and {@code Framework - CF Item.csv} are both the CF Item sheet.
 * Zip entries are capped in size and in expansion ratio.
 */
final class CsvTables {
    /** The largest CSV file read from a zip, uncompressed. */
    static final long MAX_ENTRY_BYTES = 256L << 20;
    /** A zip entry that expands more than this many times is refused. */
    static final long MAX_RATIO = 100;
    static final int MAX_ENTRIES = 1000;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private CsvTables() {}

    /** The sheet a CSV file name stands for, among {@code names}, or null. */
    static String sheetOf(String fileName, Collection<String> names) {
        String base = fileName.substring(fileName.lastIndexOf('/') + 1);
        if (!base.toLowerCase(Locale.ROOT).endsWith(".csv")) return null;
        String n = Table.norm(base.substring(0, base.length() - 4));
        String best = null;
        for (String s : names) {
            String k = Table.norm(s);
            if (n.endsWith(k) && (best == null || k.length() > Table.norm(best).length())) best = s;
        }
        return best;
    }

    /** Whether a folder holds a sheet saved as CSV (so it is one workbook, not a folder of packages). */
    static boolean isCsvFolder(Path dir, Collection<String> names) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(f -> sheetOf(f.getFileName().toString(), names) != null);
        } catch (IOException e) {
            return false;
        }
    }

    static Map<String, Table> folder(Path dir, String source, Collection<String> names) {
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.sorted().toList()) {
                String sheet = sheetOf(f.getFileName().toString(), names);
                if (sheet == null) continue;
                Path prev = files.put(sheet, f);
                if (prev != null) throw new InputRejectedException(source, null, "two files for the sheet " + sheet + ": "
                        + prev.getFileName() + " and " + f.getFileName());
            }
        } catch (IOException e) {
            throw new InputRejectedException(source, null, "cannot list folder: " + e.getMessage(), e);
        }
        Map<String, Table> out = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : files.entrySet()) {
            try {
                out.put(e.getKey(), parse(e.getKey(), decode(Files.readAllBytes(e.getValue()), e.getValue().getFileName().toString(), source), source));
            } catch (IOException x) {
                throw new InputRejectedException(source, e.getValue().getFileName().toString(), "cannot read: " + x.getMessage(), x);
            }
        }
        return out;
    }

    static Map<String, Table> zip(Path file, String source, Collection<String> names) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Map<String, ZipEntry> entries = new TreeMap<>();
            int count = 0;
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry z = en.nextElement();
                if (++count > MAX_ENTRIES) throw new InputRejectedException(source, null, "refused: more than " + MAX_ENTRIES + " files in the zip");
                if (z.isDirectory() || z.getName().contains("__MACOSX")) continue;
                String sheet = sheetOf(z.getName(), names);
                if (sheet == null) continue;
                ZipEntry prev = entries.put(sheet, z);
                if (prev != null) throw new InputRejectedException(source, null, "two files for the sheet " + sheet + ": "
                        + prev.getName() + " and " + z.getName());
            }
            Map<String, Table> out = new LinkedHashMap<>();
            for (Map.Entry<String, ZipEntry> e : entries.entrySet()) {
                byte[] bytes = capped(zip, e.getValue(), source);
                out.put(e.getKey(), parse(e.getKey(), decode(bytes, e.getValue().getName(), source), source));
            }
            return out;
        } catch (ZipException e) {
            throw new InputRejectedException(source, null, "not a zip of CSV files: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InputRejectedException(source, null, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads one entry, stopping at the size cap or when it expands suspiciously (a zip bomb). */
    private static byte[] capped(ZipFile zip, ZipEntry z, String source) throws IOException {
        long compressed = Math.max(z.getCompressedSize(), 1);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] b = new byte[64 * 1024];
        try (InputStream in = zip.getInputStream(z)) {
            int n;
            while ((n = in.read(b)) > 0) {
                buf.write(b, 0, n);
                long size = buf.size();
                if (size > MAX_ENTRY_BYTES)
                    throw new InputRejectedException(source, z.getName(), "refused: larger than " + (MAX_ENTRY_BYTES >> 20) + " MB uncompressed");
                if (size > (1 << 20) && size / compressed > MAX_RATIO)
                    throw new InputRejectedException(source, z.getName(), "refused: expands more than " + MAX_RATIO + " times (zip bomb guard)");
            }
        }
        return buf.toByteArray();
    }

    private static String decode(byte[] bytes, String file, String source) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new InputRejectedException(source, file, "not UTF-8 text; save the CSV as UTF-8", e);
        }
    }

    static Table parse(String sheet, String text, String source) {
        List<Table.Row> rows = new ArrayList<>();
        List<String> header = null;
        int headerRow = 0;
        try (Reader r = new StringReader(text); CSVParser p = FORMAT.parse(r)) {
            for (CSVRecord rec : p) {
                int number = (int) rec.getRecordNumber();
                boolean any = false;
                for (String v : rec) if (!v.isBlank()) { any = true; break; }
                if (!any) continue;
                if (header == null) {
                    header = new ArrayList<>();
                    for (String v : rec) header.add(v.isBlank() ? null : v.strip());
                    headerRow = number;
                    continue;
                }
                String[] values = new String[header.size()];
                for (int i = 0; i < Math.min(values.length, rec.size()); i++) values[i] = rec.get(i).isBlank() ? null : rec.get(i);
                rows.add(new Table.Row(number, values, new BitSet(), new BitSet(), false));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new InputRejectedException(source, sheet, "not readable as CSV: " + e.getMessage(), e);
        }
        return new Table(sheet, false, headerRow, header == null ? List.of() : Collections.unmodifiableList(header), rows);
    }
}
