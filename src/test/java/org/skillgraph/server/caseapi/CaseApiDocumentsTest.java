package org.skillgraph.server.caseapi;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.skillgraph.server.ServerConfig;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * GET CFDocuments: paging (X-Total-Count, Link), sort/orderBy, fields, filter, limits, and
 * injection attempts, on a server whose maximum page size is 3 (the store holds 4 documents).
 */
class CaseApiDocumentsTest extends CaseApiTestBase {
    static final int MAX_PAGE = 3;
    static final Pattern LINK = Pattern.compile("<([^>]*)>;\\s*rel=\"([a-z]+)\"");

    @BeforeAll
    static void startServer() {
        ServerConfig d = ServerConfig.defaults(0);
        start(new ServerConfig("127.0.0.1", 0, null, null, d.queryTimeout(), d.maxBodyBytes(), MAX_PAGE));
    }

    static String q(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    static Map<String, String> links(HttpResponse<String> r) {
        Map<String, String> out = new HashMap<>();
        Matcher m = LINK.matcher(r.headers().firstValue("Link").orElse(""));
        while (m.find()) out.put(m.group(2), m.group(1));
        return out;
    }

    static long total(HttpResponse<String> r) {
        return Long.parseLong(r.headers().firstValue("X-Total-Count").orElseThrow(() -> new AssertionError("no X-Total-Count")));
    }

    /**
     * GET CFDocuments with a query; 200 and a valid CFDocumentSet. Both versions' schemas say
     * minItems 1 for CFDocuments; an empty page is still answered as an empty list (see
     * offsetPastTheEndIsAnEmptyPage), so only non-empty pages are validated here.
     */
    static HttpResponse<String> list(ApiVersion v, String query) throws Exception {
        HttpResponse<String> r = get(api(v) + "CFDocuments" + (query.isEmpty() ? "" : "?" + query));
        assertEquals(200, r.statusCode(), query + ": " + r.body());
        assertJsonType(r);
        JsonNode body = json(r);
        if (body.get("CFDocuments").size() > 0) {
            List<String> violations = SpecSchemas.violations(SpecSchemas.of(v, "CFDocumentSet"), body);
            assertTrue(violations.isEmpty(), query + ": " + violations);
        }
        return r;
    }

    static List<String> ids(HttpResponse<String> r) throws Exception { return top(r, "identifier"); }

    static List<String> titles(HttpResponse<String> r) throws Exception { return top(r, "title"); }

    /** The values of a property of each listed document (not of the links inside them). */
    static List<String> top(HttpResponse<String> r, String property) throws Exception {
        List<String> out = new ArrayList<>();
        json(r).get("CFDocuments").forEach(d -> out.add(d.path(property).asText(null)));
        return out;
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void pagesWithTotalAndLinks(ApiVersion v) throws Exception {
        HttpResponse<String> first = list(v, "limit=2");
        assertEquals(4, total(first));
        assertEquals(2, ids(first).size());
        Map<String, String> l = links(first);
        assertEquals(Set.of("next", "last", "first"), l.keySet(), l.toString());
        String base = server.localUrl() + api(v) + "CFDocuments?";
        assertEquals(base + "limit=2&offset=2", l.get("next"));
        assertEquals(base + "limit=2&offset=2", l.get("last"));
        assertEquals(base + "limit=2&offset=0", l.get("first"));
        HttpResponse<String> second = list(v, l.get("next").substring(l.get("next").indexOf('?') + 1));
        assertEquals(Set.of("last", "first", "prev"), links(second).keySet());
        assertEquals(base + "limit=2&offset=0", links(second).get("prev"));
        Set<String> all = new TreeSet<>(ids(first));
        all.addAll(ids(second));
        assertEquals(new TreeSet<>(ALL_DOCUMENTS), all, "two pages, every document once");
        HttpResponse<String> middle = list(v, "limit=2&offset=1");
        assertEquals(Set.of("next", "last", "first", "prev"), links(middle).keySet());
        assertEquals(base + "limit=2&offset=0", links(middle).get("prev"));
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void limitAboveTheMaximumIsClampedNotRefused(ApiVersion v) throws Exception {
        for (String limit : List.of("1000000", "2147483648", "99999999999999999999999")) {
            HttpResponse<String> r = list(v, "limit=" + limit);
            assertEquals(MAX_PAGE, ids(r).size(), limit);
            assertEquals(4, total(r));
            assertTrue(links(r).get("next").contains("limit=" + MAX_PAGE + "&offset=" + MAX_PAGE), links(r).toString());
        }
        assertEquals(MAX_PAGE, ids(list(v, "")).size(), "default page size is min(100, maximum)");
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void badPagingIsInvalidSelectionField(ApiVersion v) throws Exception {
        for (String query : List.of("limit=0", "limit=-1", "limit=abc", "limit=1.5", "limit=", "offset=-1", "offset=x", "offset=1e3"))
            failure(v, "CFDocuments?" + query, 400, "invalid_selection_field");
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void offsetPastTheEndIsAnEmptyPage(ApiVersion v) throws Exception {
        HttpResponse<String> r = list(v, "offset=100");
        assertEquals(List.of(), ids(r));
        assertEquals(4, total(r));
        assertEquals(Set.of("last", "first", "prev"), links(r).keySet());
        assertTrue(links(r).get("prev").endsWith("limit=3&offset=3"), links(r).toString());
        // The schemas of both versions say minItems 1 for CFDocuments; an empty page is still an empty
        // list with X-Total-Count (a documented deviation; a 404 would break paging clients).
        List<String> violations = SpecSchemas.violations(SpecSchemas.of(v, "CFDocumentSet"), json(r));
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).contains("CFDocuments") && violations.get(0).contains("at least 1"), violations.toString());
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void sortAndOrderBy(ApiVersion v) throws Exception {
        List<String> asc = titles(list(v, "sort=title&limit=" + MAX_PAGE + "&offset=0"));
        List<String> all = new ArrayList<>(asc);
        all.addAll(titles(list(v, "sort=title&offset=" + MAX_PAGE)));
        List<String> sorted = new ArrayList<>(all);
        sorted.sort(String.CASE_INSENSITIVE_ORDER);
        assertEquals(sorted, all);
        List<String> desc = new ArrayList<>(titles(list(v, "sort=title&orderBy=desc")));
        desc.addAll(titles(list(v, "sort=title&orderBy=desc&offset=" + MAX_PAGE)));
        List<String> reversed = new ArrayList<>(sorted);
        Collections.reverse(reversed);
        assertEquals(reversed, desc);
        // Dates compare as instants: the newest framework is the job role (2025-04-02), the oldest OpenSALT's (2017).
        assertEquals(JOB, ids(list(v, "sort=lastChangeDateTime&orderBy=desc")).get(0));
        assertEquals(SALT, ids(list(v, "sort=lastChangeDateTime&orderBy=asc")).get(0));
        assertEquals("What Standards Could Be", titles(list(v, "orderBy=desc")).get(0), "orderBy alone orders by title");
        assertTrue(links(list(v, "sort=title&orderBy=desc&limit=1")).get("next").contains("sort=title&orderBy=desc"));
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void badSortIsInvalidSortField(ApiVersion v) throws Exception {
        for (String sort : List.of("nosuchfield", "title) UNION {", "title; DROP ALL", "?s", "subject", "CFPackageURI", "title,creator"))
            failure(v, "CFDocuments?sort=" + q(sort), 400, "invalid_sort_field");
        failure(v, "CFDocuments?sort=title&orderBy=sideways", 400, "invalid_sort_field");
        failure(v, "CFDocuments?orderBy=" + q("asc } UNION {"), 400, "invalid_sort_field");
        if (v == ApiVersion.V1P0) failure(v, "CFDocuments?sort=caseVersion", 400, "invalid_sort_field");
        else list(v, "sort=caseVersion");
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void fieldsSelectsProperties(ApiVersion v) throws Exception {
        for (String query : List.of("fields=identifier,title", "fields=identifier&fields=title", "fields=" + q(" identifier , title ,"))) {
            HttpResponse<String> r = get(api(v) + "CFDocuments?" + query);
            assertEquals(200, r.statusCode(), r.body());
            for (JsonNode d : json(r).get("CFDocuments")) {
                List<String> names = new ArrayList<>();
                d.fieldNames().forEachRemaining(names::add);
                assertEquals(List.of("identifier", "title"), names, query);
            }
            assertEquals(4, total(r));
        }
        JsonNode pkg = json(get(api(v) + "CFDocuments?fields=CFPackageURI")).at("/CFDocuments/0/CFPackageURI");
        assertTrue(pkg.has("uri"), "a link field can be selected");
        assertTrue(links(get(api(v) + "CFDocuments?fields=title&limit=1")).get("next").contains("fields=title"));
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void badFieldsIsInvalidSelectionField(ApiVersion v) throws Exception {
        for (String f : List.of("nosuch", "title,nosuch", "title) UNION {", "CFItems"))
            failure(v, "CFDocuments?fields=" + q(f), 400, "invalid_selection_field");
        if (v == ApiVersion.V1P0) failure(v, "CFDocuments?fields=frameworkType", 400, "invalid_selection_field");
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void filter(ApiVersion v) throws Exception {
        HttpResponse<String> one = list(v, "filter=" + q("title='What Standards Could Be'"));
        assertEquals(List.of(SALT), ids(one));
        assertEquals(1, total(one));
        assertEquals(Set.of("last", "first"), links(one).keySet());
        assertEquals(Set.of(CERT, JOB), new TreeSet<>(ids(list(v, "filter=" + q("title~'data'")))));
        assertEquals(List.of(SALT), ids(list(v, "filter=" + q("lastChangeDateTime<'2020-01-01'"))));
        assertEquals(Set.of(CERT, SALT), new TreeSet<>(ids(list(v, "filter=" + q("title~'certificate' OR title~'standards'")))));
        assertEquals(List.of(CERT), ids(list(v, "filter=" + q("title~'data' AND publisher='Riverbend Community College'"))));
        assertEquals(Set.of(CERT, JOB, FIX), new TreeSet<>(ids(list(v, "filter=" + q("subject='Data Analytics'")))));
        assertEquals(List.of(), ids(get(api(v) + "CFDocuments?filter=" + q("title='nothing at all'"))));
        assertEquals(0, total(get(api(v) + "CFDocuments?filter=" + q("title='nothing at all'"))));
        // Filter, sort and paging together; the links carry the filter.
        HttpResponse<String> paged = list(v, "filter=" + q("subject='Data Analytics'") + "&sort=title&orderBy=desc&limit=2");
        assertEquals(3, total(paged));
        String next = links(paged).get("next");
        assertTrue(next.contains("filter=subject%3D%27Data%20Analytics%27"), next);
        HttpResponse<String> rest = list(v, next.substring(next.indexOf('?') + 1));
        assertEquals(1, ids(rest).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"title='x' } ; DROP ALL", "title='x') UNION { ?s ?p ?o }", "title='x' || 1=1", "title='x' ; DELETE WHERE { ?s ?p ?o }",
            "title=\"x\"", "nosuchfield='x'", "title", "title='", "') } DROP ALL #", "frameworkType='x' AND caseVersion", "title='x' AND"})
    void injectionAndMalformedFiltersAre400NeverServerErrors(String filter) throws Exception {
        for (ApiVersion v : ApiVersion.values())
            failure(v, "CFDocuments?filter=" + q(filter), 400, "invalid_selection_field");
        assertEquals(4, total(list(ApiVersion.V1P1, "")), "the store is untouched");
    }

    @Test
    void aQuoteInsideAValueIsData() throws Exception {
        assertEquals(List.of(), ids(list(ApiVersion.V1P1, "filter=" + q("title='x'' } ; DROP ALL ; '''"))));
        assertEquals(4, total(list(ApiVersion.V1P1, "")));
    }
}
