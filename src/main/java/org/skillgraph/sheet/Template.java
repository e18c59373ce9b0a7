package org.skillgraph.sheet;

import org.apache.poi.ss.usermodel.*;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.skillgraph.mapping.Directions;
import org.skillgraph.vocab.SG;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An empty workbook for authors: instructions, the three CASE sheets with a note on every header,
 * drop-down lists for CFItemType, educationLevel and associationType, and an Alignments sheet in
 * plain words whose relationship is a drop-down of phrases in both directions. Aligned to another
 * framework, its codes and statements are offered in the Alignments sheet (from a hidden sheet).
 */
public final class Template {
    /** Rows that get drop-downs and formulas. */
    static final int ROWS = 1000;

    /** One item of the framework to align to. */
    public record TheirItem(String code, String statement, String identifier, String uri) {}

    static final List<String> ITEM_TYPES = List.of("Domain", "Cluster", "Standard", "Competency", "Skill", "Knowledge",
            "Ability", "Task", "Learning Objective", "Performance Indicator");
    /** CEDS grade levels, the values CASE uses for educationLevel. */
    static final List<String> EDUCATION_LEVELS = List.of("IT", "PR", "PK", "TK", "KG", "01", "02", "03", "04", "05", "06",
            "07", "08", "09", "10", "11", "12", "13", "PS", "UG", "AE", "Other");

    private static final Map<String, String> NOTES = Map.ofEntries(
            Map.entry("identifier", "Leave empty: a stable identifier is made from the framework and the code (or smartLevel). Fill in to keep an existing one."),
            Map.entry("creator", "Required. Who wrote the framework."),
            Map.entry("title", "Required. The framework's name."),
            Map.entry("lastChangeDate", "The date of this version, e.g. 2026-11-28. Empty: the day of import."),
            Map.entry("officialSourceURL", "Where the framework is published. Cite it: a framework without one gets a warning."),
            Map.entry("publisher", "The organisation that publishes it."),
            Map.entry("subject", "Subjects, separated by |"),
            Map.entry("language", "Language code, e.g. en"),
            Map.entry("adoptionStatus", "Draft, Adopted, Deprecated, ..."),
            Map.entry("licenseTitle", "e.g. CC BY 4.0"),
            Map.entry("fullStatement", "Required. The competency, as a learner or worker would do it: 'Write SQL to join tables'."),
            Map.entry("humanCodingScheme", "The code people use, e.g. DA-3.2. Associations and Alignments name items by it."),
            Map.entry("smartLevel", "Place in the tree: 1, 1.1, 1.2, 1.2.1 ... Gives parent and order. Typed as text, so 1.10 stays 1.10."),
            Map.entry("listEnumeration", "Optional numbering shown to readers."),
            Map.entry("conceptKeywords", "Keywords, separated by |"),
            Map.entry("educationLevel", "Grade levels (CEDS), several separated by |: 13|14 or UG."),
            Map.entry("CFItemType", "Pick one, or type your own: Domain, Competency, Skill, ..."),
            Map.entry("license", "Title of the item's license, if it differs from the framework's."),
            Map.entry("originNodeHumanCodingScheme", "The code of the item the association starts from (or give originNodeIdentifier / originNodeURI)."),
            Map.entry("associationType", "Pick one. The sentence reads: origin <type> destination, e.g. DA-3.2 isPartOf JR-1.4."),
            Map.entry("destinationNodeHumanCodingScheme", "The code of the item the association points to (or give destinationNodeIdentifier / destinationNodeURI)."),
            Map.entry("destinationNodeURI", "For an item of another framework: its URI."),
            Map.entry("our code", "The code of one of your items (from CF Item)."),
            Map.entry("relationship", "Pick the phrase that makes the sentence true, read left to right: our item <relationship> their item. Both directions are offered."),
            Map.entry("their framework", "The framework you align to."),
            Map.entry("their code", "The code of their item (offered when the template was made with --align-to), or its URI."),
            Map.entry("reads as", "Check this sentence: it is what the row will say."));

    private final String theirFramework;
    private final List<TheirItem> theirItems;

    public Template(String theirFramework, List<TheirItem> theirItems) {
        this.theirFramework = theirFramework;
        this.theirItems = theirItems;
    }

    public Template() { this(null, List.of()); }

    public void write(OutputStream out) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            new Run(wb).write();
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class Run {
        final XSSFWorkbook wb;
        final CellStyle header, text, wrap;

        Run(XSSFWorkbook wb) {
            this.wb = wb;
            header = Layout.headerStyle(wb);
            text = Layout.textStyle(wb);
            wrap = wb.createCellStyle();
            wrap.setWrapText(true);
        }

        void write() {
            instructions();
            Sheet doc = sheet(Layout.DOC, Layout.DOC_COLUMNS);
            doc.createRow(1);
            Sheet item = sheet(Layout.ITEM, Layout.ITEM_COLUMNS);
            for (String c : List.of("identifier", "humanCodingScheme", "smartLevel", "listEnumeration"))
                item.setDefaultColumnStyle(Layout.ITEM_COLUMNS.indexOf(c), text);
            Sheet assoc = sheet(Layout.ASSOCIATION, Layout.ASSOCIATION_COLUMNS);
            Sheet align = sheet(Layout.ALIGNMENTS, Layout.ALIGNMENT_COLUMNS);
            Sheet lists = wb.createSheet("Lists");
            List<String> phrases = Directions.phrases().stream().map(Directions.Phrase::text).distinct().toList();
            String types = column(lists, 0, "CFItemType", ITEM_TYPES);
            String levels = column(lists, 1, "educationLevel", EDUCATION_LEVELS);
            String assocTypes = column(lists, 2, "associationType", SG.ASSOCIATION_TYPES);
            String relationships = column(lists, 3, "relationship", phrases);
            wb.setSheetHidden(wb.getSheetIndex(lists), true);

            dropDown(item, Layout.ITEM_COLUMNS.indexOf("CFItemType"), types, false);
            dropDown(item, Layout.ITEM_COLUMNS.indexOf("educationLevel"), levels, false);
            dropDown(assoc, Layout.ASSOCIATION_COLUMNS.indexOf("associationType"), assocTypes, true);
            dropDown(align, 0, "'" + Layout.ITEM + "'!$C$2:$C$" + (ROWS + 1), false);
            dropDown(align, 2, relationships, true);
            alignmentFormulas(align);
            if (theirFramework != null) theirItems(align);
        }

        void instructions() {
            Sheet s = wb.createSheet("Instructions");
            s.setColumnWidth(0, 120 * 256);
            List<String> lines = new ArrayList<>(List.of(
                    "How to write a competency framework in this workbook",
                    "",
                    "1. CF Doc: one row under the header describes the framework: title and creator are required; cite officialSourceURL and publisher.",
                    "2. CF Item: one row per competency. fullStatement is required. smartLevel places it in the tree: 1, 1.1, 1.2, 1.2.1 ...",
                    "   (1.2 is a child of 1; numbers give the order). Give each item a code (humanCodingScheme), e.g. DA-3.2.",
                    "3. CF Association (optional): relations between items, by code. The sentence reads: origin <associationType> destination.",
                    "4. Alignments: relations to another framework, in words. Pick 'our code', a relationship phrase and 'their code';",
                    "   'reads as' shows the sentence the row will say, e.g.: DA-3.2 \"Write SQL to join tables\" is part of JR-1.4 \"Prepare data sets for analysis\".",
                    "   Both directions are offered (is part of / has part): pick the one that makes the sentence true, the right association is made.",
                    "",
                    "Leave identifier columns empty: stable identifiers are made from the framework and the codes, so importing again gives the same links.",
                    "Every header has a note (hover over it). Problems are reported with their cell, e.g. CF Item!B17: fullStatement is empty.",
                    "",
                    "Check:   skillgraph validate THIS-FILE.xlsx",
                    "Import:  skillgraph import THIS-FILE.xlsx"));
            if (theirFramework != null) lines.add(3 + 7, "Aligned to: " + theirFramework + " (" + theirItems.size() + " items offered in the Alignments sheet).");
            for (int i = 0; i < lines.size(); i++) s.createRow(i).createCell(0).setCellValue(lines.get(i));
            s.getRow(0).getCell(0).setCellStyle(header);
        }

        Sheet sheet(String name, List<String> columns) {
            Sheet s = wb.createSheet(name);
            Row h = s.createRow(0);
            Drawing<?> drawing = s.createDrawingPatriarch();
            CreationHelper help = wb.getCreationHelper();
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = h.createCell(c);
                cell.setCellValue(columns.get(c));
                cell.setCellStyle(header);
                s.setColumnWidth(c, Math.max(14, Math.min(60, columns.get(c).length() + 4)) * 256);
                String note = NOTES.get(columns.get(c));
                if (note == null) continue;
                ClientAnchor anchor = help.createClientAnchor();
                anchor.setCol1(c);
                anchor.setCol2(c + 4);
                anchor.setRow1(0);
                anchor.setRow2(4);
                Comment comment = drawing.createCellComment(anchor);
                comment.setString(help.createRichTextString(note));
                comment.setAuthor("skillgraph");
                cell.setCellComment(comment);
            }
            s.createFreezePane(0, 1);
            return s;
        }

        /** Writes a list in a column of the hidden Lists sheet; returns its range for a drop-down. */
        String column(Sheet lists, int col, String title, List<String> values) {
            for (int i = 0; i <= values.size(); i++) {
                Row r = lists.getRow(i) != null ? lists.getRow(i) : lists.createRow(i);
                r.createCell(col).setCellValue(i == 0 ? title : values.get(i - 1));
            }
            String letter = org.apache.poi.ss.util.CellReference.convertNumToColString(col);
            return "Lists!$" + letter + "$2:$" + letter + "$" + (values.size() + 1);
        }

        /** A drop-down on a column; strict refuses other values, else a warning lets the author keep their own. */
        void dropDown(Sheet s, int col, String range, boolean strict) {
            DataValidationHelper help = s.getDataValidationHelper();
            DataValidation v = help.createValidation(help.createFormulaListConstraint(range), new CellRangeAddressList(1, ROWS, col, col));
            v.setErrorStyle(strict ? DataValidation.ErrorStyle.STOP : DataValidation.ErrorStyle.WARNING);
            v.setShowErrorBox(true);
            v.setSuppressDropDownArrow(true);
            s.addValidationData(v);
        }

        /** our statement, their statement and reads as fill themselves in from the codes. */
        void alignmentFormulas(Sheet s) {
            s.setColumnWidth(6, 100 * 256);
            for (int r = 1; r <= ROWS; r++) {
                Row row = s.createRow(r);
                int n = r + 1;
                row.createCell(1).setCellFormula("IFERROR(INDEX('" + Layout.ITEM + "'!$B:$B,MATCH(A" + n + ",'" + Layout.ITEM + "'!$C:$C,0)),\"\")");
                if (theirFramework != null)
                    row.createCell(5).setCellFormula("IFERROR(INDEX('" + Layout.THEIR_ITEMS + "'!$C:$C,MATCH(E" + n + ",'" + Layout.THEIR_ITEMS + "'!$B:$B,0)),\"\")");
                row.createCell(6).setCellFormula("IF(OR(A" + n + "=\"\",C" + n + "=\"\",E" + n + "=\"\"),\"\",A" + n + "&\" \"\"\"&B" + n
                        + "&\"\"\" \"&C" + n + "&\" \"&E" + n + "&\" \"\"\"&F" + n + "&\"\"\"\")");
            }
        }

        void theirItems(Sheet align) {
            Sheet s = wb.createSheet(Layout.THEIR_ITEMS);
            Row h = s.createRow(0);
            for (int c = 0; c < Layout.THEIR_ITEM_COLUMNS.size(); c++) h.createCell(c).setCellValue(Layout.THEIR_ITEM_COLUMNS.get(c));
            int r = 1;
            for (TheirItem i : theirItems) {
                Row row = s.createRow(r++);
                row.createCell(0).setCellValue(theirFramework);
                if (i.code() != null) row.createCell(1).setCellValue(i.code());
                row.createCell(2).setCellValue(i.statement());
                if (i.identifier() != null) row.createCell(3).setCellValue(i.identifier());
                if (i.uri() != null) row.createCell(4).setCellValue(i.uri());
            }
            wb.setSheetHidden(wb.getSheetIndex(s), true);
            Sheet lists = wb.getSheet("Lists");
            String fw = column(lists, 4, "their framework", List.of(theirFramework));
            dropDown(align, 3, fw, false);
            dropDown(align, 4, "'" + Layout.THEIR_ITEMS + "'!$B$2:$B$" + Math.max(2, theirItems.size() + 1), false);
        }
    }
}
