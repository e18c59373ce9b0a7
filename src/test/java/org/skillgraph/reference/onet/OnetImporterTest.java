package org.skillgraph.reference.onet;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.error.InputRejectedException;
import org.skillgraph.store.Registry;
import org.skillgraph.vocab.Iris;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.skillgraph.vocab.SG;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The importer on a subset of the real O*NET 29.3 release (src/test/resources/onet/subset: three
 * occupations, 15-2041.00 Statisticians, 15-2051.00 Data Scientists and 15-2051.01 Business
 * Intelligence Analysts, with all their rows in every file and the reference rows they use).
 */
class OnetImporterTest {
    static final String BI = "15-2051.01";
    static Path subset;
    static OnetResult result;
    static Graph g;

    @TempDir Path tmp;

    @BeforeAll
    static void readSubset() throws URISyntaxException {
        subset = Path.of(OnetImporterTest.class.getResource("/onet/subset").toURI());
        result = new OnetImporter().read(subset, null);
        g = result.graph();
    }

    static Node uri(String s) { return NodeFactory.createURI(s); }
    static Node en(String s) { return NodeFactory.createLiteralLang(s, "en"); }
    static Node typed(String lex, XSDDatatype t) { return NodeFactory.createLiteralDT(lex, t); }

    static Set<Node> objects(Node s, Node p) {
        return g.find(s, p, Node.ANY).mapWith(Triple::getObject).toSet();
    }

    static Node one(Node s, Node p) {
        Set<Node> o = objects(s, p);
        assertEquals(1, o.size(), () -> s + " " + p + " " + o);
        return o.iterator().next();
    }

    static long count(Node p, Node o) { return g.find(Node.ANY, p, o).toList().size(); }

    @Test
    void countsOfEachKind() {
        OnetCounts c = result.counts();
        assertEquals(3, c.occupations());
        assertEquals(168, c.elements());
        assertEquals(29, c.scales());
        assertEquals(29, c.iwas());
        assertEquals(35, c.dwas());
        assertEquals(52, c.tasks());
        assertEquals(62, c.taskDwaLinks());
        assertEquals(3, c.jobZones());
        assertEquals(99, c.alternateTitles());
        assertEquals(20, c.reportedTitles());
        assertEquals(60, c.relatedOccupations());
        assertEquals(355, c.technologySkills());
        assertEquals(9, c.toolsUsed());
        assertEquals(62, c.commodities());
        assertEquals(435, c.ratings());
        assertEquals(g.size(), c.triples());
        // The same numbers, counted in the graph.
        assertEquals(3, count(SG.rdfType, OnetIris.Occupation));
        assertEquals(168, count(SG.skosInScheme, OnetIris.Scheme.ELEMENTS.node()));
        assertEquals(35, count(SG.rdfType, OnetIris.DetailedWorkActivity));
        assertEquals(52, count(SG.rdfType, OnetIris.Task));
        assertEquals(62, count(SG.rdfType, OnetIris.Commodity));
        assertEquals(435, count(SG.rdfType, OnetIris.Rating));
        assertEquals(62, g.find(Node.ANY, OnetIris.dwa, Node.ANY).toList().size());
    }

    @Test
    void occupationTitleDefinitionAltLabelsAndJobZone() {
        Node bi = uri("https://www.onetonline.org/link/summary/15-2051.01");
        assertEquals(OnetIris.occupation(BI), bi);
        assertEquals(Set.of(SG.skosConcept, OnetIris.Occupation), objects(bi, SG.rdfType));
        assertEquals(uri("https://w3id.org/skillgraph/onet/scheme/occupations"), one(bi, SG.skosInScheme));
        assertEquals(NodeFactory.createLiteralString(BI), one(bi, SG.skosNotation));
        assertEquals(en("Business Intelligence Analysts"), one(bi, SG.skosPrefLabel));
        assertTrue(one(bi, OnetIris.skosDefinition).getLiteralLexicalForm().startsWith("Produce financial and market intelligence"));
        Set<Node> alt = objects(bi, OnetIris.skosAltLabel);
        // 27 alternate titles, 5 short titles and 10 reported titles, 32 distinct.
        assertEquals(32, alt.size(), alt::toString);
        assertTrue(alt.contains(en("Business Intelligence Analyst (BI Analyst)")));  // alternate and reported title
        assertTrue(alt.contains(en("BI Analyst")));                                   // short title
        assertTrue(alt.contains(en("Competitive Intelligence Analyst")));             // reported title
        assertEquals(typed("4", XSDDatatype.XSDinteger), one(bi, OnetIris.jobZone));
        assertEquals(typed("5", XSDDatatype.XSDinteger), one(OnetIris.occupation("15-2041.00"), OnetIris.jobZone));
    }

    @Test
    void elementHierarchyFollowsTheOutline() {
        Node readingComprehension = uri("https://w3id.org/skillgraph/onet/element/2.A.1.a");
        assertEquals(en("Reading Comprehension"), one(readingComprehension, SG.skosPrefLabel));
        assertEquals(en("Understanding written sentences and paragraphs in work-related documents."),
                one(readingComprehension, OnetIris.skosDefinition));
        assertEquals(NodeFactory.createLiteralString("2.A.1.a"), one(readingComprehension, SG.skosNotation));
        Node content = one(readingComprehension, SG.skosBroader);
        assertEquals(OnetIris.element("2.A.1"), content);
        Node basicSkills = one(content, SG.skosBroader);
        assertEquals(OnetIris.element("2.A"), basicSkills);
        Node workerRequirements = one(basicSkills, SG.skosBroader);
        assertEquals(OnetIris.element("2"), workerRequirements);
        assertEquals(en("Worker Requirements"), one(workerRequirements, SG.skosPrefLabel));
        assertTrue(objects(workerRequirements, SG.skosBroader).isEmpty());
        Node scheme = OnetIris.Scheme.ELEMENTS.node();
        assertEquals(scheme, one(workerRequirements, SG.skosTopConceptOf));
        assertTrue(g.contains(scheme, OnetIris.skosHasTopConcept, workerRequirements));
        assertTrue(objects(readingComprehension, SG.skosTopConceptOf).isEmpty());
        // Roots of the subset's outline: 1, 2, 3 (experience and training) and 4.
        assertEquals(Set.of(OnetIris.element("1"), OnetIris.element("2"), OnetIris.element("3"), OnetIris.element("4")),
                objects(scheme, OnetIris.skosHasTopConcept));
    }

    @Test
    void ratingKeepsValueScaleAndStatistics() {
        // 15-2051.01  2.A.1.a  Reading Comprehension  LV  Level  4.25  8  0.1637  3.9292  4.5708  N  N  08/2024  Analyst
        Node r = uri("https://w3id.org/skillgraph/onet/rating/15-2051.01/2.A.1.a/LV");
        assertEquals(OnetIris.Rating, one(r, SG.rdfType));
        assertEquals(OnetIris.occupation(BI), one(r, OnetIris.occupation));
        assertEquals(OnetIris.element("2.A.1.a"), one(r, OnetIris.element));
        Node lv = one(r, OnetIris.scale);
        assertEquals(uri("https://w3id.org/skillgraph/onet/scale/LV"), lv);
        assertEquals(en("Level"), one(lv, SG.skosPrefLabel));
        assertEquals(typed("0", XSDDatatype.XSDinteger), one(lv, OnetIris.minimum));
        assertEquals(typed("7", XSDDatatype.XSDinteger), one(lv, OnetIris.maximum));
        assertEquals(typed("4.25", XSDDatatype.XSDdecimal), one(r, OnetIris.rdfValue));
        assertEquals(typed("8", XSDDatatype.XSDinteger), one(r, OnetIris.n));
        assertEquals(typed("0.1637", XSDDatatype.XSDdecimal), one(r, OnetIris.standardError));
        assertEquals(typed("3.9292", XSDDatatype.XSDdecimal), one(r, OnetIris.lowerCI));
        assertEquals(typed("4.5708", XSDDatatype.XSDdecimal), one(r, OnetIris.upperCI));
        assertEquals(typed("false", XSDDatatype.XSDboolean), one(r, OnetIris.recommendSuppress));
        assertEquals(typed("false", XSDDatatype.XSDboolean), one(r, OnetIris.notRelevant));
        assertEquals(typed("2024-08", XSDDatatype.XSDgYearMonth), one(r, OnetIris.date));
        assertEquals(NodeFactory.createLiteralString("Analyst"), one(r, OnetIris.domainSource));
        assertTrue(objects(r, OnetIris.category).isEmpty());

        // The IM row has no Not Relevant value: no triple rather than an invented one.
        Node im = OnetIris.rating(BI, "2.A.1.a", "IM", null);
        assertEquals(typed("4", XSDDatatype.XSDdecimal), one(im, OnetIris.rdfValue));
        assertTrue(objects(im, OnetIris.notRelevant).isEmpty());
    }

    @Test
    void categoryRatingsAndRatingsWithoutStatistics() {
        // Education, Training, and Experience: one rating per category.
        Node rl = OnetIris.rating(BI, "2.D.1", "RL", "6");
        assertEquals(typed("6", XSDDatatype.XSDinteger), one(rl, OnetIris.category));
        assertEquals(OnetIris.scale("RL"), one(rl, OnetIris.scale));
        assertEquals(12, g.find(Node.ANY, OnetIris.element, OnetIris.element("2.D.1")).filterKeep(
                t -> g.contains(t.getSubject(), OnetIris.occupation, OnetIris.occupation(BI))).toList().size());
        // Interests: value, date and source only.
        Node oi = OnetIris.rating(BI, "1.B.1.b", "OI", null);
        assertEquals(OnetIris.Rating, one(oi, SG.rdfType));
        assertTrue(objects(oi, OnetIris.n).isEmpty());
        assertEquals(NodeFactory.createLiteralString("Machine Learning"), one(oi, OnetIris.domainSource));
        // Work Styles publishes N as 28.0: stored as an integer.
        g.find(Node.ANY, OnetIris.n, Node.ANY).forEach(t ->
                assertEquals(XSDDatatype.XSDinteger.getURI(), t.getObject().getLiteralDatatypeURI()));
    }

    @Test
    void tasksLinkToDetailedWorkActivitiesUpToTheirElement() {
        // 15-2041.00  20192  Report results of statistical analyses ...  Core  21.0  08/2024  Occupational Expert
        Node task = uri("https://w3id.org/skillgraph/onet/task/20192");
        Node statisticians = OnetIris.occupation("15-2041.00");
        assertTrue(g.contains(statisticians, OnetIris.hasTask, task));
        assertEquals(statisticians, one(task, OnetIris.occupation));
        assertEquals(en("Report results of statistical analyses in peer-reviewed papers and technical manuals."),
                one(task, SG.skosPrefLabel));
        assertEquals(OnetIris.Scheme.TASKS.node(), one(task, SG.skosInScheme));
        assertEquals(NodeFactory.createLiteralString("Core"), one(task, OnetIris.taskType));
        assertEquals(typed("21.0", XSDDatatype.XSDdecimal), one(task, OnetIris.incumbentsResponding));
        assertEquals(typed("2024-08", XSDDatatype.XSDgYearMonth), one(task, OnetIris.date));
        assertEquals(NodeFactory.createLiteralString("Occupational Expert"), one(task, OnetIris.domainSource));
        Node d01 = uri("https://w3id.org/skillgraph/onet/dwa/4.A.3.b.6.I03.D01");
        assertEquals(Set.of(d01, OnetIris.dwa("4.A.3.b.6.I03.D05")), objects(task, OnetIris.dwa));
        assertEquals(OnetIris.Scheme.DWAS.node(), one(d01, SG.skosInScheme));
        Node iwa = one(d01, SG.skosBroader);
        assertEquals(uri("https://w3id.org/skillgraph/onet/iwa/4.A.3.b.6.I03"), iwa);
        assertEquals(OnetIris.Scheme.IWAS.node(), one(iwa, SG.skosInScheme));
        assertEquals(OnetIris.element("4.A.3.b.6"), one(iwa, SG.skosBroader));
        assertEquals(OnetIris.element("4.A.3.b"), one(OnetIris.element("4.A.3.b.6"), SG.skosBroader));
    }

    @Test
    void technologySkillsKeepExampleCommodityAndFlags() {
        List<Triple> rows = g.find(Node.ANY, OnetIris.example, NodeFactory.createLiteralString("Microsoft Excel"))
                .filterKeep(t -> g.contains(t.getSubject(), OnetIris.occupation, OnetIris.occupation(BI))).toList();
        assertEquals(1, rows.size());
        Node tech = rows.get(0).getSubject();
        assertEquals(OnetIris.technologySkill(BI, "43232110", "Microsoft Excel"), tech);
        assertEquals(OnetIris.TechnologySkill, one(tech, SG.rdfType));
        Node spreadsheet = one(tech, OnetIris.commodity);
        assertEquals(uri("https://w3id.org/skillgraph/onet/commodity/43232110"), spreadsheet);
        assertEquals(en("Spreadsheet software"), one(spreadsheet, SG.skosPrefLabel));
        assertEquals(OnetIris.Scheme.COMMODITIES.node(), one(spreadsheet, SG.skosInScheme));
        assertEquals(typed("true", XSDDatatype.XSDboolean), one(tech, OnetIris.hotTechnology));
        assertEquals(typed("true", XSDDatatype.XSDboolean), one(tech, OnetIris.inDemand));
        assertTrue(g.contains(OnetIris.occupation(BI), OnetIris.usesTechnology, spreadsheet));
        assertEquals(9, count(SG.rdfType, OnetIris.ToolUsed));
    }

    @Test
    void relatedOccupationsWithTierAndIndex() {
        // 15-2051.01  Business Intelligence Analysts  15-2051.00  Data Scientists  Primary-Short  1
        Node bi = OnetIris.occupation(BI), dataScientists = OnetIris.occupation("15-2051.00");
        assertEquals(20, objects(bi, OnetIris.skosRelated).size());
        Node r = uri("https://w3id.org/skillgraph/onet/related/15-2051.01/15-2051.00");
        assertEquals(OnetIris.RelatedOccupation, one(r, SG.rdfType));
        assertEquals(bi, one(r, OnetIris.occupation));
        assertEquals(dataScientists, one(r, OnetIris.relatedOccupation));
        assertEquals(NodeFactory.createLiteralString("Primary-Short"), one(r, OnetIris.relatednessTier));
        assertEquals(typed("1", XSDDatatype.XSDinteger), one(r, OnetIris.relatednessIndex));
        assertTrue(g.contains(bi, OnetIris.skosRelated, dataScientists));
        // Occupations outside the subset are linked by their IRI all the same.
        assertTrue(g.contains(bi, OnetIris.skosRelated, OnetIris.occupation("13-1161.00")));
    }

    @Test
    void schemesCarryLicenseAndVersion() {
        assertEquals("29.3", result.version());
        assertEquals("O*NET 29.3 Database", result.title());
        Node license = uri("https://creativecommons.org/licenses/by/4.0/");
        for (OnetIris.Scheme s : OnetIris.Scheme.values()) {
            assertEquals(SG.skosConceptScheme, one(s.node(), SG.rdfType));
            assertEquals(license, one(s.node(), OnetIris.dctLicense), s::toString);
            assertEquals(NodeFactory.createLiteralString(s.shortName()), one(s.node(), SG.dctIdentifier));
            assertEquals(NodeFactory.createLiteralString("29.3"), one(s.node(), OnetIris.owlVersionInfo));
            assertEquals(1, objects(s.node(), SG.skosPrefLabel).size());
        }
        assertEquals("onet-occupations", OnetIris.Scheme.OCCUPATIONS.shortName());
        assertEquals("https://w3id.org/skillgraph/onet/scheme/elements", OnetIris.Scheme.ELEMENTS.node().getURI());
        // The vocabulary describes itself.
        assertEquals(en("job zone"), one(OnetIris.jobZone, uri("http://www.w3.org/2000/01/rdf-schema#label")));
    }

    @Test
    void notesNameMissingIgnoredFilesAndOutsideReferences() {
        List<String> notes = result.notes();
        for (String f : List.of("Abilities.txt", "Work Activities.txt", "Work Context.txt", "Task Ratings.txt"))
            assertTrue(notes.contains(f + " not found: skipped"), notes::toString);
        assertTrue(notes.contains("not imported (no mapping yet): Occupation Level Metadata.txt"), notes::toString);
        // The subset's related occupations are mostly outside it: linked all the same, and noted.
        assertTrue(notes.contains("Related Occupations.txt: 55 references to O*NET-SOC codes not in Occupation Data.txt"
                + " (first: 15-2041.01 at line 3)"), notes::toString);
        assertEquals(6, notes.size(), notes::toString);
    }

    // ------------------------------------------------------------ store

    /** The rows of a SELECT, each variable by its value's lexical form or IRI, read in one transaction. */
    static List<Map<String, String>> select(Registry r, String sparql) {
        return r.read(dsg -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(sparql).build()) {
                ResultSet rs = qe.execSelect();
                List<Map<String, String>> out = new java.util.ArrayList<>();
                rs.forEachRemaining(s -> {
                    Map<String, String> row = new java.util.TreeMap<>();
                    s.varNames().forEachRemaining(v -> row.put(v, s.get(v).isLiteral()
                            ? s.getLiteral(v).getLexicalForm() : s.getResource(v).getURI()));
                    out.add(row);
                });
                return out;
            }
        });
    }

    static long graphSize(Registry r) {
        return r.read(dsg -> (long) dsg.getGraph(OnetIris.GRAPH).size());
    }

    static final String CATALOG = """
            PREFIX dct: <http://purl.org/dc/terms/> PREFIX dcat: <http://www.w3.org/ns/dcat#>
            PREFIX void: <http://rdfs.org/ns/void#>
            SELECT ?title ?version ?license ?rights ?source ?triples WHERE { GRAPH <%s> {
              <%s> a dcat:Dataset ; dct:title ?title ; dcat:version ?version ; dct:license ?license ;
                   dct:rights ?rights ; dct:source ?source ; void:triples ?triples } }
            """.formatted(Iris.CATALOG_GRAPH.getURI(), OnetIris.GRAPH_IRI);

    @Test
    void storesOneGraphWithItsCatalogEntry() {
        try (Registry r = Registry.openTdb2(tmp.resolve("store"))) {
            OnetResult res = OnetImporter.importInto(r, subset, null, n -> {});
            assertEquals(g.size(), res.stored());
            assertEquals(g.size(), graphSize(r));
            List<Map<String, String>> rows = select(r, CATALOG);
            assertEquals(1, rows.size());
            Map<String, String> s = rows.get(0);
            assertEquals("O*NET 29.3 Database", s.get("title"));
            assertEquals("29.3", s.get("version"));
            assertEquals("https://creativecommons.org/licenses/by/4.0/", s.get("license"));
            String rights = s.get("rights");
            assertTrue(rights.startsWith("This page includes information from the O*NET 29.3 Database by the U.S. "
                    + "Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 "
                    + "license. O*NET\u00ae is a trademark of USDOL/ETA."), rights);
            assertEquals(subset.toUri().toString(), s.get("source"));
            assertEquals(Long.toString(g.size()), s.get("triples"));
        }
    }

    @Test
    void reimportReplaces() {
        try (Registry r = Registry.openTdb2(tmp.resolve("store"))) {
            OnetImporter.importInto(r, subset, null, n -> {});
            long quads = r.size();
            OnetResult again = OnetImporter.importInto(r, subset, null, n -> {});
            assertEquals(quads, r.size());
            assertEquals(again.counts().triples(), graphSize(r));
            assertEquals(1, select(r, CATALOG).size());

            // A smaller release replaces the whole graph.
            Path smaller = copy(subset, "Technology Skills.txt", null);
            OnetResult third = OnetImporter.importInto(r, smaller, null, n -> {});
            assertEquals(third.counts().triples(), graphSize(r));
            assertTrue(third.counts().triples() < again.counts().triples());
            assertEquals(0, (int) r.read(dsg -> dsg.getGraph(OnetIris.GRAPH).find(Node.ANY, SG.rdfType, OnetIris.TechnologySkill).toList().size()));
        }
    }

    /** A copy of {@code dir}; {@code name} is removed (edit null) or rewritten line by line. */
    Path copy(Path dir, String name, UnaryOperator<List<String>> edit) {
        try {
            Path to = Files.createTempDirectory(tmp, "onet");
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    String n = f.getFileName().toString();
                    if (!n.equals(name)) Files.copy(f, to.resolve(n), StandardCopyOption.REPLACE_EXISTING);
                    else if (edit != null) Files.write(to.resolve(n), edit.apply(Files.readAllLines(f)));
                }
            }
            return to;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void missingOptionalFileIsNotedAndTheRestImported() {
        Path dir = copy(subset, "Alternate Titles.txt", null);
        try (Registry r = Registry.openTdb2(tmp.resolve("store"))) {
            OnetResult res = OnetImporter.importInto(r, dir, null, n -> {});
            assertTrue(res.notes().contains("Alternate Titles.txt not found: skipped"), res.notes()::toString);
            assertEquals(0, res.counts().alternateTitles());
            assertEquals(3, res.counts().occupations());
            assertEquals(435, res.counts().ratings());
            assertEquals(res.counts().triples(), res.stored());
            // Only the 10 reported titles are left as alternate labels.
            long alt = r.read(dsg -> (long) dsg.getGraph(OnetIris.GRAPH)
                    .find(OnetIris.occupation(BI), OnetIris.skosAltLabel, Node.ANY).toList().size());
            assertEquals(10, alt);
        }
    }

    @Test
    void missingOccupationDataIsRejected() {
        Path dir = copy(subset, OnetImporter.OCCUPATION_DATA, null);
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> new OnetImporter().read(dir, null));
        assertTrue(e.reason().contains("not an O*NET database text release"), e.getMessage());
        assertThrows(InputRejectedException.class, () -> new OnetImporter().read(tmp.resolve("nothing-here"), null));
    }

    /** Imports the subset, then the broken copy: the rejection names file and line, the store is as before. */
    InputRejectedException rejectedAndStoreUnchanged(Path broken) {
        try (Registry r = Registry.openTdb2(tmp.resolve("store"))) {
            OnetImporter.importInto(r, subset, null, n -> {});
            long quads = r.size();
            List<Map<String, String>> catalog = select(r, CATALOG);
            InputRejectedException e = assertThrows(InputRejectedException.class,
                    () -> OnetImporter.importInto(r, broken, null, n -> {}));
            assertEquals(quads, r.size());
            assertEquals(catalog.toString(), select(r, CATALOG).toString());
            return e;
        }
    }

    @Test
    void wrongColumnCountIsRejected() {
        Path broken = copy(subset, "Skills.txt", lines -> {
            lines.set(5, lines.get(5).substring(0, lines.get(5).lastIndexOf('\t'))); // line 6: one field short
            return lines;
        });
        InputRejectedException e = rejectedAndStoreUnchanged(broken);
        assertEquals("Skills.txt", e.source());
        assertEquals("line 6", e.location());
        assertEquals("expected 15 tab-separated fields as in the header, found 14", e.reason());
    }

    @Test
    void nonNumericDataValueIsRejected() {
        Path broken = copy(subset, "Knowledge.txt", lines -> {
            lines.set(10, lines.get(10).replaceFirst("\t(IM|LV)\t(Importance|Level)\t[0-9.]+\t", "\t$1\t$2\thigh\t"));
            return lines;
        });
        InputRejectedException e = rejectedAndStoreUnchanged(broken);
        assertEquals("Knowledge.txt", e.source());
        assertEquals("line 11", e.location());
        assertEquals("Data Value 'high' is not a number", e.reason());
    }

    @Test
    void wrongHeaderIsRejected() {
        Path broken = copy(subset, "Task Statements.txt", lines -> {
            lines.set(0, lines.get(0).replace("Task ID", "Task Number"));
            return lines;
        });
        InputRejectedException e = rejectedAndStoreUnchanged(broken);
        assertEquals("Task Statements.txt", e.source());
        assertEquals("line 1", e.location());
        assertTrue(e.reason().startsWith("unexpected column 'Task Number'"), e.reason());
    }

    @Test
    void duplicateRatingAndMalformedCodeAreRejected() {
        Path dup = copy(subset, "Skills.txt", lines -> {
            lines.add(lines.get(1));
            return lines;
        });
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> new OnetImporter().read(dup, null));
        assertEquals("Skills.txt", e.source());
        assertEquals("line 142", e.location());
        assertTrue(e.reason().startsWith("a second rating for the same occupation, element, scale"), e.reason());

        Path badCode = copy(subset, "Job Zones.txt", lines -> {
            lines.set(2, lines.get(2).replace("15-2051.00", "15-2051"));
            return lines;
        });
        e = assertThrows(InputRejectedException.class, () -> new OnetImporter().read(badCode, null));
        assertEquals("Job Zones.txt at line 3: malformed O*NET-SOC Code '15-2051'", e.getMessage());
    }

    @Test
    void versionFromReadMeElseOptionElseFolderName() throws IOException {
        // Read Me.txt wins; a different --version is noted.
        OnetResult r = new OnetImporter().read(subset, "30.0");
        assertEquals("29.3", r.version());
        assertTrue(r.notes().contains("--version 30.0 ignored: Read Me.txt says 29.3"), r.notes()::toString);

        Path noReadme = copy(subset, OnetImporter.README, null);
        assertEquals("29.2", new OnetImporter().read(noReadme, "29.2").version());
        assertEquals("O*NET 29.2 Database", new OnetImporter().read(noReadme, "29.2").title());

        Path named = Files.move(noReadme, tmp.resolve("db_29_1_text-28.3"));
        OnetResult fromFolder = new OnetImporter().read(named, null);
        assertEquals("28.3", fromFolder.version());
        assertTrue(fromFolder.notes().stream().anyMatch(n -> n.contains("from the folder name")), fromFolder.notes()::toString);
    }

    @Test
    void iwasComeFromDwaReferenceWhenIwaReferenceIsMissing() {
        Path dir = copy(subset, OnetImporter.IWA_REFERENCE, null);
        OnetResult r = new OnetImporter().read(dir, null);
        assertEquals(29, r.counts().iwas());
        Graph h = r.graph();
        Node iwa = OnetIris.iwa("4.A.3.b.6.I03");
        assertTrue(h.contains(iwa, SG.skosBroader, OnetIris.element("4.A.3.b.6")));
        assertEquals(1, h.find(iwa, SG.skosPrefLabel, Node.ANY).toList().size());
        assertTrue(r.notes().contains("IWA Reference.txt not found: skipped"));
        assertFalse(r.notes().stream().anyMatch(n -> n.startsWith("DWA Reference.txt")), r.notes()::toString);
    }

    /** A valid IRI with a scheme (fragments allowed, unlike RFC 3986 absolute-IRI). */
    static boolean absolute(String u) {
        try {
            return IRIx.create(u).scheme() != null && !u.contains(" ");
        } catch (IRIException e) {
            return false;
        }
    }

    @Test
    void everyIriIsAbsoluteAndEveryConceptHasOneLabel() {
        Set<String> bad = g.find().toList().stream().flatMap(t -> Stream.of(t.getSubject(), t.getPredicate(), t.getObject()))
                .filter(Node::isURI).map(Node::getURI).filter(u -> !absolute(u)).collect(Collectors.toSet());
        assertEquals(Set.of(), bad);
        g.find(Node.ANY, SG.rdfType, SG.skosConcept).forEach(t -> {
            Set<Node> labels = objects(t.getSubject(), SG.skosPrefLabel);
            assertEquals(1, labels.size(), () -> t.getSubject() + " " + labels);
        });
    }
}
