package org.skillgraph.server.caseapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.*;

/**
 * The query of GET CFDocuments: {@code limit}, {@code offset}, {@code sort}, {@code orderBy},
 * {@code filter} and {@code fields}, checked against the CFDocument fields of the version.
 * <ul>
 * <li>limit: 1 or more (default 100, the 1.0 Swagger's default). A limit above the server's
 *     maximum page size is clamped to it (not an error): the Link header then carries the limit used.</li>
 * <li>offset: 0 or more; past the end gives an empty page.</li>
 * <li>sort: one CFDocument field with a single value (string, uri, date); missing values sort last.
 *     Unknown field: 400 invalid_sort_field. orderBy: asc (default) or desc, else 400 invalid_sort_field.</li>
 * <li>filter: see {@link Filter}; fields: CFDocument fields, comma-separated and/or repeated;
 *     unknown or malformed: 400 invalid_selection_field.</li>
 * </ul>
 */
final class DocumentQuery {
    static final int DEFAULT_LIMIT = 100;

    final int limit;
    final long offset;
    final String sort;
    final boolean descending;
    final String orderBy;
    final Filter filter;
    final String filterText;
    final List<String> fields;

    private DocumentQuery(int limit, long offset, String sort, String orderBy, Filter filter, String filterText, List<String> fields) {
        this.limit = limit;
        this.offset = offset;
        this.sort = sort;
        this.orderBy = orderBy;
        this.descending = "desc".equals(orderBy);
        this.filter = filter;
        this.filterText = filterText;
        this.fields = fields;
    }

    /** Fields with one value that can be sorted on: strings, URIs and dates. */
    static Set<String> sortable(ApiVersion v) {
        Set<String> out = new TreeSet<>();
        for (Shapes.Prop p : Shapes.get(v, "CFDocument").props())
            switch (p.kind()) {
                case STRING, URI, DATE, DATE_TIME -> out.add(p.name());
                default -> { }
            }
        return out;
    }

    /** Fields a filter may name: the sortable ones and the string lists (subject). */
    static Set<String> filterable(ApiVersion v) {
        Set<String> out = new TreeSet<>(sortable(v));
        for (Shapes.Prop p : Shapes.get(v, "CFDocument").props()) if (p.kind() == Shapes.Kind.STRING_LIST) out.add(p.name());
        return out;
    }

    static Set<String> selectable(ApiVersion v) {
        return new LinkedHashSet<>(Shapes.get(v, "CFDocument").names());
    }

    static DocumentQuery parse(Map<String, String[]> params, ApiVersion v, int maxPageSize) {
        int max = Math.max(1, maxPageSize);
        int limit = Math.min(DEFAULT_LIMIT, max);
        String l = first(params, "limit");
        if (l != null) {
            long n = integer(l, "limit");
            if (n < 1) throw CaseApiException.badSelection("limit must be 1 or more, not " + l.trim());
            limit = (int) Math.min(n, max);
        }
        long offset = 0;
        String o = first(params, "offset");
        if (o != null) {
            offset = integer(o, "offset");
            if (offset < 0) throw CaseApiException.badSelection("offset must be 0 or more, not " + o.trim());
            if (offset > Integer.MAX_VALUE) throw CaseApiException.badSelection("offset must be at most " + Integer.MAX_VALUE + ", not " + o.trim());
        }
        String sort = first(params, "sort");
        if (sort != null) {
            sort = sort.trim();
            if (sort.isEmpty()) sort = null;
            else if (!sortable(v).contains(sort))
                throw CaseApiException.badSort("cannot sort on '" + clip(sort) + "'; sort takes one of " + String.join(", ", sortable(v)));
        }
        String orderBy = first(params, "orderBy");
        if (orderBy != null) {
            orderBy = orderBy.trim();
            if (orderBy.isEmpty()) orderBy = null;
            else if (!orderBy.equals("asc") && !orderBy.equals("desc"))
                throw CaseApiException.badSort("orderBy is 'asc' or 'desc', not '" + clip(orderBy) + "'");
        }
        String filterText = first(params, "filter");
        Filter filter = null;
        if (filterText != null && !filterText.isBlank()) filter = Filter.parse(filterText, filterable(v));
        else filterText = null;
        List<String> fields = null;
        String[] fs = params.get("fields");
        if (fs != null) {
            Set<String> known = selectable(v);
            LinkedHashSet<String> chosen = new LinkedHashSet<>();
            for (String f : fs)
                for (String part : f.split(",", -1)) {
                    String name = part.trim();
                    if (name.isEmpty()) continue;
                    if (!known.contains(name))
                        throw CaseApiException.badSelection("fields: '" + clip(name) + "' is not a field of CFDocument; fields takes some of " + String.join(", ", known));
                    chosen.add(name);
                }
            if (!chosen.isEmpty()) fields = List.copyOf(chosen);
        }
        return new DocumentQuery(limit, offset, sort, orderBy, filter, filterText, fields);
    }

    private static String first(Map<String, String[]> params, String name) {
        String[] v = params.get(name);
        return v == null || v.length == 0 ? null : v[0];
    }

    private static long integer(String s, String name) {
        String t = s.trim();
        if (t.isEmpty() || t.length() > 30 || !t.matches("[+-]?\\d+"))
            throw CaseApiException.badSelection(name + " must be a whole number, not '" + clip(s) + "'");
        try {
            return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            return t.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE; // beyond long: clamped like any large number
        }
    }

    private static String clip(String s) { return s.length() > 80 ? s.substring(0, 80) + "..." : s; }

    /** Filtered and sorted (all pages). */
    List<ObjectNode> select(List<ObjectNode> docs) {
        List<ObjectNode> out = new ArrayList<>(docs.size());
        for (ObjectNode d : docs) if (filter == null || filter.test(d)) out.add(d);
        String key = sort != null ? sort : "title";
        Comparator<ObjectNode> byKey = (a, b) -> {
            String x = text(a.get(key)), y = text(b.get(key));
            if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1; // missing values last
            int c = Filter.sortCompare(x, y);
            return descending ? -c : c;
        };
        out.sort(byKey.thenComparing(d -> String.valueOf(text(d.get("identifier")))));
        return out;
    }

    /** One page, with only the chosen fields. */
    List<ObjectNode> page(List<ObjectNode> selected) {
        List<ObjectNode> out = new ArrayList<>();
        if (offset >= selected.size()) return out;
        int from = (int) offset;
        int to = (int) Math.min(selected.size(), offset + limit);
        for (ObjectNode d : selected.subList(from, to)) {
            if (fields == null) out.add(d);
            else {
                ObjectNode o = d.objectNode();
                for (String f : fields) if (d.has(f)) o.set(f, d.get(f));
                out.add(o);
            }
        }
        return out;
    }

    /** The RFC 8288 Link header: first, last, and next/prev when there are such pages. */
    String linkHeader(String listUrl, long total) {
        List<String> links = new ArrayList<>(4);
        long lastOffset = total == 0 ? 0 : ((total - 1) / limit) * limit;
        if (offset + limit < total) links.add(link(listUrl, offset + limit, "next"));
        links.add(link(listUrl, lastOffset, "last"));
        links.add(link(listUrl, 0, "first"));
        if (offset > 0) links.add(link(listUrl, Math.max(0, Math.min(offset - limit, lastOffset)), "prev"));
        return String.join(", ", links);
    }

    private String link(String listUrl, long off, String rel) {
        StringBuilder q = new StringBuilder();
        q.append("limit=").append(limit).append("&offset=").append(off);
        if (sort != null) q.append("&sort=").append(enc(sort));
        if (orderBy != null) q.append("&orderBy=").append(enc(orderBy));
        if (filterText != null) q.append("&filter=").append(enc(filterText));
        if (fields != null) q.append("&fields=").append(enc(String.join(",", fields)));
        return "<" + listUrl + "?" + q + ">; rel=\"" + rel + "\"";
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"); }

    private static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return null;
        return n.isValueNode() ? n.asText() : n.toString();
    }
}
