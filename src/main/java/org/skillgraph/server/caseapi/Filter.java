package org.skillgraph.server.caseapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The {@code filter} of GET CFDocuments, in the form of the 1EdTech REST bindings (OneRoster,
 * CASE): {@code field op 'value'}, clauses joined by {@code AND} or {@code OR}, e.g.
 * {@code title~'math' AND lastChangeDateTime>'2020-01-01'}. Operators: {@code = != > >= < <= ~}
 * ({@code ~} is "contains", case-insensitive). A quote inside a value is written twice. AND binds
 * tighter than OR; there are no parentheses. Parsed here into a predicate evaluated in Java over
 * the documents' JSON; nothing of it ever reaches SPARQL. A list field (subject) matches when one
 * of its values does ({@code !=}: when none equals). Values that both read as dates or date-times,
 * or both as numbers, compare as such; otherwise as strings.
 */
final class Filter implements Predicate<JsonNode> {
    static final int MAX_LENGTH = 2048;
    static final int MAX_CLAUSES = 16;

    enum Op { EQ("="), NE("!="), GT(">"), GE(">="), LT("<"), LE("<="), CONTAINS("~");
        final String text;
        Op(String text) { this.text = text; }
    }

    record Clause(String field, Op op, String value) {}

    /** OR of AND-groups. */
    private final List<List<Clause>> groups;

    private Filter(List<List<Clause>> groups) { this.groups = groups; }

    List<List<Clause>> groups() { return groups; }

    /**
     * Parses {@code text}; every field must be in {@code fields}. Throws a CaseApiException
     * (invalid_selection_field) for anything else, with where it stopped.
     */
    static Filter parse(String text, Set<String> fields) {
        if (text.length() > MAX_LENGTH) throw CaseApiException.badSelection("filter is longer than " + MAX_LENGTH + " characters");
        Parser p = new Parser(text, fields);
        return new Filter(p.parse());
    }

    @Override
    public boolean test(JsonNode doc) {
        for (List<Clause> and : groups) {
            boolean all = true;
            for (Clause c : and) if (!matches(doc.get(c.field()), c)) { all = false; break; }
            if (all) return true;
        }
        return false;
    }

    private static boolean matches(JsonNode v, Clause c) {
        if (v == null || v.isNull() || v.isMissingNode()) return c.op() == Op.NE;
        if (v.isArray()) {
            if (c.op() == Op.NE) {
                for (JsonNode e : v) if (!one(e.asText(), Op.NE, c.value())) return false;
                return true;
            }
            for (JsonNode e : v) if (one(e.asText(), c.op(), c.value())) return true;
            return false;
        }
        return one(v.isValueNode() ? v.asText() : v.toString(), c.op(), c.value());
    }

    private static boolean one(String actual, Op op, String wanted) {
        return switch (op) {
            case CONTAINS -> actual.toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT));
            case EQ -> equal(actual, wanted);
            case NE -> !equal(actual, wanted);
            case GT -> compare(actual, wanted) > 0;
            case GE -> compare(actual, wanted) >= 0;
            case LT -> compare(actual, wanted) < 0;
            case LE -> compare(actual, wanted) <= 0;
        };
    }

    private static boolean equal(String a, String b) {
        if (a.equals(b)) return true;
        Comparable<?>[] typed = typed(a, b);
        return typed != null && compareTyped(typed) == 0;
    }

    /** Dates and date-times as instants, numbers as numbers, anything else as strings. */
    static int compare(String a, String b) {
        Comparable<?>[] typed = typed(a, b);
        return typed != null ? compareTyped(typed) : a.compareTo(b);
    }

    /** For sorting: typed as {@link #compare}, strings without regard to case first. */
    static int sortCompare(String a, String b) {
        Comparable<?>[] typed = typed(a, b);
        if (typed != null) return compareTyped(typed);
        int c = a.compareToIgnoreCase(b);
        return c != 0 ? c : a.compareTo(b);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareTyped(Comparable[] typed) { return typed[0].compareTo(typed[1]); }

    private static Comparable<?>[] typed(String a, String b) {
        Instant ia = instant(a), ib = instant(b);
        if (ia != null && ib != null) return new Comparable<?>[] {ia, ib};
        BigDecimal na = number(a), nb = number(b);
        if (na != null && nb != null) return new Comparable<?>[] {na, nb};
        return null;
    }

    private static Instant instant(String s) {
        if (s.length() < 10 || s.length() > 40 || !Character.isDigit(s.charAt(0))) return null;
        try {
            if (s.length() == 10) return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            return OffsetDateTime.parse(Shapes.dateTime(s)).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static BigDecimal number(String s) {
        if (s.isEmpty() || s.length() > 40) return null;
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A small hand-written parser: one pass over the text, no regular expressions on user input. */
    private static final class Parser {
        private final String s;
        private final Set<String> fields;
        private int i;
        private int clauses;

        Parser(String s, Set<String> fields) {
            this.s = s;
            this.fields = fields;
        }

        List<List<Clause>> parse() {
            List<List<Clause>> or = new ArrayList<>();
            List<Clause> and = new ArrayList<>();
            and.add(clause());
            while (true) {
                int before = i;
                skipSpaces();
                if (i >= s.length()) break;
                if (i == before) fail("expected ' AND ' or ' OR ' between clauses");
                if (word("AND")) and.add(clause());
                else if (word("OR")) {
                    or.add(and);
                    and = new ArrayList<>();
                    and.add(clause());
                } else fail("expected AND or OR");
            }
            or.add(and);
            return or;
        }

        private Clause clause() {
            if (++clauses > MAX_CLAUSES) throw CaseApiException.badSelection("filter has more than " + MAX_CLAUSES + " clauses");
            skipSpaces();
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_') && s.charAt(i) < 128) i++;
            if (i == start) fail("expected a field name");
            String field = s.substring(start, i);
            if (!Character.isLetter(field.charAt(0))) fail("a field name starts with a letter");
            if (!fields.contains(field))
                throw CaseApiException.badSelection("filter field '" + field + "' is not a field of CFDocument that can be filtered on; use one of "
                        + String.join(", ", fields.stream().sorted().toList()));
            skipSpaces();
            Op op = op();
            skipSpaces();
            String value = value();
            return new Clause(field, op, value);
        }

        private Op op() {
            if (s.startsWith("!=", i)) { i += 2; return Op.NE; }
            if (s.startsWith(">=", i)) { i += 2; return Op.GE; }
            if (s.startsWith("<=", i)) { i += 2; return Op.LE; }
            if (i < s.length()) {
                switch (s.charAt(i)) {
                    case '=' -> { i++; return Op.EQ; }
                    case '>' -> { i++; return Op.GT; }
                    case '<' -> { i++; return Op.LT; }
                    case '~' -> { i++; return Op.CONTAINS; }
                    default -> { }
                }
            }
            fail("expected one of = != > >= < <= ~");
            return null;
        }

        private String value() {
            if (i >= s.length() || s.charAt(i) != '\'') fail("expected a value in single quotes");
            i++;
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (i >= s.length()) fail("value has no closing quote");
                char c = s.charAt(i++);
                if (c == '\'') {
                    if (i < s.length() && s.charAt(i) == '\'') { sb.append('\''); i++; }
                    else return sb.toString();
                } else sb.append(c);
            }
        }

        private boolean word(String w) {
            if (s.regionMatches(true, i, w, 0, w.length()) && i + w.length() < s.length() && s.charAt(i + w.length()) == ' ') {
                i += w.length();
                return true;
            }
            return false;
        }

        private void skipSpaces() {
            while (i < s.length() && s.charAt(i) == ' ') i++;
        }

        private void fail(String what) {
            throw CaseApiException.badSelection("filter cannot be read at character " + (i + 1) + ": " + what
                    + " (form: field op 'value' [AND|OR ...], op one of = != > >= < <= ~)");
        }
    }
}
