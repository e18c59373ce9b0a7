package org.skillgraph.sheet;

import org.apache.poi.ss.util.CellReference;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One sheet as read: its header (the first row with content) and the rows below it that have
 * content. Cells are text as shown (formulas by their cached value, dates as ISO dates); a blank
 * cell is null. Rows and columns are numbered as the spreadsheet numbers them (row 1, column A).
 */
record Table(String name, boolean hidden, int headerRow, List<String> header, List<Row> rows, Map<String, Integer> index) {

    Table(String name, boolean hidden, int headerRow, List<String> header, List<Row> rows) {
        this(name, hidden, headerRow, header, rows, columns(header));
    }

    /**
     * One row: its number in the sheet, one value per header column, the columns whose cell was a
     * number shown in the General format (which cannot keep trailing zeros), and the columns whose
     * cell shows a formula error such as #REF!.
     */
    record Row(int number, String[] values, BitSet generalNumbers, BitSet errors, boolean hidden) {
        String get(int column) {
            return column < 0 || column >= values.length ? null : values[column];
        }
    }

    /** Header names compared without case, spaces or punctuation: "Full Statement" is fullStatement. */
    static String norm(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (char c : name.toCharArray()) if (Character.isLetterOrDigit(c)) sb.append(Character.toLowerCase(c));
        return sb.toString();
    }

    /** The column of a header name, or -1. */
    int column(String name) {
        return index.getOrDefault(norm(name), -1);
    }

    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < header.size(); i++) if (header.get(i) != null) m.putIfAbsent(norm(header.get(i)), i);
        return m;
    }

    /** A cell's address as a person reads it, e.g. {@code CF Item!B17}. */
    String cell(int column, int row) {
        return name + "!" + CellReference.convertNumToColString(Math.max(column, 0)) + row;
    }

    /** The header cell of a column. */
    String headerCell(int column) { return cell(column, headerRow); }

    String rowRef(int row) { return name + " row " + row; }
}
