package org.skillgraph.sheet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.skillgraph.casejson.*;
import org.skillgraph.error.InputRejectedException;
import org.skillgraph.mapping.Directions;
import org.skillgraph.vocab.Iris;
import org.skillgraph.vocab.SG;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.*;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * Reads a framework from a workbook in the OpenSALT / CASE Network layout (sheets CF Doc,
 * CF Item, CF Association; see {@link Layout}) into the same CASE model the JSON reader gives,
 * so it goes through the same mapping, validation and store transaction. Accepts .xlsx, and the
 * same sheets as CSV files in a folder or a zip. Columns are found by header name. smartLevel
 * gives the hierarchy and order; empty identifiers get name-based UUIDs from the framework and the
 * item's code or smartLevel, so re-importing a sheet gives the same IRIs. Every problem is
 * reported with its cell, all of them at once, and nothing is returned then.
 */
public final class WorkbookReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SMART_LEVEL = Pattern.compile("\\d+(\\.\\d+)*");
    private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d\\d-\\d\\d");
    private static final Pattern DATE_TIME_SPACE = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?([+-]\\d\\d:\\d\\d|Z)?");
    private static final int PROBLEMS_SHOWN = 50;

    /** Whether a file or folder is read as a workbook (.xlsx, a zip of CSV sheets, a folder of CSV sheets). */
    public static boolean handles(Path p) {
        if (Files.isDirectory(p)) return CsvTables.isCsvFolder(p, Layout.SHEETS);
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".xlsx") || n.endsWith(".xlsm") || n.endsWith(".zip");
    }

    public ReadResult read(Path path, String source) {
        Map<String, Table> tables = new LinkedHashMap<>();
        List<String> found = new ArrayList<>();
        if (Files.isDirectory(path)) {
            tables.putAll(CsvTables.folder(path, source, Layout.SHEETS));
        } else if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip") && !isXlsx(path)) {
            tables.putAll(CsvTables.zip(path, source, Layout.SHEETS));
        } else {
            Map<String, Table> raw = XlsxTables.read(path, source, name -> { found.add(name); return canonical(name) != null; });
            for (Map.Entry<String, Table> e : raw.entrySet()) {
                Table prev = tables.put(canonical(e.getKey()), e.getValue());
                if (prev != null) throw new InputRejectedException(source, e.getKey(), "two sheets are both " + canonical(e.getKey()) + ": '"
                        + prev.name() + "' and '" + e.getKey() + "'");
            }
        }
        if (found.isEmpty()) tables.values().forEach(t -> found.add(t.name()));
        return new Session(source, tables, found).read();
    }

    private static boolean isXlsx(Path p) {
        try (ZipFile z = new ZipFile(p.toFile())) {
            return z.getEntry("[Content_Types].xml") != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** The layout's name of a sheet, ignoring case and spaces, or null. */
    static String canonical(String sheetName) {
        for (String s : Layout.SHEETS) if (Table.norm(s).equals(Table.norm(sheetName))) return s;
        return null;
    }

    private record Problem(String where, String what) {}

    /** An item as read, with what the hierarchy needs. */
    private record ItemRow(CaseEntity entity, String level, List<Integer> levelKey, String levelCell, boolean levelTypedAsNumber) {}

    /** One read of one workbook. */
    private static final class Session {
        final String source;
        final Map<String, Table> tables;
        final List<String> sheetNames;
        final List<Repair> repairs = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        final List<CaseEntity> items = new ArrayList<>();
        final List<ItemRow> itemRows = new ArrayList<>();
        final List<CaseEntity> associations = new ArrayList<>();
        final Map<EntityType, List<CaseEntity>> definitions = new EnumMap<>(EntityType.class);
        final Map<String, String> identifierAt = new HashMap<>();
        final Map<String, CaseEntity> itemsById = new HashMap<>();
        final Map<String, List<CaseEntity>> itemsByCode = new HashMap<>();
        final Map<String, CaseEntity> itemsByUri = new HashMap<>();
        final Set<String> explicitChildOf = new HashSet<>();
        final Map<String, List<Integer>> extensionColumns = new HashMap<>();
        CaseEntity doc;
        String framework;
        String lastChange;

        Session(String source, Map<String, Table> tables, List<String> sheetNames) {
            this.source = source;
            this.tables = tables;
            this.sheetNames = sheetNames;
        }

        ReadResult read() {
            boolean empty = tables.values().stream().allMatch(t -> t.header().isEmpty());
            if (empty && (tables.isEmpty() || tables.containsKey(Layout.DOC) || tables.containsKey(Layout.ITEM)))
                if (tables.isEmpty() && !sheetNames.isEmpty())
                    throw new InputRejectedException(source, null, "no " + Layout.DOC + " and " + Layout.ITEM + " sheets; the workbook has "
                            + String.join(", ", sheetNames.stream().map(s -> "'" + s + "'").toList()));
                else throw new InputRejectedException(source, null, "the workbook is empty: no " + Layout.DOC + " and " + Layout.ITEM + " sheets with content");
            for (String s : List.of(Layout.DOC, Layout.ITEM))
                if (!tables.containsKey(s)) problem(s, "sheet missing; the workbook has " + (sheetNames.isEmpty() ? "no sheets"
                        : String.join(", ", sheetNames.stream().map(n -> "'" + n + "'").toList())));
            done();
            for (Table t : tables.values()) notes(t);
            document();
            done();
            definitionsSheet();
            documentLicense();
            items();
            associationsSheet();
            alignments();
            hierarchy();
            done();
            String version = "1.1".equals(doc.string("caseVersion")) ? "1.1" : "1.0";
            CasePackage pkg = new CasePackage(version, doc, items, associations, definitions, List.of(), null);
            return new ReadResult(source, pkg, List.copyOf(repairs));
        }

        void problem(String where, String what) { problems.add(new Problem(where, what)); }

        void repair(String where, String what) { repairs.add(new Repair(where, what)); }

        /** Throws every problem found so far, each with its cell. */
        void done() {
            if (problems.isEmpty()) return;
            if (problems.size() == 1) throw new InputRejectedException(source, problems.get(0).where(), problems.get(0).what());
            StringBuilder sb = new StringBuilder(problems.size() + " problems:");
            for (Problem p : problems.subList(0, Math.min(PROBLEMS_SHOWN, problems.size())))
                sb.append("\n  ").append(p.where()).append(": ").append(p.what());
            if (problems.size() > PROBLEMS_SHOWN) sb.append("\n  ... and ").append(problems.size() - PROBLEMS_SHOWN).append(" more");
            throw new InputRejectedException(source, null, sb.toString());
        }

        void notes(Table t) {
            if (t.hidden()) repair(t.name(), "the sheet is hidden; read like the others");
            List<Integer> hidden = t.rows().stream().filter(Table.Row::hidden).map(Table.Row::number).toList();
            if (!hidden.isEmpty())
                repair(t.rowRef(hidden.get(0)), hidden.size() + " hidden row(s) read like the others (rows " + shortList(hidden) + ")");
            for (Table.Row r : t.rows())
                for (int c = r.errors().nextSetBit(0); c >= 0; c = r.errors().nextSetBit(c + 1))
                    problem(t.cell(c, r.number()), "the cell shows the error " + r.get(c) + "; fix the formula or type the value");
        }

        static String shortList(List<Integer> n) {
            String s = n.subList(0, Math.min(10, n.size())).toString().replaceAll("[\\[\\]]", "");
            return n.size() > 10 ? s + ", ..." : s;
        }

        boolean requireHeaders(Table t, String... names) {
            boolean ok = true;
            if (t.header().isEmpty()) {
                problem(t.name(), "the sheet is empty: the first row must name the columns (" + String.join(", ", names) + ", ...)");
                return false;
            }
            for (String n : names) {
                if (t.column(n) < 0) {
                    problem(t.cell(0, t.headerRow()), "no column '" + n + "' in the header row (found: "
                            + String.join(", ", t.header().stream().filter(Objects::nonNull).toList()) + ")");
                    ok = false;
                }
            }
            return ok;
        }

        static String strip(String v) {
            if (v == null) return null;
            String s = v.strip();
            return s.isEmpty() ? null : s;
        }

        static boolean blank(Table.Row r) {
            for (String v : r.values()) if (v != null && !v.isBlank()) return false;
            return true;
        }

        /** The cell of a column in a row; the row when the sheet has no such column. */
        static String at(Table t, int column, Table.Row r) {
            return column >= 0 ? t.cell(column, r.number()) : t.rowRef(r.number());
        }

        String defaultUri(String identifier) { return Iris.entity(null, identifier).getURI(); }

        void identifier(String id, String where) {
            String prev = identifierAt.putIfAbsent(id, where);
            if (prev != null) problem(where, "identifier " + id + " is already used at " + prev);
        }

        // ---- CF Doc

        void document() {
            Table t = tables.get(Layout.DOC);
            if (!requireHeaders(t, "title", "creator")) return;
            if (t.rows().isEmpty()) {
                problem(t.cell(0, t.headerRow() + 1), "the row below the header, which describes the framework, is empty");
                return;
            }
            Table.Row r = t.rows().get(0);
            for (Table.Row extra : t.rows().subList(1, t.rows().size()))
                if (!blank(extra)) problem(t.cell(0, extra.number()), "CF Doc describes one framework, in the row below the header; this is a second row");
            Map<String, Object> values = new LinkedHashMap<>();
            String title = r.get(t.column("title")), creator = r.get(t.column("creator"));
            if (strip(title) == null) problem(t.cell(t.column("title"), r.number()), "title is empty");
            if (strip(creator) == null) problem(t.cell(t.column("creator"), r.number()), "creator is empty");
            int idc = t.column("identifier");
            framework = strip(r.get(idc));
            if (framework == null) {
                framework = Iris.stableIdentifier("", "CFDocument " + strip(creator) + "\n" + strip(title));
                repair(at(t, idc, r), "identifier empty; named '" + framework
                        + "' from creator and title (fill it in to keep the framework's IRIs when the title changes)");
            }
            values.put("identifier", framework);
            int lc = t.column("lastChangeDateTime") >= 0 ? t.column("lastChangeDateTime") : t.column("lastChangeDate");
            String when = strip(r.get(lc));
            if (when == null) {
                lastChange = LocalDate.now(ZoneOffset.UTC) + "T00:00:00";
                repair(at(t, lc, r), "lastChangeDate empty; today's date used");
            } else lastChange = dateTime(when);
            String uri = strip(r.get(t.column("uri")));
            values.put("uri", uri != null ? uri : defaultUri(framework));
            values.put("lastChangeDateTime", lastChange);
            fields(EntityType.DOCUMENT, t, r, values, Set.of("identifier", "uri", "lastChangeDateTime", "licenseURI"));
            Map<String, JsonNode> unknown = unknown(t, r, Set.of("lastChangeDate", "licenseTitle", "licenseText"), EntityType.DOCUMENT);
            doc = new CaseEntity(EntityType.DOCUMENT, t.rowRef(r.number()), values, List.of(), unknown);
            identifier(framework, at(t, idc, r));
        }

        /** The framework's license: a licenseURI link, or a CFLicense made from licenseTitle and licenseText. */
        void documentLicense() {
            Table t = tables.get(Layout.DOC);
            Table.Row r = t.rows().get(0);
            int lu = t.column("licenseURI");
            if (r.get(lu) != null) {
                Link l = link(r.get(lu), t.cell(lu, r.number()), "licenseURI");
                if (l != null) doc.values().put("licenseURI", l);
                return;
            }
            String title = strip(r.get(t.column("licenseTitle")));
            if (title == null) return;
            doc.values().put("licenseURI", license(title, r.get(t.column("licenseText"))));
        }

        /** A link to the CFLicense of this title, made (once) when the definitions do not hold it. */
        Link license(String title, String text) {
            for (CaseEntity l : definitions.getOrDefault(EntityType.LICENSE, List.of()))
                if (title.equals(l.string("title"))) return new Link(title, l.identifier(), l.uri());
            String id = Iris.stableIdentifier(framework, "CFLicense " + title);
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("identifier", id);
            v.put("uri", defaultUri(id));
            v.put("title", title);
            if (strip(text) != null) v.put("licenseText", text);
            v.put("lastChangeDateTime", lastChange);
            definitions.computeIfAbsent(EntityType.LICENSE, k -> new ArrayList<>()).add(new CaseEntity(EntityType.LICENSE, Layout.DOC, v, List.of(), Map.of()));
            return new Link(title, id, defaultUri(id));
        }

        // ---- CF Definitions

        void definitionsSheet() {
            Table t = tables.get(Layout.DEFINITIONS);
            if (t == null || t.header().isEmpty()) return;
            if (!requireHeaders(t, Layout.DEFINITION_TYPE, "title")) return;
            int tc = t.column(Layout.DEFINITION_TYPE), idc = t.column("identifier");
            Set<String> definitionColumns = new HashSet<>(Set.of(Layout.DEFINITION_TYPE));
            for (EntityType d : EntityType.DEFINITIONS) for (Field f : d.fields()) definitionColumns.add(f.json());
            for (Table.Row r : t.rows()) {
                if (blank(r)) continue;
                String name = strip(r.get(tc));
                Optional<EntityType> type = name == null ? Optional.empty() : EntityType.byCaseName(name).filter(EntityType.DEFINITIONS::contains);
                if (type.isEmpty()) {
                    problem(t.cell(tc, r.number()), "definitionType must be one of " + EntityType.DEFINITIONS.stream().map(EntityType::caseName).toList()
                            + (name == null ? "" : ", not '" + name + "'"));
                    continue;
                }
                Map<String, Object> values = new LinkedHashMap<>();
                String id = strip(r.get(idc));
                if (id == null) id = Iris.stableIdentifier(framework, type.get().caseName() + " " + r.get(t.column("title")));
                identifier(id, at(t, idc, r));
                values.put("identifier", id);
                String uri = strip(r.get(t.column("uri")));
                values.put("uri", uri != null ? uri : defaultUri(id));
                fields(type.get(), t, r, values, Set.of("identifier", "uri"));
                values.putIfAbsent("lastChangeDateTime", lastChange);
                definitions.computeIfAbsent(type.get(), k -> new ArrayList<>())
                        .add(new CaseEntity(type.get(), t.rowRef(r.number()), values, List.of(), unknown(t, r, definitionColumns, type.get())));
            }
        }

        // ---- CF Item

        void items() {
            Table t = tables.get(Layout.ITEM);
            if (!requireHeaders(t, "fullStatement")) return;
            int fs = t.column("fullStatement"), idc = t.column("identifier"), code = t.column("humanCodingScheme"),
                    level = t.column("smartLevel"), lic = t.column("license"), licUri = t.column("licenseURI");
            for (Table.Row r : t.rows()) {
                if (blank(r)) continue;
                String statement = r.get(fs);
                if (strip(statement) == null) problem(t.cell(fs, r.number()), "fullStatement is empty");
                String c = strip(r.get(code));
                String lv = smartLevel(t, r, level);
                String id = strip(r.get(idc));
                if (id == null) {
                    String key = c != null ? "code " + c : lv != null ? "smartLevel " + lv : "statement " + statement;
                    id = Iris.stableIdentifier(framework, "CFItem " + key);
                    repair(at(t, idc, r), "identifier empty; named '" + id + "' from the framework and the " + key.substring(0, key.indexOf(' ')));
                }
                identifier(id, at(t, idc, r));
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("identifier", id);
                String uri = strip(r.get(t.column("uri")));
                values.put("uri", uri != null ? uri : defaultUri(id));
                if (statement != null) values.put("fullStatement", statement);
                values.put("lastChangeDateTime", lastChange);
                fields(EntityType.ITEM, t, r, values, Set.of("identifier", "uri", "fullStatement", "licenseURI"));
                if (r.get(licUri) != null) {
                    Link l = link(r.get(licUri), t.cell(licUri, r.number()), "licenseURI");
                    if (l != null) values.put("licenseURI", l);
                } else if (strip(r.get(lic)) != null) {
                    values.put("licenseURI", license(strip(r.get(lic)), null));
                }
                CaseEntity e = new CaseEntity(EntityType.ITEM, t.rowRef(r.number()), values, List.of(), unknown(t, r, Set.of("smartLevel", "license"), EntityType.ITEM));
                items.add(e);
                itemsById.putIfAbsent(id, e);
                itemsByUri.putIfAbsent(e.uri(), e);
                if (c != null) itemsByCode.computeIfAbsent(c, k -> new ArrayList<>()).add(e);
                if (lv != null) itemRows.add(new ItemRow(e, lv, levelKey(lv), t.cell(level, r.number()), r.generalNumbers().get(level)));
            }
        }

        String smartLevel(Table t, Table.Row r, int col) {
            String s = strip(r.get(col));
            if (s == null) return null;
            if (!SMART_LEVEL.matcher(s).matches()) {
                problem(t.cell(col, r.number()), "smartLevel '" + s + "' is not a level like 1, 1.2 or 1.2.3");
                return null;
            }
            if (r.generalNumbers().get(col) && s.contains("."))
                repair(t.cell(col, r.number()), "smartLevel typed as the number " + s + "; a number keeps no trailing zeros (1.10 is shown as 1.1), so it is read as "
                        + s + "; format the column as text if 1.10 was meant");
            return s;
        }

        static List<Integer> levelKey(String level) {
            List<Integer> k = new ArrayList<>();
            for (String p : level.split("\\.")) k.add(Integer.parseInt(p.length() > 9 ? p.substring(p.length() - 9) : p));
            return k;
        }

        /** isChildOf associations from smartLevel, except where CF Association already states them. */
        void hierarchy() {
            Map<List<Integer>, ItemRow> byLevel = new HashMap<>();
            for (ItemRow i : itemRows) {
                ItemRow prev = byLevel.putIfAbsent(i.levelKey(), i);
                if (prev != null) {
                    String hint = i.levelTypedAsNumber() || prev.levelTypedAsNumber()
                            ? " (" + (i.levelTypedAsNumber() ? i.levelCell() : prev.levelCell()) + " holds a number, which cannot keep a trailing zero: type 1.10 as text)" : "";
                    problem(i.levelCell(), "smartLevel " + i.level() + " is used twice: here and at " + prev.levelCell() + hint);
                }
            }
            for (ItemRow i : itemRows) {
                if (byLevel.get(i.levelKey()) != i) continue;
                List<Integer> key = i.levelKey();
                CaseEntity parent;
                if (key.size() == 1) parent = doc;
                else {
                    ItemRow p = byLevel.get(key.subList(0, key.size() - 1));
                    if (p == null) {
                        String want = i.level().substring(0, i.level().lastIndexOf('.'));
                        problem(i.levelCell(), "smartLevel " + i.level() + " has no parent: no item has smartLevel " + want);
                        continue;
                    }
                    parent = p.entity();
                }
                CaseEntity child = i.entity();
                if (explicitChildOf.contains(child.identifier() + " " + parent.identifier())) continue;
                associations.add(childOf(child, parent, key.get(key.size() - 1), i.entity().pointer()));
            }
        }

        CaseEntity childOf(CaseEntity child, CaseEntity parent, int sequence, String pointer) {
            String title = parent == doc ? doc.string("title") : parent.string("fullStatement");
            CaseEntity a = association(impliedChildOf(framework, child.identifier(), parent.identifier()), "isChildOf",
                    linkTo(child), new Link(title, parent.identifier(), parent.uri()), pointer);
            a.values().put("sequenceNumber", BigInteger.valueOf(sequence));
            return a;
        }

        static Link linkTo(CaseEntity item) { return new Link(item.string("fullStatement"), item.identifier(), item.uri()); }

        /** An association with the defaults a sheet leaves out: uri from the identifier, the framework's date. */
        CaseEntity association(String id, String type, Link origin, Link destination, String pointer) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("identifier", id);
            v.put("associationType", type);
            v.put("uri", defaultUri(id));
            v.put("lastChangeDateTime", lastChange);
            v.put("originNodeURI", origin);
            v.put("destinationNodeURI", destination);
            return new CaseEntity(EntityType.ASSOCIATION, pointer, v, List.of(), Map.of());
        }

        // ---- Alignments: rows for people, each one association whichever way its phrase reads

        void alignments() {
            Table t = tables.get(Layout.ALIGNMENTS);
            if (t == null || t.header().isEmpty()) return;
            if (!requireHeaders(t, "our code", "relationship", "their code")) return;
            Map<String, Table.Row> theirs = new HashMap<>();
            Table list = tables.get(Layout.THEIR_ITEMS);
            if (list != null && list.column("code") >= 0) {
                for (Table.Row r : list.rows()) {
                    String code = strip(r.get(list.column("code")));
                    if (code == null) continue;
                    String fw = strip(r.get(list.column("framework")));
                    theirs.putIfAbsent(Table.norm(String.valueOf(fw)) + " " + code, r);
                    theirs.putIfAbsent(" " + code, r);
                }
            }
            Set<String> stated = new HashSet<>();
            for (CaseEntity a : associations)
                stated.add(key(a.link("originNodeURI")) + " " + a.string("associationType") + " " + key(a.link("destinationNodeURI")));
            int oc = t.column("our code"), rc = t.column("relationship"), fc = t.column("their framework"), tc = t.column("their code"),
                    sc = t.column("their statement"), ic = t.column("their identifier"), uc = t.column("their uri");
            for (Table.Row r : t.rows()) {
                String ourCode = strip(r.get(oc)), phrase = strip(r.get(rc)), theirCode = strip(r.get(tc));
                if (ourCode == null && phrase == null && theirCode == null) continue; // only formulas' results, or notes
                CaseEntity ours = null;
                if (ourCode == null) problem(t.cell(oc, r.number()), "our code is empty");
                else {
                    List<CaseEntity> found = itemsByCode.getOrDefault(ourCode, List.of());
                    if (found.size() == 1) ours = found.get(0);
                    else problem(t.cell(oc, r.number()), "our code '" + ourCode + "': " + (found.isEmpty() ? "no item in " + Layout.ITEM + " has this code" : "several items have this code"));
                }
                Optional<Directions.Phrase> ph = phrase == null ? Optional.empty() : Directions.parse(phrase);
                if (ph.isEmpty()) problem(t.cell(rc, r.number()), "relationship " + (phrase == null ? "is empty" : "'" + phrase + "' is not one of the phrases")
                        + " (" + String.join(", ", Directions.phrases().stream().limit(6).map(Directions.Phrase::text).toList()) + ", ...)");
                Link their = their(t, r, theirs, fc, tc, sc, ic, uc);
                if (ours == null || ph.isEmpty() || their == null) continue;
                Link origin = ph.get().inverse() ? their : linkTo(ours), destination = ph.get().inverse() ? linkTo(ours) : their;
                String type = ph.get().associationType();
                if (!stated.add(key(origin) + " " + type + " " + key(destination))) continue; // CF Association states it already
                String id = Iris.stableIdentifier(framework, "CFAssociation " + type + " " + key(origin) + " " + key(destination));
                identifier(id, t.cell(oc, r.number()));
                associations.add(association(id, type, origin, destination, t.rowRef(r.number())));
            }
        }

        /** The other end of an alignment: given exactly, in our own framework, in the Their Items sheet, or a URI. */
        Link their(Table t, Table.Row r, Map<String, Table.Row> theirs, int fc, int tc, int sc, int ic, int uc) {
            String fw = strip(r.get(fc)), code = strip(r.get(tc)), statement = strip(r.get(sc));
            String id = strip(r.get(ic)), uri = strip(r.get(uc));
            if (id != null || uri != null) return new Link(statement, id, uri);
            if (code == null) {
                problem(t.cell(tc, r.number()), "their code is empty");
                return null;
            }
            if (fw == null || fw.equals(doc.string("title")) || fw.equals(framework)) {
                List<CaseEntity> found = itemsByCode.getOrDefault(code, List.of());
                if (found.size() == 1) return linkTo(found.get(0));
            }
            Table list = tables.get(Layout.THEIR_ITEMS);
            Table.Row row = theirs.get(Table.norm(String.valueOf(fw)) + " " + code);
            if (row == null && fw == null) row = theirs.get(" " + code);
            if (row != null) {
                String listed = row.get(list.column("statement"));
                Link l = new Link(listed != null ? listed : statement, strip(row.get(list.column("identifier"))), strip(row.get(list.column("uri"))));
                if (l.identifier() == null && l.uri() == null) {
                    problem(list.rowRef(row.number()), "the item " + code + " has neither identifier nor uri");
                    return null;
                }
                return l;
            }
            if (Iris.isAbsolute(code)) {
                String last = code.substring(code.lastIndexOf('/') + 1);
                return new Link(statement, last.isEmpty() ? null : last, code);
            }
            problem(t.cell(tc, r.number()), "their code '" + code + "'" + (fw == null ? "" : " of '" + fw + "'")
                    + " is not in the " + Layout.THEIR_ITEMS + " sheet (write the template with --align-to that framework) nor a URI");
            return null;
        }

        // ---- CF Association

        void associationsSheet() {
            Table t = tables.get(Layout.ASSOCIATION);
            if (t == null || t.header().isEmpty()) return;
            if (!requireHeaders(t, "associationType")) return;
            int before = problems.size();
            for (String side : List.of("origin", "destination"))
                if (t.column(side + "NodeIdentifier") < 0 && t.column(side + "NodeURI") < 0 && t.column(side + "NodeHumanCodingScheme") < 0)
                    problem(t.cell(0, t.headerRow()), "no column " + side + "NodeIdentifier, " + side + "NodeHumanCodingScheme or " + side + "NodeURI in the header row");
            if (problems.size() > before) return;
            int tc = t.column("associationType"), idc = t.column("identifier");
            Set<String> known = new HashSet<>(Layout.ASSOCIATION_COLUMNS);
            known.addAll(Layout.ASSOCIATION_EXTRA);
            for (Table.Row r : t.rows()) {
                if (blank(r)) continue;
                String type = strip(r.get(tc));
                if (type == null) problem(t.cell(tc, r.number()), "associationType is empty");
                else if (!SG.ASSOCIATION_TYPES.contains(type) && !type.startsWith("ext:"))
                    problem(t.cell(tc, r.number()), "associationType '" + type + "' is not a CASE association type (" + String.join(", ", SG.ASSOCIATION_TYPES) + ") nor an ext: type");
                Link origin = end(t, r, "origin"), dest = end(t, r, "destination");
                if (type == null || origin == null || dest == null) continue;
                String id = strip(r.get(idc));
                if (id == null) id = Iris.stableIdentifier(framework, "CFAssociation " + type + " " + key(origin) + " " + key(dest));
                identifier(id, at(t, idc, r));
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("identifier", id);
                v.put("associationType", type);
                String uri = strip(r.get(t.column("uri")));
                v.put("uri", uri != null ? uri : defaultUri(id));
                v.put("lastChangeDateTime", lastChange);
                fields(EntityType.ASSOCIATION, t, r, v, Set.of("identifier", "associationType", "uri"));
                Link group = group(t, r);
                if (group != null) v.put("CFAssociationGroupingURI", group);
                v.put("originNodeURI", origin);
                v.put("destinationNodeURI", dest);
                associations.add(new CaseEntity(EntityType.ASSOCIATION, t.rowRef(r.number()), v, List.of(), unknown(t, r, known, EntityType.ASSOCIATION)));
                if (type.equals("isChildOf") && origin.identifier() != null && dest.identifier() != null)
                    explicitChildOf.add(origin.identifier() + " " + dest.identifier());
            }
        }

        static String key(Link l) { return l.identifier() != null ? l.identifier() : l.uri(); }

        Link group(Table t, Table.Row r) {
            String id = strip(r.get(t.column("associationGroupIdentifier")));
            String name = r.get(t.column("associationGroupName"));
            String uri = strip(r.get(t.column("associationGroupURI")));
            if (id == null && strip(name) == null && uri == null) return null;
            if (id == null && uri == null) {
                id = Iris.stableIdentifier(framework, "CFAssociationGrouping " + name);
                String gid = id;
                List<CaseEntity> groups = definitions.computeIfAbsent(EntityType.ASSOCIATION_GROUPING, k -> new ArrayList<>());
                if (groups.stream().noneMatch(g -> gid.equals(g.identifier()))) {
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("identifier", id);
                    v.put("uri", defaultUri(id));
                    v.put("title", name);
                    v.put("lastChangeDateTime", lastChange);
                    groups.add(new CaseEntity(EntityType.ASSOCIATION_GROUPING, t.rowRef(r.number()), v, List.of(), Map.of()));
                }
                uri = defaultUri(id);
            }
            return new Link(name, id, uri);
        }

        /** One end of an association, named by identifier, by code (humanCodingScheme) or by URI. */
        Link end(Table t, Table.Row r, String side) {
            int uc = t.column(side + "NodeURI"), ic = t.column(side + "NodeIdentifier"), cc = t.column(side + "NodeHumanCodingScheme");
            String uri = strip(r.get(uc)), id = strip(r.get(ic)), code = strip(r.get(cc));
            String title = r.get(t.column(side + "NodeTitle")), targetType = strip(r.get(t.column(side + "NodeTargetType")));
            if (id != null) {
                CaseEntity item = itemsById.get(id);
                if (item != null && code != null && !code.equals(item.string("humanCodingScheme")))
                    problem(t.cell(cc, r.number()), side + "NodeHumanCodingScheme '" + code + "' differs from the code of the item named by "
                            + side + "NodeIdentifier " + id + " ('" + item.string("humanCodingScheme") + "')");
                if (uri == null) uri = item != null ? item.uri() : id.equals(framework) ? doc.uri() : null;
                return new Link(title, id, uri, targetType);
            }
            if (code != null) {
                List<CaseEntity> found = itemsByCode.getOrDefault(code, List.of());
                if (found.size() > 1) {
                    problem(t.cell(cc, r.number()), side + "NodeHumanCodingScheme '" + code + "' is ambiguous: items at "
                            + String.join(", ", found.stream().map(CaseEntity::pointer).toList()) + " have it; give " + side + "NodeIdentifier");
                    return null;
                }
                if (found.size() == 1) {
                    CaseEntity item = found.get(0);
                    return new Link(title != null ? title : item.string("fullStatement"), item.identifier(), item.uri(), targetType);
                }
                if (uri == null) {
                    problem(t.cell(cc, r.number()), side + "NodeHumanCodingScheme '" + code + "': no item in " + Layout.ITEM + " has this code");
                    return null;
                }
            }
            if (uri != null) {
                CaseEntity item = itemsByUri.get(uri);
                if (item != null) return new Link(title, item.identifier(), uri, targetType);
                if (uri.equals(doc.uri())) return new Link(title, framework, uri, targetType);
                String last = uri.substring(uri.lastIndexOf('/') + 1);
                return new Link(title, last.isEmpty() ? null : last, uri, targetType);
            }
            problem(t.cell(Math.max(ic, Math.max(uc, cc)), r.number()), side + " is empty: give " + side + "NodeIdentifier, "
                    + side + "NodeHumanCodingScheme or " + side + "NodeURI");
            return null;
        }

        // ---- values

        /** The CASE fields that have a column named after them, read by their kind. */
        void fields(EntityType type, Table t, Table.Row r, Map<String, Object> values, Set<String> skip) {
            for (Field f : type.fields()) {
                if (skip.contains(f.json()) || f.json().equals("CFDocumentURI")) continue;
                int c = t.column(f.json());
                String v = r.get(c);
                if (v == null || v.isBlank()) continue;
                Object o = value(f, v, t.cell(c, r.number()));
                if (o != null) values.put(f.json(), o);
            }
        }

        /** Columns that are neither CASE fields nor layout columns: kept as extension fields of the entity. */
        Map<String, JsonNode> unknown(Table t, Table.Row r, Set<String> layout, EntityType type) {
            Map<String, JsonNode> out = new LinkedHashMap<>();
            for (int c : extensionColumns(t, layout, type)) {
                String v = r.get(c);
                if (v != null && !v.isBlank()) out.put(t.header().get(c), extension(v));
            }
            return out;
        }

        /** The extension columns of a sheet, found (and noted) once per sheet and entity type. */
        List<Integer> extensionColumns(Table t, Set<String> layout, EntityType type) {
            return extensionColumns.computeIfAbsent(t.name() + " " + type, k -> {
                Set<String> known = new HashSet<>();
                for (Field f : type.fields()) known.add(Table.norm(f.json()));
                for (String s : layout) known.add(Table.norm(s));
                for (String s : List.of("identifier", "uri", "lastChangeDate", "lastChangeDateTime")) known.add(Table.norm(s));
                List<Integer> cols = new ArrayList<>();
                for (int c = 0; c < t.header().size(); c++) {
                    String h = t.header().get(c);
                    if (h == null || known.contains(Table.norm(h))) continue;
                    cols.add(c);
                    repair(t.headerCell(c), "column '" + h + "' is not a CASE field; kept as an extension field");
                }
                return cols;
            });
        }

        static JsonNode extension(String v) {
            String s = v.strip();
            if (s.startsWith("{") || s.startsWith("[")) {
                try {
                    return JSON.readTree(s);
                } catch (JsonProcessingException e) {
                    return TextNode.valueOf(v);
                }
            }
            return TextNode.valueOf(v);
        }

        Object value(Field f, String v, String cell) {
            String name = f.json();
            String s = v.strip();
            switch (f.kind()) {
                case STRING, TEXT -> { return v; }
                case URL, DATE -> { return s; }
                case DATE_TIME -> { return dateTime(s); }
                case INTEGER -> {
                    try {
                        return new BigDecimal(s).toBigIntegerExact();
                    } catch (NumberFormatException | ArithmeticException e) {
                        problem(cell, name + " must be a whole number, not '" + s + "'");
                        return null;
                    }
                }
                case NUMBER -> {
                    try {
                        return new BigDecimal(s);
                    } catch (NumberFormatException e) {
                        problem(cell, name + " must be a number, not '" + s + "'");
                        return null;
                    }
                }
                case STRING_LIST -> {
                    String sep = name.equals("educationLevel") ? "[|,]" : "\\|";
                    List<String> list = new ArrayList<>();
                    for (String p : s.split(sep)) if (!p.isBlank()) list.add(p.strip());
                    List<String> sorted = list.stream().distinct().sorted().toList();
                    return sorted.isEmpty() ? null : sorted;
                }
                case LINK -> { return link(s, cell, name); }
                case LINK_LIST -> {
                    List<Link> links = new ArrayList<>();
                    if (s.startsWith("[")) {
                        JsonNode arr = json(s, cell, name);
                        if (arr == null) return null;
                        for (JsonNode n : arr) { Link l = link(n, cell, name); if (l != null) links.add(l); }
                    } else {
                        for (String p : s.split("\\|")) { Link l = link(p.strip(), cell, name); if (l != null) links.add(l); }
                    }
                    List<Link> sorted = links.stream().distinct().sorted(Comparator.comparing(l -> String.valueOf(l.uri()))).toList();
                    return sorted.isEmpty() ? null : sorted;
                }
                case JSON -> { return json(s, cell, name); }
            }
            throw new IllegalStateException(f.kind().name());
        }

        JsonNode json(String s, String cell, String name) {
            try {
                return JSON.readTree(s);
            } catch (JsonProcessingException e) {
                problem(cell, name + " is not JSON: " + e.getOriginalMessage());
                return null;
            }
        }

        Link link(String s, String cell, String name) {
            if (s.startsWith("{")) {
                JsonNode n = json(s, cell, name);
                return n == null ? null : link(n, cell, name);
            }
            if (Iris.isAbsolute(s)) {
                String last = s.substring(s.lastIndexOf('/') + 1);
                return new Link(null, last.isEmpty() ? null : last, s);
            }
            problem(cell, name + " must be a URL or a link {\"title\", \"identifier\", \"uri\"}, not '" + s + "'");
            return null;
        }

        Link link(JsonNode n, String cell, String name) {
            if (n.isTextual()) return link(n.asText(), cell, name);
            if (!n.isObject() || !n.hasNonNull("identifier") && !n.hasNonNull("uri")) {
                problem(cell, name + " must be a link {\"title\", \"identifier\", \"uri\"} with an identifier or a uri");
                return null;
            }
            return new Link(text(n, "title"), text(n, "identifier"), text(n, "uri"), text(n, "targetType"));
        }

        static String text(JsonNode n, String key) {
            JsonNode v = n.get(key);
            return v == null || v.isNull() ? null : v.asText();
        }
    }

    /** A date cell or a date typed as text is read as that day at midnight; a space before the time as 'T'. */
    static String dateTime(String s) {
        if (DATE_ONLY.matcher(s).matches()) return s + "T00:00:00";
        if (DATE_TIME_SPACE.matcher(s).matches()) {
            String fixed = s.replaceFirst(" ", "T");
            return fixed.length() == 16 ? fixed + ":00" : fixed;
        }
        return s;
    }

    /** Orders smartLevels as numbers, level by level (1.2 before 1.10). */
    static String levelKeyOrder(String level) {
        StringBuilder sb = new StringBuilder();
        for (String p : level.split("\\.")) sb.append(String.format("%010d", Long.parseLong(p.length() > 18 ? p.substring(0, 18) : p))).append('.');
        return sb.toString();
    }

    /** The identifier of the isChildOf association that smartLevel implies between two items. */
    static String impliedChildOf(String framework, String child, String parent) {
        return Iris.stableIdentifier(framework, "isChildOf " + child + " " + parent);
    }
}
