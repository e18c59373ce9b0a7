package org.skillgraph.reference.esco;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.error.InputRejectedException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The pieces: file names, header names, field values, record lines. */
class EscoCsvTest {
    @Test
    void fileNamesAreRecognised() {
        assertEquals(EscoFile.Kind.SKILLS, EscoFile.of(Path.of("skills_en.csv")).kind());
        assertEquals(EscoFile.Kind.SKILLS, EscoFile.of(Path.of("skills_labels_en.csv")).kind());
        assertEquals(EscoFile.Kind.SKILL_SKILLS, EscoFile.of(Path.of("skillSkillRelations.csv")).kind());
        assertEquals(EscoFile.Kind.SKILLS_HIERARCHY, EscoFile.of(Path.of("skillsHierarchy_en.csv")).kind());
        assertEquals(EscoFile.Kind.SKILL_GROUPS, EscoFile.of(Path.of("skillGroups_en.csv")).kind());
        assertEquals(EscoFile.Kind.OCCUPATION_SKILLS, EscoFile.of(Path.of("occupationSkillRelations_en.csv")).kind());
        assertEquals(EscoFile.Kind.COLLECTION, EscoFile.of(Path.of("researchOccupationsCollection_en.csv")).kind());
        assertEquals(EscoFile.Kind.BROADER_OCCUPATIONS, EscoFile.of(Path.of("broaderRelationsOccPillar_en.csv")).kind());
        assertNull(EscoFile.of(Path.of("notes.csv")));
        assertNull(EscoFile.of(Path.of("skills_en.ttl")));
        EscoFile occ = EscoFile.of(Path.of("occupations_en_v1.2.csv"));
        assertEquals(EscoFile.Kind.OCCUPATIONS, occ.kind());
        assertEquals("en", occ.language());
        assertEquals("1.2", occ.version());
        assertNull(EscoFile.of(Path.of("occupationSkillRelations.csv")).language());
        assertEquals("digcomp-skills", EscoFile.of(Path.of("digCompSkillsCollection_en.csv")).collectionName());
        assertEquals("research-occupations", EscoFile.of(Path.of("researchOccupationsCollection_en.csv")).collectionName());
        assertEquals("forest-skills", EscoFile.of(Path.of("forestSkillsCollection_en.csv")).collectionName());
    }

    @Test
    void headersMatchWithoutCaseSpacesOrUnderscores() {
        assertEquals(CsvTable.norm("conceptUri"), CsvTable.norm("\uFEFFconcept_uri"));
        assertEquals(CsvTable.norm("Level 0 URI"), CsvTable.norm("level0Uri"));
        assertNotEquals(CsvTable.norm("conceptUri"), CsvTable.norm("conceptURL"));
    }

    @Test
    void valuesAreCleanedAndSplit() {
        assertEquals("a\nb", Text.clean(" a\r\nb \u00A0"));
        assertEquals("", Text.clean(" \n\u00A0"));
        assertEquals(List.of("data expert", "data engineer"), Text.labels("data expert\n data engineer\n\ndata expert", false));
        assertEquals(List.of("give impetus", "initiate action"), Text.labels("give impetus | initiate action", true));
        assertEquals(List.of("a | b"), Text.labels("a | b", false), "only collection files join labels with |");
        assertEquals(List.of("http://a/1", "http://a/2", "http://a/3"), Text.iris("http://a/1,\nhttp://a/2 | http://a/3"));
    }

    @Test
    void recordsKnowTheirLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.csv");
        Files.writeString(f, "\uFEFFconcept_uri,altLabels,description\r\nu1,\"a\r\nb\r\nc\",d\r\nu2,,\"multi\nline\"\r\nu3,short\r\n",
                StandardCharsets.UTF_8);
        try (CsvTable t = CsvTable.open(f)) {
            int uri = t.require("conceptUri"), alt = t.column("altLabels"), desc = t.column("description");
            assertEquals(-1, t.column("code"));
            CsvTable.Row r = t.next();
            assertEquals(2, r.line);
            assertEquals("u1", r.get(uri));
            assertEquals("a\nb\nc", r.get(alt));
            r = t.next();
            assertEquals(5, r.line);
            assertEquals("multi\nline", r.get(desc));
            r = t.next();
            assertEquals(7, r.line);
            assertEquals("", r.get(desc), "a missing trailing field reads as empty");
            assertNull(t.next());
            assertEquals(List.of(), t.unused());
            InputRejectedException e = assertThrows(InputRejectedException.class, () -> t.require("preferredLabel"));
            assertEquals("x.csv at line 1: missing required column 'preferredLabel' (columns: concept_uri, altLabels, description)", e.getMessage());
        }
    }
}
