package org.skillgraph.queries;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.Syntax;
import org.apache.jena.rdf.model.RDFNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.skillgraph.pipeline.Pipeline;
import org.skillgraph.pipeline.SampleData;
import org.skillgraph.pipeline.Source;
import org.skillgraph.store.Registry;
import org.skillgraph.testutil.TestData;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Runs every example query in {@code queries/} over a TDB2 store holding the three sample
 * frameworks of {@code data/}: each must parse as plain SPARQL 1.1 and answer at least one row
 * (a new file is picked up automatically), and the main ones must give the answers that
 * {@code data/README.md} describes.
 */
class ExampleQueriesTest {
    static final String CERTIFICATE = "Data Analytics Certificate";
    static final String JOB_ROLE = "Data Analyst Job Role";
    static final String OPENSALT = "What Standards Could Be";
    /** The job-role skills the certificate deliberately does not cover (data/README.md). */
    static final List<String> UNCOVERED = List.of("DA.2.4", "DA.4.1", "DA.4.3", "DA.5.2", "DA.5.3");

    @TempDir static Path storeDir;
    static Registry registry;

    @BeforeAll
    static void loadSamples() throws IOException {
        registry = Registry.openTdb2(storeDir);
        Pipeline pipeline = new Pipeline();
        try (Stream<Path> files = Files.list(TestData.projectDir().resolve("data"))) {
            List<Path> samples = files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
            assertEquals(3, samples.size(), "sample packages in data/: " + samples);
            for (Path p : samples) pipeline.importInto(registry, Source.file(p), n -> {});
        }
        // The O*NET subset and the accepted alignments to it, as `serve` loads them.
        SampleData.loadOnet(registry, TestData.projectDir().resolve("data/onet-subset"));
        try (InputStream in = Files.newInputStream(TestData.projectDir().resolve("data/onet-alignments.trig"))) {
            SampleData.loadAlignments(registry, in);
        }
    }

    @AfterAll
    static void close() {
        if (registry != null) registry.close();
    }

    // ---------------------------------------------------------------- every query in queries/

    static Path queriesDir() { return TestData.projectDir().resolve("queries"); }

    static Stream<String> queryFiles() throws IOException {
        try (Stream<Path> s = Files.list(queriesDir())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rq")).sorted().toList().stream();
        }
    }

    @Test
    void theFolderHoldsTheDocumentedQueries() throws IOException {
        Set<String> files = queryFiles().collect(Collectors.toSet());
        for (String required : List.of("frameworks.rq", "framework-tree.rq", "crosswalk.rq", "gap.rq", "search.rq", "ancestors.rq"))
            assertTrue(files.contains(required), "queries/" + required + " is missing; found " + files);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queryFiles")
    void everyQueryIsDocumentedParsesAndAnswers(String file) throws IOException {
        String text = read(file);
        Query q = documented(file, text);
        if (q.isSelectType()) {
            assertFalse(select(text).rows().isEmpty(), file + " returned no rows on the sample data");
        } else if (q.isAskType()) {
            Boolean yes = registry.read(ds -> { try (QueryExecution qe = registry.query(q)) { return qe.execAsk(); } });
            assertTrue(yes, file + " answered false on the sample data");
        } else {
            long n = registry.read(ds -> { try (QueryExecution qe = registry.query(q)) {
                return q.isConstructType() ? qe.execConstruct().size() : qe.execDescribe().size(); } });
            assertTrue(n > 0, file + " returned no triples on the sample data");
        }
    }

    /**
     * Checks the documentation rules of an example query and parses it: a '# Question: ...' first
     * line, an explanation in comments under it, LF line ends, plain SPARQL 1.1 with its own PREFIX
     * lines (so it runs on any endpoint, the query page included).
     */
    static Query documented(String file, String text) {
        String firstLine = text.lines().findFirst().orElse("");
        assertTrue(firstLine.startsWith("# Question: ") && firstLine.length() > 20,
                file + ": the first line must be '# Question: ...', not: " + firstLine);
        assertTrue(text.lines().skip(1).takeWhile(l -> l.startsWith("#")).count() >= 2,
                file + ": explain under the question, in comments, how it works and which parameters to change");
        assertFalse(text.contains("\r"), file + ": use LF line ends");
        return QueryFactory.create(text, Syntax.syntaxSPARQL_11);
    }

    /**
     * The queries here run on one registry holding the samples; those that call another registry
     * with SERVICE live in queries/federated/ and are run across two servers by FederatedQueriesTest.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("queryFiles")
    void queriesHereCallNoOtherEndpoint(String file) {
        assertFalse(read(file).toUpperCase(java.util.Locale.ROOT).matches("(?s).*\\bSERVICE\\s*(SILENT\\s*)?[<?$].*"),
                file + " uses SERVICE: put it in queries/federated/");
    }

    // ---------------------------------------------------------------- answers per query

    @Test
    void frameworksListsTheThreeSamplesWithTheirSizes() {
        Result r = select(read("frameworks.rq"));
        assertEquals(List.of(CERTIFICATE, JOB_ROLE, OPENSALT).stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(),
                r.column("title"), "one row per framework, by title");
        Map<String, Map<String, String>> byTitle = r.byKey("title");
        assertEquals(Map.of(CERTIFICATE, "33", JOB_ROLE, "26", OPENSALT, "16"), r.map("title", "items"));
        assertEquals(Map.of(CERTIFICATE, "37", JOB_ROLE, "46", OPENSALT, "39"), r.map("title", "associations"));
        for (Map<String, String> row : r.rows()) {
            assertEquals(row.get("items"), row.get("catalogItems"), "data and catalog agree: " + row);
            assertEquals(row.get("associations"), row.get("catalogAssociations"), "data and catalog agree: " + row);
            assertTrue(Long.parseLong(row.get("triples")) > 500, row.toString());
            assertTrue(row.get("graph").startsWith("urn:skillgraph:framework:"), row.toString());
        }
        assertEquals("Riverbend Community College", byTitle.get(CERTIFICATE).get("publisher"));
    }

    @Test
    void gapReturnsExactlyTheFiveUncoveredSkills() {
        Result r = select(read("gap.rq"));
        assertEquals(UNCOVERED, r.column("code"));
        assertTrue(r.byKey("code").get("DA.2.4").get("statement").contains("A/B tests"), r.toString());
    }

    @Test
    void gapOfTheCertificateAgainstTheJobRoleListsWhatEmployersDidNotAskFor() {
        // Swapped around: certificate leaves that no job-role skill points at (README: DAC.2.4, DAC.3.3, DAC.6.2, ...).
        Result r = select(param(read("gap.rq"), "VALUES ?jobRole { \"Data Analyst Job Role\" }",
                "VALUES ?jobRole { \"Data Analytics Certificate\" }"));
        List<String> codes = r.column("code");
        assertTrue(codes.containsAll(List.of("DAC.2.4", "DAC.3.3", "DAC.6.2")), codes.toString());
        assertFalse(codes.contains("DAC.2.1.1"), "DAC.2.1.1 is the destination of an isRelatedTo: " + codes);
        assertTrue(codes.stream().noneMatch(c -> c.matches("DAC\\.\\d")), "areas are not leaves: " + codes);
    }

    /** The 17 alignments of data/README.md: certificate code, type, job-role code. */
    static final Set<List<String>> ALIGNMENTS = Set.of(
            List.of("DAC.2.1", "exactMatchOf", "DA.1.1"), List.of("DAC.2.1.1", "isRelatedTo", "DA.1.1"),
            List.of("DAC.2.3", "exactMatchOf", "DA.1.2"), List.of("DAC.2.2", "isRelatedTo", "DA.1.3"),
            List.of("DAC.4.1", "isRelatedTo", "DA.1.4"), List.of("DAC.4.2", "exactMatchOf", "DA.1.5"),
            List.of("DAC.3.1", "exactMatchOf", "DA.2.1"), List.of("DAC.1.3", "exactMatchOf", "DA.2.2"),
            List.of("DAC.3.4", "isRelatedTo", "DA.2.3"), List.of("DAC.2.1.2", "isRelatedTo", "DA.2.5"),
            List.of("DAC.5.2", "exactMatchOf", "DA.3.1"), List.of("DAC.5.1", "exactMatchOf", "DA.3.2"),
            List.of("DAC.5.2.1", "isRelatedTo", "DA.3.3"), List.of("DAC.5.3", "exactMatchOf", "DA.3.4"),
            List.of("DAC.4.3", "isRelatedTo", "DA.4.2"), List.of("DAC.6.1", "isRelatedTo", "DA.4.4"),
            List.of("DAC.1.1", "isRelatedTo", "DA.5.1"));

    @Test
    void crosswalkFindsThe17AlignmentsFromEitherSide() {
        String text = read("crosswalk.rq");
        String values = "VALUES (?frameworkA ?frameworkB) { (\"Data Analytics Certificate\" \"Data Analyst Job Role\") }";

        // Default: A = certificate, B = job role; the job role's package holds the associations.
        Result ab = select(text);
        assertEquals(17, ab.rows().size(), ab.toString());
        assertEquals(Map.of("exactMatchOf", 8L, "isRelatedTo", 9L), ab.count("type"));
        assertEquals(Set.of("B -> A"), Set.copyOf(ab.column("direction")));
        assertEquals(ALIGNMENTS, ab.rows().stream().map(row -> List.of(row.get("codeA"), row.get("type"), row.get("codeB")))
                .collect(Collectors.toSet()));
        assertTrue(ab.rows().stream().allMatch(row -> row.get("statementA") != null && row.get("statementB") != null));
        assertEquals(9, ab.rows().stream().filter(row -> row.get("notes") != null).count(), "every isRelatedTo has notes");

        // Swapped: A = job role, so A is now the origin.
        Result ba = select(param(text, values,
                "VALUES (?frameworkA ?frameworkB) { (\"Data Analyst Job Role\" \"Data Analytics Certificate\") }"));
        assertEquals(17, ba.rows().size(), ba.toString());
        assertEquals(Set.of("A -> B"), Set.copyOf(ba.column("direction")));
        assertEquals(ALIGNMENTS, ba.rows().stream().map(row -> List.of(row.get("codeB"), row.get("type"), row.get("codeA")))
                .collect(Collectors.toSet()));

        // Frameworks named by IRI work the same.
        String cert = frameworkIri(CERTIFICATE), job = frameworkIri(JOB_ROLE);
        Result byIri = select(param(text, values, "VALUES (?frameworkA ?frameworkB) { (<" + cert + "> <" + job + ">) }"));
        assertEquals(17, byIri.rows().size());

        // Two frameworks with nothing between them: no rows.
        Result none = select(param(text, values, "VALUES (?frameworkA ?frameworkB) { (\"Data Analytics Certificate\" \"What Standards Could Be\") }"));
        assertTrue(none.rows().isEmpty(), none.toString());
    }

    @Test
    void ancestorsGivesTheChainUpToTheFramework() {
        Result r = select(read("ancestors.rq"));
        assertEquals(List.of("1", "2", "3"), r.column("distance"));
        assertEquals(List.of("2", "1", "0"), r.column("depth"));
        assertEquals(Arrays.asList("DAC.5.2", "DAC.5", null), r.column("ancestorCode"));
        assertEquals(List.of("Competency", "Competency Area", "Framework"), r.column("kind"));
        assertEquals(CERTIFICATE, r.rows().get(2).get("label"));
        assertEquals(frameworkIri(CERTIFICATE), r.rows().get(2).get("ancestor"));

        Result job = select(param(read("ancestors.rq"), "VALUES ?code { \"DAC.5.2.1\" }", "VALUES ?code { \"DA.1.1\" }"));
        assertEquals(Arrays.asList("DA.1", null), job.column("ancestorCode"));
        assertEquals(List.of("1", "2"), job.column("distance"));
        assertEquals(JOB_ROLE, job.rows().get(1).get("label"));
    }

    @Test
    void searchRanksByTheNumberOfMatchingWords() {
        Result r = select(read("search.rq"));
        assertEquals(List.of("DA.3.1", "DAC.5.2", "DAC.5.2.1"), r.column("code"));
        assertEquals(List.of("3", "3", "1"), r.column("matches"));
        assertEquals(List.of(JOB_ROLE, CERTIFICATE, CERTIFICATE), r.column("framework"));
        assertTrue(r.rows().get(0).get("text").contains("Power BI or Tableau"));

        // Case-insensitive; phrases and titles count too (skos:prefLabel of the framework document).
        Result sql = select(param(read("search.rq"), "VALUES ?word { \"dashboard\" \"tableau\" \"power bi\" }",
                "VALUES ?word { \"sql\" \"CERTIFICATE\" }"));
        List<String> codes = sql.column("code");
        assertTrue(codes.containsAll(List.of("DA.1.1", "DAC.2", "DAC.2.1", "DAC.2.3")), codes.toString());
        assertTrue(sql.column("text").contains(CERTIFICATE), sql.toString());
        assertFalse(codes.contains("DAC.2.4"), codes.toString());
    }

    @Test
    void frameworkTreeListsEveryItemDepthFirstWithItsDepth() {
        Result r = select(read("framework-tree.rq"));
        assertEquals(33, r.rows().size());
        for (Map<String, String> row : r.rows()) {
            String code = row.get("code");
            assertEquals(code.split("\\.").length - 1, Integer.parseInt(row.get("depth")), "depth of " + code);
            String parent = code.substring(0, code.lastIndexOf('.'));
            assertEquals(parent.contains(".") ? parent : null, row.get("parentCode"), "parent of " + code);
            assertNotNull(row.get("seq"), code);
            assertEquals(code.substring(code.lastIndexOf('.') + 1), row.get("seq"), "sequenceNumber of " + code);
        }
        assertEquals(Map.of("1", 6L, "2", 19L, "3", 8L), r.count("depth"));
        // Depth first, siblings in sequence: the order of the codes compared number by number.
        List<String> codes = r.column("code");
        assertEquals(codes.stream().sorted(CODE_ORDER).toList(), codes);
        assertTreeOrder(r, frameworkIri(CERTIFICATE));

        // By IRI, and a framework without sequence numbers (the OpenSALT sample).
        String values = "VALUES ?framework { \"Data Analytics Certificate\" }";
        Result job = select(param(read("framework-tree.rq"), values, "VALUES ?framework { <" + frameworkIri(JOB_ROLE) + "> }"));
        assertEquals(26, job.rows().size());
        assertEquals(Map.of("1", 5L, "2", 21L), job.count("depth"));
        assertTreeOrder(job, frameworkIri(JOB_ROLE));
        Result salt = select(param(read("framework-tree.rq"), values, "VALUES ?framework { \"What Standards Could Be\" }"));
        assertEquals(16, salt.rows().size());
        assertTreeOrder(salt, frameworkIri(OPENSALT));
    }

    /** Every item comes after its parent, and a subtree is never interrupted. */
    static void assertTreeOrder(Result r, String document) {
        List<String> open = new ArrayList<>(); // the path from the top to the previous row
        for (Map<String, String> row : r.rows()) {
            String parent = row.get("parent");
            int depth = Integer.parseInt(row.get("depth"));
            if (parent.equals(document)) open.clear();
            else {
                int at = open.indexOf(parent);
                assertTrue(at >= 0, "parent of " + row.get("code") + " is not on the path above it: " + open);
                open.subList(at + 1, open.size()).clear();
            }
            open.add(row.get("item"));
            assertEquals(open.size(), depth, "depth of " + row.get("code"));
        }
    }

    static final Comparator<String> CODE_ORDER = (a, b) -> {
        String[] x = a.split("\\."), y = b.split("\\.");
        for (int i = 1; i < Math.min(x.length, y.length); i++) {
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    };

    @Test
    void associationTypesAddUpToEachFrameworksAssociations() {
        Result r = select(read("association-types.rq"));
        Map<String, Long> total = new TreeMap<>();
        Map<String, String> cell = new HashMap<>();
        for (Map<String, String> row : r.rows()) {
            total.merge(row.get("framework"), Long.parseLong(row.get("associations")), Long::sum);
            cell.put(row.get("framework") + "|" + row.get("type") + "|" + row.get("destination"), row.get("associations"));
        }
        assertEquals(Map.of(CERTIFICATE, 37L, JOB_ROLE, 46L, OPENSALT, 39L), total);
        assertEquals("8", cell.get(JOB_ROLE + "|exactMatchOf|another framework in the store"));
        assertEquals("9", cell.get(JOB_ROLE + "|isRelatedTo|another framework in the store"));
        assertEquals("26", cell.get(JOB_ROLE + "|isChildOf|this framework"));
        assertEquals("33", cell.get(CERTIFICATE + "|isChildOf|this framework"));
        assertEquals("16", cell.get(OPENSALT + "|exactMatchOf|not in the store"));
    }

    @Test
    void coverageSumsToTheAlignmentAndTheGap() {
        Result r = select(read("coverage.rq"));
        assertEquals(List.of("DA.1", "DA.2", "DA.3", "DA.4", "DA.5"), r.column("areaCode"));
        assertEquals(List.of("5", "5", "4", "4", "3"), r.column("skills"));
        assertEquals(List.of("0", "1", "0", "2", "2"), r.column("notCovered"));
        assertEquals(List.of("100", "80", "100", "50", "33"), r.column("percentCovered"));
        assertEquals(8, r.sum("exactlyMatched"), "8 skills have an exactMatchOf");
        assertEquals(8, r.sum("relatedOnly"), "16 covered, 8 of them exactly");
        assertEquals(UNCOVERED.size(), r.sum("notCovered"), "the gap.rq skills");
    }

    @Test
    void onetOccupationsAreRankedByTheImportanceTheCertificateCovers() {
        Result r = select(read("onet-occupations.rq"));
        assertEquals(10, r.rows().size(), "the 10 rated occupations of data/onet-subset (15-2051.00 has no ratings): " + r);
        assertFalse(r.column("code").contains("15-2051.00"));
        List<Double> shares = r.column("weightedShare").stream().map(Double::parseDouble).toList();
        for (int i = 1; i < shares.size(); i++) assertTrue(shares.get(i - 1) >= shares.get(i), "ranked: " + shares);
        assertTrue(shares.get(0) > 0 && shares.get(0) < 100, r.toString());
        for (Map<String, String> row : r.rows()) {
            // The certificate is aligned to 8 elements (data/src/onet-alignments-review.tsv); each occupation rates 35 skills + 33 knowledge.
            assertEquals("8", row.get("coveredElements"), row.toString());
            assertEquals("68", row.get("ratedElements"), row.toString());
        }
        // Programmers weigh programming, which the certificate covers, more than statistical assistants do.
        List<String> codes = r.column("code");
        assertTrue(codes.indexOf("15-1251.00") < codes.indexOf("43-9111.00"), codes.toString());

        // The job role, by title: its own alignments.
        Result job = select(param(read("onet-occupations.rq"), "VALUES ?framework { \"Data Analytics Certificate\" }",
                "VALUES ?framework { \"Data Analyst Job Role\" }"));
        assertEquals(10, job.rows().size());
        assertNotEquals(r.column("weightedShare"), job.column("weightedShare"));
        // A framework with no alignments to O*NET: every share is 0.
        Result none = select(param(read("onet-occupations.rq"), "VALUES ?framework { \"Data Analytics Certificate\" }",
                "VALUES ?framework { \"What Standards Could Be\" }"));
        assertTrue(none.column("weightedShare").stream().allMatch(v -> Double.parseDouble(v) == 0), none.toString());
    }

    @Test
    void transitiveAlignmentGoesFromCertificateThroughTheJobRoleToOnet() {
        Result r = select(read("transitive-alignment.rq"));
        Set<List<String>> chains = r.rows().stream().map(row -> List.of(row.get("credentialCode"), row.get("jobRoleCode"), row.get("elementCode")))
                .collect(Collectors.toSet());
        assertTrue(chains.contains(List.of("DAC.4.1", "DA.1.4", "2.B.3.e")), "Python scripting -> automate tasks -> Programming: " + r);
        assertTrue(chains.contains(List.of("DAC.5.2.1", "DA.3.3", "2.B.4.h")), "dashboard KPIs -> define KPIs -> Systems Evaluation: " + r);
        assertTrue(chains.contains(List.of("DAC.5.3", "DA.3.4", "2.A.1.d")), r.toString());
        for (Map<String, String> row : r.rows()) {
            assertTrue(row.get("credentialCode").startsWith("DAC."), row.toString());
            assertTrue(row.get("jobRoleCode").startsWith("DA.") && !row.get("jobRoleCode").startsWith("DAC."), row.toString());
            assertTrue(row.get("hop1").equals("^exactMatchOf") || row.get("hop1").equals("^isRelatedTo"), "the job role publishes: " + row);
            assertTrue(row.get("elementIri").startsWith("https://w3id.org/skillgraph/onet/element/2."), row.toString());
        }
        // Uncovered job-role skills (no association to the certificate) lead nowhere, though DA.4.1 is aligned to O*NET.
        assertFalse(r.column("jobRoleCode").contains("DA.4.1"), r.toString());
    }

    // ---------------------------------------------------------------- helpers

    static String read(String file) {
        try {
            return Files.readString(queriesDir().resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read queries/" + file, e);
        }
    }

    /** The query with one parameter line changed; fails when the line is not there as documented. */
    static String param(String text, String line, String replacement) {
        assertTrue(text.contains(line), "the query no longer has the parameter line " + line);
        return text.replace(line, replacement);
    }

    static String frameworkIri(String title) {
        Result r = select("PREFIX sg: <https://w3id.org/skillgraph/ns#> SELECT ?f WHERE { ?f a sg:Framework ; sg:title ?t FILTER (STR(?t) = \""
                + title + "\") }");
        assertEquals(1, r.rows().size(), title);
        return r.rows().get(0).get("f");
    }

    /** Runs a SELECT over the union default graph; values as lexical forms or IRIs, null when unbound. */
    static Result select(String text) {
        Query q = QueryFactory.create(text, Syntax.syntaxSPARQL_11);
        return registry.read(ds -> {
            try (QueryExecution qe = registry.query(q)) {
                ResultSet rs = qe.execSelect();
                List<String> vars = rs.getResultVars();
                List<Map<String, String>> rows = new ArrayList<>();
                while (rs.hasNext()) {
                    QuerySolution s = rs.next();
                    Map<String, String> row = new LinkedHashMap<>();
                    for (String v : vars) row.put(v, value(s.get(v)));
                    rows.add(row);
                }
                return new Result(vars, rows);
            }
        });
    }

    static String value(RDFNode n) {
        if (n == null) return null;
        if (n.isLiteral()) return n.asLiteral().getLexicalForm();
        return n.isURIResource() ? n.asResource().getURI() : "_:" + n.asResource().getId();
    }

    record Result(List<String> vars, List<Map<String, String>> rows) {
        List<String> column(String var) {
            assertTrue(vars.contains(var), "no ?" + var + " in " + vars);
            return rows.stream().map(r -> r.get(var)).toList();
        }

        Map<String, Map<String, String>> byKey(String var) {
            Map<String, Map<String, String>> m = new HashMap<>();
            for (Map<String, String> r : rows) assertNull(m.put(r.get(var), r), "?" + var + " repeats: " + r.get(var));
            return m;
        }

        Map<String, String> map(String key, String value) {
            return byKey(key).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(value)));
        }

        Map<String, Long> count(String var) {
            return column(var).stream().collect(Collectors.groupingBy(v -> v, Collectors.counting()));
        }

        long sum(String var) {
            return column(var).stream().mapToLong(Long::parseLong).sum();
        }

        @Override
        public String toString() {
            return rows.stream().map(Object::toString).collect(Collectors.joining("\n", vars + "\n", ""));
        }
    }
}
