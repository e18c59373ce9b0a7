package org.skillgraph.sheet;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Workbook;

import java.util.List;

/**
 * The workbook layout OpenSALT and CASE Network use: sheet names and their columns, in the
 * order they are written. Columns beyond these carry the other CASE fields under their CASE JSON
 * names (links and extensions as JSON), so that an exported framework imports back unchanged.
 */
final class Layout {
    private Layout() {}

    static final String DOC = "CF Doc";
    static final String ITEM = "CF Item";
    static final String ASSOCIATION = "CF Association";
    /** Not in the OpenSALT layout: the CFDefinitions, so that nothing of a framework is lost. */
    static final String DEFINITIONS = "CF Definitions";
    static final String ALIGNMENTS = "Alignments";
    /** The items of the framework an Alignments sheet aligns to (hidden; made by {@code template --align-to}). */
    static final String THEIR_ITEMS = "Their Items";

    static final List<String> SHEETS = List.of(DOC, ITEM, ASSOCIATION, DEFINITIONS, ALIGNMENTS, THEIR_ITEMS);

    static final List<String> DOC_COLUMNS = List.of("identifier", "creator", "title", "lastChangeDate",
            "officialSourceURL", "publisher", "description", "subject", "language", "version", "adoptionStatus",
            "statusStartDate", "statusEndDate", "licenseTitle", "licenseText", "notes");
    static final List<String> ITEM_COLUMNS = List.of("identifier", "fullStatement", "humanCodingScheme", "smartLevel",
            "listEnumeration", "abbreviatedStatement", "conceptKeywords", "notes", "language", "educationLevel",
            "CFItemType", "license");
    static final List<String> ASSOCIATION_COLUMNS = List.of("identifier", "originNodeURI", "originNodeIdentifier",
            "originNodeHumanCodingScheme", "associationType", "destinationNodeURI", "destinationNodeIdentifier",
            "destinationNodeHumanCodingScheme", "associationGroupIdentifier", "associationGroupName");
    /** Written after the standard association columns: what a link end or group holds besides its identifier. */
    static final List<String> ASSOCIATION_EXTRA = List.of("associationGroupURI", "originNodeTitle", "originNodeTargetType",
            "destinationNodeTitle", "destinationNodeTargetType");
    /** The first column of CF Definitions: which CFDefinitions list the row belongs to (CFItemType, CFLicense, ...). */
    static final String DEFINITION_TYPE = "definitionType";

    static final List<String> ALIGNMENT_COLUMNS = List.of("our code", "our statement", "relationship",
            "their framework", "their code", "their statement", "reads as");
    /** Hidden columns after the Alignments columns: the other end exactly, as an export writes it. */
    static final List<String> ALIGNMENT_HIDDEN = List.of("their identifier", "their uri");
    static final List<String> THEIR_ITEM_COLUMNS = List.of("framework", "code", "statement", "identifier", "uri");

    /** The separator of list values (subject, conceptKeywords, educationLevel). */
    static final String LIST_SEPARATOR = "|";

    /** Bold, for header rows. */
    static CellStyle headerStyle(Workbook wb) {
        Font bold = wb.createFont();
        bold.setBold(true);
        CellStyle s = wb.createCellStyle();
        s.setFont(bold);
        return s;
    }

    /** The Text number format ("@"), so that 1.10 typed in a code or smartLevel column stays 1.10. */
    static CellStyle textStyle(Workbook wb) {
        CellStyle s = wb.createCellStyle();
        s.setDataFormat(wb.createDataFormat().getFormat("@"));
        return s;
    }
}
