package org.skillgraph.sheet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.skillgraph.casejson.*;
import org.skillgraph.error.InputRejectedException;
import org.skillgraph.mapping.Directions;
import org.skillgraph.vocab.Iris;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.*;
import java.util.function.Function;

/**
 * Writes a framework (the CASE model, as {@code mapping.RdfToCase} gives it) as a workbook in the
 * OpenSALT layout, streaming (SXSSF: a window of rows in memory). The standard columns come first;
 * the other CASE fields follow under their CASE names, so that importing the file gives back the
 * same framework. smartLevel is computed from the isChildOf tree; isChildOf associations that
 * smartLevel and the defaults say exactly are not repeated in CF Association. Rubrics are not written.
 */
public final class WorkbookWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CELL = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    /** What a reader of the Alignments sheet wants to know of an item in another framework. */
    public record Their(String framework, String code, String statement) {}

    private final Function<Link, Optional<Their>> lookup;

    /** {@code lookup} finds the items of other frameworks that associations point at (e.g. in the store). */
    public WorkbookWriter(Function<Link, Optional<Their>> lookup) { this.lookup = lookup; }

    public WorkbookWriter() { this(l -> Optional.empty()); }

    public void write(CasePackage pkg, OutputStream out) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            new Run(pkg, wb, lookup).write();
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The columns of one sheet: name and how to get the cell of an entity. */
    private record Column(String name, Function<CaseEntity, String> value) {}

    private static final class Run {
        final CasePackage pkg;
        final SXSSFWorkbook wb;
        final CaseEntity doc;
        final String framework;
        final String lastChange;
        final CellStyle header;
        final CellStyle text;
        final Map<String, CaseEntity> itemsById = new HashMap<>();
        final Map<String, String> level = new HashMap<>();
        final Map<String, String> parentOf = new HashMap<>();
        final List<CaseEntity> ordered = new ArrayList<>();

        final Function<Link, Optional<Their>> lookup;

        Run(CasePackage pkg, SXSSFWorkbook wb, Function<Link, Optional<Their>> lookup) {
            this.pkg = pkg;
            this.lookup = lookup;
            this.wb = wb;
            this.doc = pkg.document();
            this.framework = doc.identifier();
            this.lastChange = doc.string("lastChangeDateTime");
            header = Layout.headerStyle(wb);
            text = Layout.textStyle(wb);
            for (CaseEntity i : pkg.items()) itemsById.putIfAbsent(i.identifier(), i);
        }

        void write() {
            levels();
            documentSheet();
            itemSheet();
            associationSheet();
            definitionsSheet();
            alignmentSheet();
        }

        /** One row per association with an end outside this framework, read from our side, with the sentence. */
        void alignmentSheet() {
            List<String[]> rows = new ArrayList<>();
            for (CaseEntity a : pkg.associations()) {
                Link o = a.link("originNodeURI"), d = a.link("destinationNodeURI");
                String type = a.string("associationType");
                if (o == null || d == null || type == null) continue;
                boolean oursIsOrigin = here(o) && !here(d), oursIsDestination = here(d) && !here(o);
                if (!oursIsOrigin && !oursIsDestination) continue;
                CaseEntity ours = itemsById.get((oursIsOrigin ? o : d).identifier());
                if (ours == null) continue;
                Link other = oursIsOrigin ? d : o;
                Their their = lookup.apply(other).orElse(new Their(null, null, other.title()));
                String statement = their.statement() != null ? their.statement() : other.title();
                String phrase = oursIsOrigin ? Directions.forward(type) : Directions.inverse(type);
                String ourNamed = Directions.named(ours.string("humanCodingScheme"), ours.string("fullStatement"));
                String theirNamed = Directions.named(their.code(), statement);
                rows.add(new String[]{ours.string("humanCodingScheme"), ours.string("fullStatement"), phrase, their.framework(),
                        their.code(), statement, ourNamed + " " + phrase + " " + theirNamed, other.identifier(), other.uri()});
            }
            if (rows.isEmpty()) return;
            List<String> names = new ArrayList<>(Layout.ALIGNMENT_COLUMNS);
            names.addAll(Layout.ALIGNMENT_HIDDEN);
            Sheet s = wb.createSheet(Layout.ALIGNMENTS);
            Row h = s.createRow(0);
            for (int c = 0; c < names.size(); c++) {
                h.createCell(c).setCellValue(names.get(c));
                h.getCell(c).setCellStyle(header);
            }
            for (int c = Layout.ALIGNMENT_COLUMNS.size(); c < names.size(); c++) s.setColumnHidden(c, true);
            s.createFreezePane(0, 1);
            int r = 1;
            for (String[] values : rows) {
                Row row = s.createRow(r++);
                for (int c = 0; c < values.length; c++) if (values[c] != null) row.createCell(c).setCellValue(values[c]);
            }
        }

        boolean here(Link l) {
            return l.identifier() != null && (itemsById.containsKey(l.identifier()) || l.identifier().equals(framework));
        }

        // ---- smartLevel from the isChildOf tree

        void levels() {
            Map<String, List<CaseEntity>> children = new HashMap<>();
            Map<String, BigDecimal> seq = new HashMap<>();
            for (CaseEntity a : pkg.associations()) {
                if (!"isChildOf".equals(a.string("associationType"))) continue;
                Link o = a.link("originNodeURI"), d = a.link("destinationNodeURI");
                if (o == null || d == null || o.identifier() == null || d.identifier() == null) continue;
                CaseEntity child = itemsById.get(o.identifier());
                boolean parentHere = itemsById.containsKey(d.identifier()) || d.identifier().equals(framework);
                if (child == null || !parentHere || parentOf.containsKey(child.identifier())) continue;
                parentOf.put(child.identifier(), d.identifier());
                children.computeIfAbsent(d.identifier(), k -> new ArrayList<>()).add(child);
                Object s = a.values().get("sequenceNumber");
                if (s != null) seq.put(child.identifier(), new BigDecimal(s.toString()));
            }
            Set<String> seen = new HashSet<>();
            Deque<Object[]> stack = new ArrayDeque<>();
            stack.push(new Object[]{framework, ""});
            while (!stack.isEmpty()) {
                Object[] top = stack.pop();
                String id = (String) top[0], prefix = (String) top[1];
                List<CaseEntity> kids = new ArrayList<>(children.getOrDefault(id, List.of()));
                kids.sort(Comparator.comparing((CaseEntity k) -> seq.getOrDefault(k.identifier(), BigDecimal.valueOf(Long.MAX_VALUE)))
                        .thenComparing(k -> String.valueOf(k.string("humanCodingScheme"))).thenComparing(CaseEntity::identifier));
                boolean ownNumbers = kids.stream().allMatch(k -> seq.containsKey(k.identifier()) && seq.get(k.identifier()).signum() > 0
                        && seq.get(k.identifier()).stripTrailingZeros().scale() <= 0)
                        && kids.stream().map(k -> seq.get(k.identifier())).distinct().count() == kids.size();
                List<Object[]> next = new ArrayList<>();
                for (int i = 0; i < kids.size(); i++) {
                    CaseEntity k = kids.get(i);
                    if (!seen.add(k.identifier())) continue;
                    String n = ownNumbers ? seq.get(k.identifier()).toBigInteger().toString() : String.valueOf(i + 1);
                    String lv = prefix.isEmpty() ? n : prefix + "." + n;
                    level.put(k.identifier(), lv);
                    ordered.add(k);
                    next.add(new Object[]{k.identifier(), lv});
                }
                for (int i = next.size() - 1; i >= 0; i--) stack.push(next.get(i));
            }
            // depth-first order: re-sort by level
            ordered.sort(Comparator.comparing(e -> WorkbookReader.levelKeyOrder(level.get(e.identifier()))));
            for (CaseEntity i : pkg.items()) if (!level.containsKey(i.identifier())) ordered.add(i);
        }

        /** Whether the reader would make exactly this association from smartLevel and the defaults. */
        boolean implied(CaseEntity a) {
            if (!"isChildOf".equals(a.string("associationType"))) return false;
            Link o = a.link("originNodeURI"), d = a.link("destinationNodeURI");
            if (o == null || d == null || o.identifier() == null || d.identifier() == null) return false;
            CaseEntity child = itemsById.get(o.identifier());
            if (child == null || !d.identifier().equals(parentOf.get(o.identifier())) || !level.containsKey(o.identifier())) return false;
            String lv = level.get(o.identifier());
            String last = lv.substring(lv.lastIndexOf('.') + 1);
            CaseEntity parent = d.identifier().equals(framework) ? doc : itemsById.get(d.identifier());
            String parentTitle = parent == doc ? doc.string("title") : parent.string("fullStatement");
            Set<String> plain = Set.of("identifier", "associationType", "sequenceNumber", "uri", "lastChangeDateTime", "originNodeURI", "destinationNodeURI", "CFDocumentURI");
            return a.identifier().equals(WorkbookReader.impliedChildOf(framework, o.identifier(), d.identifier()))
                    && last.equals(String.valueOf(a.values().get("sequenceNumber")))
                    && defaultUri(a.identifier()).equals(a.uri())
                    && Objects.equals(lastChange, a.string("lastChangeDateTime"))
                    && a.values().keySet().stream().allMatch(plain::contains) && a.unknown().isEmpty()
                    && o.equals(new Link(child.string("fullStatement"), child.identifier(), child.uri()))
                    && d.equals(new Link(parentTitle, parent.identifier(), parent.uri()));
        }

        static String defaultUri(String identifier) { return Iris.entity(null, identifier).getURI(); }

        // ---- sheets

        void documentSheet() {
            List<Column> cols = new ArrayList<>();
            Link license = doc.link("licenseURI");
            CaseEntity licenseDef = license == null ? null : pkg.definitions(EntityType.LICENSE).stream()
                    .filter(l -> l.identifier().equals(license.identifier())).findFirst().orElse(null);
            for (String c : Layout.DOC_COLUMNS) {
                switch (c) {
                    case "lastChangeDate" -> cols.add(new Column(c, e -> e.string("lastChangeDateTime")));
                    case "licenseTitle" -> cols.add(new Column(c, e -> license == null ? null : license.title()));
                    case "licenseText" -> cols.add(new Column(c, e -> licenseDef == null ? null : licenseDef.string("licenseText")));
                    default -> cols.add(field(EntityType.DOCUMENT, c));
                }
            }
            extra(cols, EntityType.DOCUMENT, List.of(doc), Set.of("lastChangeDateTime"));
            sheet(Layout.DOC, cols, List.of(doc), Set.of());
        }

        void itemSheet() {
            List<Column> cols = new ArrayList<>();
            for (String c : Layout.ITEM_COLUMNS) {
                switch (c) {
                    case "smartLevel" -> cols.add(new Column(c, e -> level.get(e.identifier())));
                    case "license" -> cols.add(new Column(c, e -> e.link("licenseURI") == null ? null : e.link("licenseURI").title()));
                    default -> cols.add(field(EntityType.ITEM, c));
                }
            }
            extra(cols, EntityType.ITEM, pkg.items(), Set.of());
            sheet(Layout.ITEM, cols, ordered, Set.of("smartLevel", "humanCodingScheme", "identifier", "listEnumeration"));
        }

        void associationSheet() {
            List<CaseEntity> rows = pkg.associations().stream().filter(a -> !implied(a)).toList();
            List<Column> cols = new ArrayList<>();
            for (String c : Layout.ASSOCIATION_COLUMNS) {
                switch (c) {
                    case "originNodeURI", "destinationNodeURI" -> cols.add(new Column(c, e -> end(e, c).uri()));
                    case "originNodeIdentifier" -> cols.add(new Column(c, e -> end(e, "originNodeURI").identifier()));
                    case "destinationNodeIdentifier" -> cols.add(new Column(c, e -> end(e, "destinationNodeURI").identifier()));
                    case "originNodeHumanCodingScheme" -> cols.add(new Column(c, e -> code(end(e, "originNodeURI"))));
                    case "destinationNodeHumanCodingScheme" -> cols.add(new Column(c, e -> code(end(e, "destinationNodeURI"))));
                    case "associationGroupIdentifier" -> cols.add(new Column(c, e -> group(e).identifier()));
                    case "associationGroupName" -> cols.add(new Column(c, e -> group(e).title()));
                    default -> cols.add(field(EntityType.ASSOCIATION, c));
                }
            }
            for (String c : Layout.ASSOCIATION_EXTRA) {
                Column col = switch (c) {
                    case "associationGroupURI" -> new Column(c, e -> group(e).uri());
                    case "originNodeTitle" -> new Column(c, e -> end(e, "originNodeURI").title());
                    case "originNodeTargetType" -> new Column(c, e -> end(e, "originNodeURI").targetType());
                    case "destinationNodeTitle" -> new Column(c, e -> end(e, "destinationNodeURI").title());
                    default -> new Column(c, e -> end(e, "destinationNodeURI").targetType());
                };
                if (rows.stream().anyMatch(e -> col.value().apply(e) != null)) cols.add(col);
            }
            extra(cols, EntityType.ASSOCIATION, rows, Set.of("CFAssociationGroupingURI"));
            sheet(Layout.ASSOCIATION, cols, rows, Set.of("originNodeHumanCodingScheme", "destinationNodeHumanCodingScheme", "identifier"));
        }

        void definitionsSheet() {
            List<CaseEntity> rows = new ArrayList<>();
            for (EntityType t : EntityType.DEFINITIONS) rows.addAll(pkg.definitions(t));
            if (rows.isEmpty()) return;
            List<Column> cols = new ArrayList<>();
            cols.add(new Column(Layout.DEFINITION_TYPE, e -> e.type().caseName()));
            Set<String> names = new LinkedHashSet<>();
            for (EntityType t : EntityType.DEFINITIONS) for (Field f : t.fields()) names.add(f.json());
            for (String n : names) {
                Column c = new Column(n, e -> e.type().field(n).map(f -> cell(f, e.values().get(n))).orElse(null));
                if (rows.stream().anyMatch(e -> c.value().apply(e) != null)) cols.add(c);
            }
            unknownColumns(cols, rows);
            sheet(Layout.DEFINITIONS, cols, rows, Set.of());
        }

        Link end(CaseEntity a, String side) {
            Link l = a.link(side);
            return l == null ? new Link(null, null, null) : l;
        }

        Link group(CaseEntity a) {
            Link l = a.link("CFAssociationGroupingURI");
            return l == null ? new Link(null, null, null) : l;
        }

        String code(Link l) {
            CaseEntity i = l.identifier() == null ? null : itemsById.get(l.identifier());
            return i == null ? null : i.string("humanCodingScheme");
        }

        Column field(EntityType type, String name) {
            Field f = type.field(name).orElseThrow(() -> new IllegalStateException(type + " has no field " + name));
            return new Column(name, e -> cell(f, e.values().get(name)));
        }

        /** Columns for the CASE fields the layout has no column for, where any entity has a value other than the default. */
        void extra(List<Column> cols, EntityType type, List<CaseEntity> rows, Set<String> covered) {
            Set<String> have = new HashSet<>();
            cols.forEach(c -> have.add(c.name()));
            for (Field f : type.fields()) {
                String n = f.json();
                if (have.contains(n) || covered.contains(n) || n.equals("CFDocumentURI")) continue;
                Column c = new Column(n, e -> {
                    Object v = e.values().get(n);
                    if (v == null) return null;
                    if (n.equals("uri") && v.equals(defaultUri(e.identifier()))) return null;
                    if (n.equals("lastChangeDateTime") && v.equals(lastChange)) return null;
                    return cell(f, v);
                });
                if (rows.stream().anyMatch(e -> c.value().apply(e) != null)) cols.add(c);
            }
            unknownColumns(cols, rows);
        }

        void unknownColumns(List<Column> cols, List<CaseEntity> rows) {
            Set<String> keys = new LinkedHashSet<>();
            for (CaseEntity e : rows) keys.addAll(e.unknown().keySet());
            for (String k : keys) cols.add(new Column(k, e -> {
                JsonNode v = e.unknown().get(k);
                return v == null || v.isNull() ? null : v.isTextual() ? v.asText() : v.toString();
            }));
        }

        static String cell(Field f, Object v) {
            if (v == null) return null;
            return switch (f.kind()) {
                case STRING, TEXT, URL, DATE, DATE_TIME -> (String) v;
                case INTEGER -> v.toString();
                case NUMBER -> ((BigDecimal) v).toPlainString();
                case STRING_LIST -> String.join(Layout.LIST_SEPARATOR, ((List<?>) v).stream().map(String::valueOf).toList());
                case LINK -> CaseWriter.link((Link) v).toString();
                case LINK_LIST -> {
                    ArrayNode arr = JSON.createArrayNode();
                    for (Object l : (List<?>) v) arr.add(CaseWriter.link((Link) l));
                    yield arr.toString();
                }
                case JSON -> v.toString();
            };
        }

        void sheet(String name, List<Column> cols, List<CaseEntity> rows, Set<String> textColumns) {
            Sheet s = wb.createSheet(name);
            Row h = s.createRow(0);
            for (int c = 0; c < cols.size(); c++) {
                h.createCell(c).setCellValue(cols.get(c).name());
                h.getCell(c).setCellStyle(header);
                if (textColumns.contains(cols.get(c).name())) s.setDefaultColumnStyle(c, text);
            }
            s.createFreezePane(0, 1);
            int r = 1;
            for (CaseEntity e : rows) {
                Row row = s.createRow(r);
                for (int c = 0; c < cols.size(); c++) {
                    String v = cols.get(c).value().apply(e);
                    if (v == null) continue;
                    if (v.length() > MAX_CELL)
                        throw new InputRejectedException(name + "!" + CellReference.convertNumToColString(c) + (r + 1), null,
                                cols.get(c).name() + " of " + e.identifier() + " is longer than a spreadsheet cell holds (" + MAX_CELL + " characters)");
                    row.createCell(c).setCellValue(v);
                    if (textColumns.contains(cols.get(c).name())) row.getCell(c).setCellStyle(text);
                }
                r++;
            }
        }
    }
}
