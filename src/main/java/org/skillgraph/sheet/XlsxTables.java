package org.skillgraph.sheet;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.RecordFormatException;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.skillgraph.error.InputRejectedException;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.*;
import java.util.function.Predicate;

/**
 * Reads the sheets of an .xlsx file with POI's streaming (SAX) API: memory follows the cells
 * that hold something, never the sheet's "used range", so a million formatted empty rows cost
 * time to skip but no memory. Formula cells give their cached value, date cells an ISO date,
 * merged cells their value in every cell they cover. POI's zip-bomb guard (ZipSecureFile) applies.
 */
final class XlsxTables {
    private XlsxTables() {}

    /** The sheets whose name {@code wanted} accepts, by name as written in the workbook. */
    static Map<String, Table> read(Path file, String source, Predicate<String> wanted) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            StylesTable styles = reader.getStylesTable();
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            Set<String> hidden = hiddenSheets(reader);
            Map<String, Table> out = new LinkedHashMap<>();
            XSSFReader.SheetIterator it = reader.getSheetIterator();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    String name = it.getSheetName();
                    if (!wanted.test(name)) continue;
                    out.put(name, sheet(name, hidden.contains(name), in, styles, strings));
                }
            }
            return out;
        } catch (OLE2NotOfficeXmlFileException e) {
            throw new InputRejectedException(source, null, "an Excel 97-2003 (.xls) or encrypted file; save it as .xlsx (Excel Workbook)", e);
        } catch (NotOfficeXmlFileException e) {
            throw new InputRejectedException(source, null, "not a workbook: the file is not an .xlsx (Office Open XML) file", e);
        } catch (IOException | OpenXML4JException | OpenXML4JRuntimeException | POIXMLException | RecordFormatException
                 | SAXException | ParserConfigurationException | IllegalStateException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("Zip bomb") || msg.contains("zip bomb") || msg.contains("MaxEntrySize") || msg.contains("max entry size"))
                throw new InputRejectedException(source, null, "refused: the workbook expands far beyond its size (zip bomb guard)", e);
            throw new InputRejectedException(source, null, "not a readable workbook: " + firstLine(msg), e);
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static Set<String> hiddenSheets(XSSFReader reader) throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        Set<String> hidden = new HashSet<>();
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes a) {
                if (localName.equals("sheet") && a.getValue("state") != null && !"visible".equals(a.getValue("state")))
                    hidden.add(a.getValue("name"));
            }
        });
        try (InputStream in = reader.getWorkbookData()) {
            xml.parse(new InputSource(in));
        }
        return hidden;
    }

    private static Table sheet(String name, boolean hidden, InputStream in, StylesTable styles, ReadOnlySharedStringsTable strings)
            throws IOException, SAXException, ParserConfigurationException {
        Collector rows = new Collector();
        XSSFSheetXMLHandler cells = new XSSFSheetXMLHandler(styles, strings, rows, new IsoDates(), false);
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(new Tap(cells, rows, styles));
        xml.parse(new InputSource(in));
        return rows.table(name, hidden);
    }

    /** Formats like the spreadsheet shows, except dates: ISO 8601 (2024-01-15, or 2024-01-15T10:30:00). */
    private static final class IsoDates extends DataFormatter {
        IsoDates() { super(Locale.ROOT); }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime t = DateUtil.getLocalDateTime(value, use1904Windowing, true);
                if (t.toLocalTime().toSecondOfDay() == 0) return t.toLocalDate().toString();
                return t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }

    /** A raw row while reading: cells by column. */
    private record RawRow(int number, TreeMap<Integer, String> cells, BitSet generalNumbers, BitSet errors, boolean hidden) {}

    /** Keeps the rows that hold something; what {@link Tap} saw about the current cell comes with it. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        final List<RawRow> rows = new ArrayList<>();
        final List<CellRangeAddress> merged = new ArrayList<>();
        RawRow current;
        boolean rowHidden;
        boolean cellGeneralNumber;
        boolean cellError;
        int lastColumn = -1;

        @Override public void startRow(int rowNum) {
            current = new RawRow(rowNum + 1, new TreeMap<>(), new BitSet(), new BitSet(), rowHidden);
            lastColumn = -1;
        }

        @Override public void endRow(int rowNum) {
            if (!current.cells.isEmpty()) rows.add(current);
            current = null;
        }

        @Override public void cell(String ref, String value, XSSFComment comment) {
            int col = ref == null ? lastColumn + 1 : new CellReference(ref).getCol();
            lastColumn = col;
            if (current == null || value == null || value.isBlank()) return;
            if (cellError) {
                current.errors.set(col);
                if (value.startsWith("ERROR:")) value = value.substring(6);
            }
            if (cellGeneralNumber) current.generalNumbers.set(col);
            current.cells.put(col, value);
        }

        Table table(String name, boolean hidden) {
            fillMerged();
            if (rows.isEmpty()) return new Table(name, hidden, 0, List.of(), List.of());
            RawRow head = rows.get(0);
            int width = head.cells.isEmpty() ? 0 : head.cells.lastKey() + 1;
            List<String> header = new ArrayList<>(Collections.nCopies(width, (String) null));
            head.cells.forEach((c, v) -> header.set(c, v.strip()));
            List<Table.Row> out = new ArrayList<>(rows.size() - 1);
            for (RawRow r : rows.subList(1, rows.size())) {
                String[] values = new String[width];
                boolean any = false;
                for (Map.Entry<Integer, String> e : r.cells.entrySet()) {
                    if (e.getKey() < width) { values[e.getKey()] = e.getValue(); any = true; }
                }
                int extra = r.cells.isEmpty() ? -1 : r.cells.lastKey();
                if (any || extra >= width)
                    out.add(new Table.Row(r.number, values, r.generalNumbers, r.errors, r.hidden));
            }
            return new Table(name, hidden, head.number, Collections.unmodifiableList(header), out);
        }

        /** A merged range shows its top-left value in every cell it covers (of the rows that hold anything). */
        void fillMerged() {
            if (merged.isEmpty()) return;
            Map<Integer, RawRow> byNumber = new HashMap<>();
            for (RawRow r : rows) byNumber.put(r.number, r);
            for (CellRangeAddress m : merged) {
                RawRow top = byNumber.get(m.getFirstRow() + 1);
                String v = top == null ? null : top.cells.get(m.getFirstColumn());
                if (v == null) continue;
                for (int r = m.getFirstRow(); r <= m.getLastRow(); r++) {
                    RawRow row = byNumber.get(r + 1);
                    if (row == null) continue;
                    for (int c = m.getFirstColumn(); c <= m.getLastColumn(); c++) row.cells.putIfAbsent(c, v);
                }
            }
        }
    }

    /**
     * Passes the sheet XML to POI's handler and notes what that handler does not report: hidden
     * rows, merged ranges, a cell's type (number, error) and whether a number is shown in General.
     */
    private static final class Tap extends DefaultHandler {
        final DefaultHandler inner;
        final Collector rows;
        final StylesTable styles;

        Tap(DefaultHandler inner, Collector rows, StylesTable styles) {
            this.inner = inner;
            this.rows = rows;
            this.styles = styles;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes a) throws SAXException {
            switch (localName) {
                case "row" -> {
                    String h = a.getValue("hidden");
                    rows.rowHidden = "1".equals(h) || "true".equals(h);
                }
                case "c" -> {
                    String t = a.getValue("t");
                    rows.cellError = "e".equals(t);
                    rows.cellGeneralNumber = (t == null || "n".equals(t)) && general(a.getValue("s"));
                }
                case "mergeCell" -> {
                    String ref = a.getValue("ref");
                    if (ref != null && ref.contains(":")) rows.merged.add(CellRangeAddress.valueOf(ref));
                }
                default -> { }
            }
            inner.startElement(uri, localName, qName, a);
        }

        private boolean general(String style) {
            if (styles == null) return true;
            int i = style == null ? 0 : Integer.parseInt(style);
            if (i >= styles.getNumCellStyles()) return true;
            XSSFCellStyle s = styles.getStyleAt(i);
            return s == null || s.getDataFormat() == 0 || "General".equalsIgnoreCase(s.getDataFormatString());
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            inner.endElement(uri, localName, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            inner.characters(ch, start, length);
        }
    }
}
