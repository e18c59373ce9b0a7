package org.skillgraph.reference.esco;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.error.InputRejectedException;
import org.skillgraph.store.Registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;
import static org.skillgraph.reference.esco.EscoTestSupport.*;

/** The ESCO import on a small subset of the v1.1.1 CSV download, an older partial one, and Turtle. */
class EscoImportTest {
    final Registry registry = Registry.inMemory();
    final EscoImporter importer = new EscoImporter();

    @AfterEach
    void close() { registry.close(); }

    EscoImporter.Result importSubset() {
        return importer.importInto(registry, subset(), "1.1.1", n -> {});
    }

    @Test
    void countsOfTheSubset() {
        EscoImporter.Result r = importSubset();
        EscoCounts c = r.data().counts();
        // Cut by src/test/resources/esco/tools/cut-subset.py: row counts of its files.
        assertEquals(3, c.occupations());
        assertEquals(91, c.skills());
        assertEquals(9, c.skillGroups());
        assertEquals(4, c.iscoGroups());
        assertEquals(84, c.essentialSkills());
        assertEquals(43, c.optionalSkills());
        assertEquals(10, c.skillSkillRelations());
        assertEquals(159, c.broader());
        assertEquals(2, c.collections());
        assertEquals(10, c.collectionMembers());
        assertEquals(19, c.schemes());
        assertEquals(c.triples(), r.triples());
        assertEquals(r.triples(), count(registry, "?s ?p ?o"));
        assertEquals(3, count(registry, "?o a esco:Occupation"));
        assertEquals(91, count(registry, "?s a esco:Skill"));
        assertEquals("csv", r.data().format());
        assertFalse(r.replaced());
    }

    @Test
    void anOccupationKeepsEscoUriLabelsCodeAndIscoGroup() {
        importSubset();
        String ds = "<" + DATA_SCIENTIST + ">";
        assertEquals(List.of("data scientist"), values(registry, "SELECT ?l { " + ds + " skos:prefLabel ?l FILTER(lang(?l) = 'en') }"));
        // The altLabels field spans five lines; "data scientist" itself is among them and is dropped.
        assertEquals(List.of("data engineer", "data expert", "data research scientist", "research data scientist"),
                values(registry, "SELECT ?l { " + ds + " skos:altLabel ?l }"));
        assertEquals(List.of("2511.4"), values(registry, "SELECT ?c { " + ds + " skos:notation ?c }"));
        assertTrue(ask(registry, ds + " a skos:Concept, esco:Occupation, esco:MemberConcept ; skos:broader isco:C2511 ;"
                + " esco:memberOfISCOGroup isco:C2511 ; iso-thes:status 'released' ;"
                + " esco:regulatedProfessionNote <http://data.europa.eu/esco/regulated-professions/unregulated> ;"
                + " dct:modified '2022-07-05T14:42:21.456Z'^^<http://www.w3.org/2001/XMLSchema#dateTime>"));
        assertTrue(ask(registry, ds + " dct:description ?d FILTER(STRSTARTS(?d, 'Data scientists find and interpret') && lang(?d) = 'en')"));
        assertTrue(ask(registry, ds + " skos:scopeNote ?n FILTER(CONTAINS(?n, '\\nExcludes people performing managerial'))"));
        // The ISCO hierarchy up to the major group, with ISCO codes as notations.
        assertTrue(ask(registry, "isco:C2511 skos:broader isco:C251 . isco:C251 skos:broader isco:C25 . isco:C25 skos:broader isco:C2 ."
                + " isco:C2511 skos:notation '2511' ; skos:prefLabel 'Systems analysts'@en ; skos:inScheme <" + EscoSchemes.ISCO + ">"));
        assertFalse(ask(registry, "?s skos:prefLabel ?p ; skos:altLabel ?p"), "prefLabel and altLabel are disjoint");
    }

    @Test
    void essentialAndOptionalSkillsAreDistinct() {
        importSubset();
        String ds = "<" + DATA_SCIENTIST + ">";
        assertEquals(54, count(registry, ds + " esco:hasEssentialSkill ?s"));
        assertEquals(21, count(registry, ds + " esco:hasOptionalSkill ?s"));
        assertEquals(30, count(registry, "<" + DATA_ANALYST + "> esco:hasEssentialSkill ?s"));
        assertTrue(ask(registry, ds + " esco:hasEssentialSkill <" + STATISTICS + "> ; esco:hasOptionalSkill <" + HADOOP + ">"));
        assertFalse(ask(registry, ds + " esco:hasEssentialSkill <" + HADOOP + ">"));
        assertTrue(ask(registry, "<" + STATISTICS + "> a esco:Skill ; skos:prefLabel 'statistics'@en ;"
                + " esco:skillType <http://data.europa.eu/esco/skill-type/knowledge> ;"
                + " esco:skillReuseLevel <http://data.europa.eu/esco/skill-reuse-level/cross-sector>"));
        // Skill-to-skill relations use the same ESCO properties.
        assertEquals(10, count(registry, "?a a esco:Skill ; esco:hasEssentialSkill|esco:hasOptionalSkill ?b"));
    }

    @Test
    void collectionsHoldTheirMembers() {
        importSubset();
        String transversal = "<" + EscoSchemes.collection("transversal-skills") + ">";
        assertEquals(List.of("http://data.europa.eu/esco/skill/001115fb-569f-4ee6-8381-c6807ef2527f",
                        "http://data.europa.eu/esco/skill/0171653e-c8e9-4c24-bb86-a4b6fe038f25"),
                values(registry, "SELECT ?m { GRAPH ?g { " + transversal + " a skos:Collection ; skos:member ?m } }"));
        assertEquals(8, count(registry, "<" + EscoSchemes.collection("digital-skills") + "> skos:member ?m"));
        assertTrue(ask(registry, "<" + SHOW_INITIATIVE + "> esco:skillReuseLevel <http://data.europa.eu/esco/skill-reuse-level/transversal>"));
        // Transversal vs technical: the data scientist's essential skills that are in the transversal collection.
        assertEquals(0, count(registry, "<" + DATA_SCIENTIST + "> esco:hasEssentialSkill ?s . " + transversal + " skos:member ?s"));
        // The 2 transversal rows are exactly the 2 skills of the subset in ESCO's transversal skill groups scheme.
        assertTrue(ask(registry, transversal + " rdfs:seeAlso <" + EscoSchemes.scheme("esco-transversal") + ">"));
    }

    @Test
    void schemesAreEscosOwnAndSelectTheirConcepts() {
        importSubset();
        assertEquals(EscoSchemes.OCCUPATIONS, EscoSchemes.scheme("esco-occupations"));
        assertEquals(EscoSchemes.SKILLS, EscoSchemes.scheme("esco-skills"));
        assertThrows(org.skillgraph.error.NotFoundException.class, () -> EscoSchemes.scheme("esco-nope"));
        String occ = "<" + EscoSchemes.scheme("esco-occupations") + ">", skills = "<" + EscoSchemes.scheme("esco-skills") + ">";
        assertEquals(3 + 4, count(registry, "?c skos:inScheme " + occ), "occupations and ISCO groups");
        assertEquals(3, count(registry, "?c skos:inScheme " + occ + " ; a esco:Occupation"));
        assertEquals(91, count(registry, "?c skos:inScheme " + skills + " ; a esco:Skill"));
        assertEquals(91, count(registry, "?c skos:inScheme <" + EscoSchemes.MEMBER_SKILLS + ">"));
        // Every scheme named in the data is a scheme; the conceptSchemes file gives them labels.
        for (String iri : EscoSchemes.SCHEMES.values())
            assertTrue(ask(registry, "<" + iri + "> a skos:ConceptScheme ; skos:prefLabel ?l"), iri);
        assertTrue(ask(registry, occ + " skos:prefLabel 'ESCO Occupations'@en ; dct:description ?d ; skos:hasTopConcept isco:C2"));
    }

    @Test
    void skillGroupsFormAHierarchy() {
        importSubset();
        // skill/S1 ... in v1.1.1 are UUIDs; the hierarchy file gives the codes (e.g. S5) and levels.
        List<Map<String, String>> rows = select(registry, "SELECT ?g ?code ?top WHERE { GRAPH ?x { ?g skos:notation ?code ;"
                + " skos:inScheme <" + EscoSchemes.SKILLS_HIERARCHY + "> ; skos:broader+ ?top . FILTER NOT EXISTS { ?top skos:broader ?y } } }");
        assertFalse(rows.isEmpty());
        assertTrue(ask(registry, "<" + SHOW_INITIATIVE + "> skos:broader ?g . ?g skos:broader* ?top ."
                + " ?top skos:prefLabel 'transversal skills and competences'@en"));
    }

    @Test
    void catalogDescribesTheDataset() {
        EscoImporter.Result r = importSubset();
        List<Map<String, String>> rows = select(registry, "SELECT * WHERE { GRAPH <urn:skillgraph:catalog> {"
                + " <urn:skillgraph:reference:esco> a dcat:Dataset ; dct:title ?title ; dcat:version ?version ;"
                + " dct:license ?license ; dct:rights ?rights ; dct:source ?source ; void:triples ?triples } }");
        assertEquals(1, rows.size());
        Map<String, String> e = rows.get(0);
        assertEquals("ESCO v1.1.1 (en)", e.get("title"));
        assertEquals("1.1.1", e.get("version"));
        assertEquals("http://data.europa.eu/eli/dec/2011/833/oj", e.get("license"));
        assertEquals("This service uses the ESCO classification of the European Commission.", e.get("rights"));
        assertEquals(subset().toUri().toString(), e.get("source"));
        assertEquals(Long.toString(r.triples()), e.get("triples"));
    }

    @Test
    void reimportReplacesTheGraph() {
        long first = importSubset().triples();
        EscoImporter.Result again = importSubset();
        assertTrue(again.replaced());
        assertEquals(first, again.triples());
        assertEquals(first, count(registry, "?s ?p ?o"));
        EscoImporter.Result old = importer.importInto(registry, older(), null, n -> {});
        assertTrue(old.replaced());
        assertEquals(old.triples(), count(registry, "?s ?p ?o"));
        assertEquals(0, count(registry, "?o esco:hasEssentialSkill ?s"), "the v1.1.1 relations are gone");
        assertEquals(List.of("ESCO v1.2 (en)"), values(registry,
                "SELECT ?t { GRAPH <urn:skillgraph:catalog> { <urn:skillgraph:reference:esco> dct:title ?t } }"));
    }

    @Test
    void olderFilesWithOtherColumnsLoad() {
        EscoImporter.Result r = importer.importInto(registry, older(), null, n -> {});
        EscoCounts c = r.data().counts();
        assertEquals(2, c.occupations());
        assertEquals(5, c.skills(), "4 from skills_labels_en.csv (snake_case header, BOM) + 1 only in a collection");
        assertEquals(4, c.iscoGroups());
        assertEquals(4, c.skillGroups());
        assertEquals("1.2", r.data().version());
        // skills_labels_en.csv: concept_uri, preferred_label.
        assertTrue(ask(registry, "<" + STATISTICS + "> a esco:Skill ; skos:prefLabel 'statistics'@en"));
        // No broader relations files: broader taken from the iscoGroup column and from ISCO codes.
        assertTrue(ask(registry, "<" + DATA_SCIENTIST + "> skos:broader isco:C2511 ; skos:notation '2511.4' ."
                + " isco:C2511 skos:broader isco:C251 . isco:C25 skos:broader isco:C2"));
        // v1.0 hierarchy: skill/S > S1 > S1.0 > S1.0.0, no code columns.
        assertTrue(ask(registry, "skill:S1.0.0 skos:broader skill:S1.0 . skill:S1.0 skos:broader skill:S1 . skill:S1 skos:broader skill:S ."
                + " skill:S1 skos:prefLabel 'communication, collaboration and creativity'@en"));
        // The ICT collection (v1.0): a member described only by its collection row, " | " separated labels.
        assertTrue(ask(registry, "<" + EscoSchemes.collection("ict-skills") + "> skos:member ?m ."
                + " ?m a esco:Skill ; skos:prefLabel 'engage in citizenship through digital technologies'@en ; skos:altLabel 'use e-services'@en"));
        List<String> notes = r.data().notes();
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("no occupationSkillRelations file (optional, skipped)")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("no broaderRelationsOccPillar file")), notes.toString());
    }

    @Test
    void missingOptionalFilesAreNoted(@TempDir Path tmp) throws IOException {
        Path dir = copy(subset(), tmp.resolve("esco-v1.1.1"));
        Files.delete(dir.resolve("skillSkillRelations.csv"));
        Files.delete(dir.resolve("conceptSchemes_en.csv"));
        EscoImporter.Result r = importer.importInto(registry, dir, null, n -> {});
        assertEquals("1.1.1", r.data().version(), "read from the folder name");
        assertEquals(0, r.data().counts().skillSkillRelations());
        assertEquals(84, r.data().counts().essentialSkills());
        List<String> notes = r.data().notes();
        assertTrue(notes.contains("no skillSkillRelations file (optional, skipped): no essential/optional skills of skills"), notes.toString());
        assertTrue(notes.contains("no conceptSchemes file (optional, skipped): concept schemes have no labels"), notes.toString());
        assertEquals(2, notes.stream().filter(n -> n.contains("file (optional, skipped)")).count(), notes.toString());
    }

    @Test
    void unterminatedQuoteIsRejectedWithFileAndLineAndNothingStored(@TempDir Path tmp) throws IOException {
        importSubset();
        long before = registry.size();
        Graph stored = graphCopy();
        Path dir = copy(subset(), tmp.resolve("broken"));
        Path skills = dir.resolve("skills_en.csv");
        String text = Files.readString(skills, StandardCharsets.UTF_8);
        long lines = text.chars().filter(ch -> ch == '\n').count();
        Files.writeString(skills, text + "KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/broken,knowledge,sector-specific,"
                + "\"broken label,\"\"quoted\"\" and never closed\n,,released\n", StandardCharsets.UTF_8);
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> importer.importInto(registry, dir, "1.1.1", n -> {}));
        assertEquals("skills_en.csv", e.source());
        assertEquals("line " + (lines + 1), e.location());
        assertTrue(e.reason().startsWith("unterminated quoted field"), e.reason());
        assertEquals(before, registry.size());
        assertTrue(stored.isIsomorphicWith(graphCopy()), "store unchanged");
    }

    @Test
    void missingRequiredColumnIsRejected(@TempDir Path tmp) throws IOException {
        Path dir = copy(subset(), tmp.resolve("broken"));
        Path occ = dir.resolve("occupations_en.csv");
        String text = Files.readString(occ, StandardCharsets.UTF_8);
        Files.writeString(occ, text.replaceFirst("conceptUri", "conceptURL"), StandardCharsets.UTF_8);
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> importer.importInto(registry, dir, null, n -> {}));
        assertEquals("occupations_en.csv", e.source());
        assertEquals("line 1", e.location());
        assertTrue(e.reason().startsWith("missing required column 'conceptUri'"), e.reason());
        assertEquals(0, registry.size(), "nothing stored");

        Path skills = copy(subset(), tmp.resolve("broken2")).resolve("skills_en.csv");
        Files.writeString(skills, Files.readString(skills).replaceFirst(",preferredLabel,", ",label,"));
        e = assertThrows(InputRejectedException.class, () -> importer.importInto(registry, skills.getParent(), null, n -> {}));
        assertEquals("skills_en.csv", e.source());
        assertTrue(e.reason().startsWith("missing required column 'preferredLabel'"), e.reason());
    }

    @Test
    void badValuesAreRejectedWithTheirLine(@TempDir Path tmp) throws IOException {
        Path dir = copy(subset(), tmp.resolve("broken"));
        Path rel = dir.resolve("occupationSkillRelations.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(rel));
        lines.set(5, lines.get(5).replace("http://data.europa.eu/esco/skill/", "not an iri "));
        Files.write(rel, lines);
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> importer.importInto(registry, dir, null, n -> {}));
        assertEquals("occupationSkillRelations.csv", e.source());
        assertEquals("line 6", e.location());
        assertTrue(e.reason().contains("is not an absolute IRI"), e.reason());

        Files.write(rel, List.of("occupationUri,relationType,skillType,skillUri", "a,b,c,d,e"));
        e = assertThrows(InputRejectedException.class, () -> importer.importInto(registry, dir, null, n -> {}));
        assertEquals("line 2", e.location());
        assertTrue(e.reason().startsWith("5 fields but the header has 4"), e.reason());
        assertEquals(0, registry.size());
    }

    @Test
    void aFolderWithoutEscoFilesIsRejected(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("readme.txt"), "nothing here");
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> importer.read(tmp, null));
        assertTrue(e.reason().startsWith("no ESCO CSV files"), e.reason());
        e = assertThrows(InputRejectedException.class, () -> importer.read(tmp.resolve("missing"), null));
        assertEquals("no such file or folder", e.reason());
    }

    @Test
    void turtleLoadsAsIs(@TempDir Path tmp) throws IOException {
        EscoImporter.Result r = importer.importInto(registry, turtle(), null, n -> {});
        assertEquals("rdf", r.data().format());
        assertEquals("1.1.1", r.data().version(), "owl:versionInfo of the occupations scheme");
        assertEquals("ESCO v1.1.1", r.data().title());
        EscoCounts c = r.data().counts();
        assertEquals(1, c.occupations());
        assertEquals(2, c.skills());
        assertEquals(1, c.essentialSkills());
        assertEquals(1, c.optionalSkills());
        Graph parsed = org.apache.jena.riot.RDFDataMgr.loadGraph(turtle().toString());
        assertEquals(parsed.size(), r.triples());
        assertTrue(parsed.isIsomorphicWith(graphCopy()), "stored as is");
        assertTrue(ask(registry, "<" + DATA_SCIENTIST + "> skos:prefLabel 'Datenwissenschaftler/Datenwissenschaftlerin'@de"));

        // A folder holding the file loads the same.
        Path dir = Files.createDirectories(tmp.resolve("rdf"));
        Files.copy(turtle(), dir.resolve("esco.ttl"));
        EscoImporter.Result again = importer.importInto(registry, dir, null, n -> {});
        assertTrue(again.replaced());
        assertEquals(r.triples(), again.triples());

        // A syntax error is rejected with its line.
        Path bad = tmp.resolve("bad.ttl");
        Files.writeString(bad, "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n<a:b> skos:prefLabel \"x\" .\n<a:c> skos:prefLabel \"y\" <a:d> .\n");
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> importer.importInto(registry, bad, null, n -> {}));
        assertEquals("bad.ttl", e.source());
        assertTrue(e.location().startsWith("line 3"), e.location());
        assertEquals(again.triples(), count(registry, "?s ?p ?o"), "store unchanged");
    }

    private Graph graphCopy() {
        Node g = NodeFactory.createURI(EscoSchemes.GRAPH_IRI);
        return registry.read(dsg -> {
            Graph copy = org.apache.jena.sparql.graph.GraphFactory.createGraphMem();
            dsg.getGraph(g).find().forEachRemaining(copy::add);
            return copy;
        });
    }
}
