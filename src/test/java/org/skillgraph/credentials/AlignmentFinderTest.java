package org.skillgraph.credentials;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Parsing with the shipped contexts and finding alignments, without a store. */
class AlignmentFinderTest {

    static AlignmentFinder.Found find(String fixture) {
        CredentialParser.Parsed p = CredentialParser.parse(Fixtures.bytes(fixture), fixture);
        return AlignmentFinder.find(p.expanded(), 1000, fixture);
    }

    @Test
    void specCaseExample() {
        AlignmentFinder.Found f = find("original/achievementAlignmentCase.json");
        assertEquals(List.of("VerifiableCredential", "OpenBadgeCredential"), f.credential().type());
        assertEquals("http://example.edu/credentials/3732", f.credential().id());
        assertEquals("Example University Degree", f.credential().name());
        assertEquals(1, f.alignments().size());
        AlignmentFinder.Alignment a = f.alignments().get(0);
        assertEquals("https://caseregistry.imsglobal.org/uri/74f5bb7d-d7cc-11e8-824f-0242ac160002", a.targetUrl());
        assertEquals("74f5bb7d-d7cc-11e8-824f-0242ac160002", a.targetCode());
        assertEquals("Alabama Course of Study: English Language Arts", a.targetFramework());
        assertEquals("CFItem", a.targetType());
        assertTrue(a.targetName().startsWith("Cite strong"));
        assertEquals("credentialSubject.achievement.alignment[0]", a.path());
        assertEquals("Text analysis", a.achievement().name());
    }

    @Test
    void fullBadgeWithEndorsementsResultsAndRubricLevels() {
        AlignmentFinder.Found f = find("original/fullOpenBadge.json");
        assertEquals(8, f.alignments().size(), f.alignments().toString());
        assertTrue(f.alignments().stream().anyMatch(a -> "CFRubricCriterionLevel".equals(a.targetType())));
        assertTrue(f.alignments().stream().anyMatch(a -> "CTDL".equals(a.targetType())));
        assertTrue(f.alignments().stream().anyMatch(a -> a.path().contains("resultDescription")), f.alignments().toString());
        assertTrue(f.nestedCredentials().stream().anyMatch(r -> r.type().contains("EndorsementCredential")), f.nestedCredentials().toString());
        assertEquals(8, find("original/validator-ob30-complete.json").alignments().size());
    }

    @Test
    void everyOriginalExampleParses() {
        for (String name : List.of("achievementAlignmentCe.json", "basicOpenBadgeCredential.json", "skillAssertionCase.json",
                "skillAssertionCtdl.json", "validator-ob30-simple.json", "validator-clr20-simple.json",
                "ob2_spec_example_11.json")) {
            AlignmentFinder.Found f = find("original/" + name);
            assertNotNull(f.credential(), name);
        }
        assertEquals("ceasn:Competency", find("original/skillAssertionCtdl.json").alignments().get(0).targetType());
        assertEquals(2, find("original/ob2_spec_example_11.json").alignments().size());
    }

    @Test
    void ob2BadgeClass() {
        AlignmentFinder.Found f = find("original/ob2_spec_example_1.json");
        assertEquals(List.of("BadgeClass"), f.credential().type());
        assertEquals(2, f.alignments().size());
        AlignmentFinder.Alignment a = f.alignments().get(0);
        assertEquals("http://www.corestandards.org/ELA-Literacy/RST/11-12/3", a.targetUrl());
        assertEquals("CCSS.ELA-Literacy.RST.11-12.3", a.targetCode());
        assertNotNull(a.targetDescription());
        assertEquals("Mozilla 21st Century Skills", f.alignments().get(1).targetFramework());
    }

    @Test
    void clrWithNestedCredentialsAndAssociations() {
        AlignmentFinder.Found f = find("adapted/clr-nested.json");
        assertTrue(f.credential().type().contains("ClrCredential"), f.credential().toString());
        assertEquals(4, f.alignments().size(), f.alignments().toString());
        assertEquals(2, f.nestedCredentials().size(), f.nestedCredentials().toString());
        assertEquals(1, f.associations().size());
        AlignmentFinder.Association as = f.associations().get(0);
        assertEquals("isParentOf", as.associationType());
        assertEquals("urn:uuid:a7467ef6-56cb-11ec-bf63-0242ac130002", as.sourceId());
        assertTrue(f.achievements().containsKey(as.targetId()));
        // the second nested credential
        assertTrue(f.alignments().stream().anyMatch(a -> a.targetUrl().equals("https://example.org/not-a-case-uri/sql")
                && a.credential() != null && "http://example.com/credentials/3528".equals(a.credential().id())), f.alignments().toString());
    }

    @Test
    void compactionDoesNotMatter() {
        String compact = Fixtures.text("original/achievementAlignmentCase.json");
        String expandedTerms = compact
                .replace("\"targetUrl\"", "\"https://schema.org/targetUrl\"")
                .replace("\"targetCode\"", "\"https://purl.imsglobal.org/spec/vc/ob/vocab.html#targetCode\"")
                .replace("\"alignment\"", "\"https://purl.imsglobal.org/spec/vc/ob/vocab.html#alignment\"");
        AlignmentFinder.Found a = AlignmentFinder.find(CredentialParser.parse(compact.getBytes(StandardCharsets.UTF_8), "a").expanded(), 10, "a");
        AlignmentFinder.Found b = AlignmentFinder.find(CredentialParser.parse(expandedTerms.getBytes(StandardCharsets.UTF_8), "b").expanded(), 10, "b");
        assertEquals(a.alignments().get(0).targetUrl(), b.alignments().get(0).targetUrl());
        assertEquals(a.alignments().get(0).targetCode(), b.alignments().get(0).targetCode());
        // a single alignment object instead of an array
        String single = compact.replaceFirst("\"alignment\": \\[", "\"alignment\": ").replaceFirst("\\}\\s*\\]\\s*\\}\\s*\\}\\s*\\}\\s*$", "}}}}");
        AlignmentFinder.Found c = AlignmentFinder.find(CredentialParser.parse(single.getBytes(StandardCharsets.UTF_8), "c").expanded(), 10, "c");
        assertEquals(1, c.alignments().size());
    }

    @Test
    void unknownRemoteContextIsNamed() {
        CredentialRejectedException e = assertThrows(CredentialRejectedException.class,
                () -> CredentialParser.parse(Fixtures.bytes("bad/unknown-context.json"), "x"));
        assertEquals(422, e.status());
        assertEquals("https://evil.example.com/contexts/tracking-v1.jsonld", e.context());
        assertTrue(e.getMessage().contains("https://evil.example.com/contexts/tracking-v1.jsonld"), e.getMessage());
        CredentialRejectedException real = assertThrows(CredentialRejectedException.class,
                () -> CredentialParser.parse(Fixtures.bytes("original/validator-clr20-complex.json"), "complex"));
        assertEquals("https://w3id.org/security/suites/ed25519-2020/v1", real.context());
        // a draft CLR context the validator's test file still names
        assertEquals("https://dc.imsglobal.org/draft/clr/v2p0/context", assertThrows(CredentialRejectedException.class,
                () -> CredentialParser.parse(Fixtures.bytes("original/validator-clr20-simple-noproof.json"), "noproof")).context());
    }

    @Test
    void olderOb3ContextsToo() {
        for (String v : java.util.List.of("context-3.0.2.json", "context.json")) {
            String s = Fixtures.text("original/achievementAlignmentCase.json")
                    .replace("\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"", "\"https://purl.imsglobal.org/spec/ob/v3p0/" + v + "\"");
            if (v.equals("context.json")) s = s.replace("\"https://www.w3.org/ns/credentials/v2\"", "\"https://www.w3.org/2018/credentials/v1\"");
            AlignmentFinder.Found f = AlignmentFinder.find(CredentialParser.parse(s.getBytes(StandardCharsets.UTF_8), v).expanded(), 10, v);
            assertEquals(1, f.alignments().size(), v);
            assertEquals("credentialSubject.achievement.alignment[0]", f.alignments().get(0).path(), v);
            assertEquals("CFItem", f.alignments().get(0).targetType(), v);
            assertEquals("Text analysis", f.alignments().get(0).achievement().name(), v);
        }
    }

    @Test
    void protectedTermRedefinitionNamesTheContext() {
        String s = Fixtures.text("original/achievementAlignmentCase.json").replace(
                "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"", "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json\"");
        CredentialRejectedException e = assertThrows(CredentialRejectedException.class,
                () -> CredentialParser.parse(s.getBytes(StandardCharsets.UTF_8), "x"));
        assertEquals(422, e.status());
        assertEquals("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json", e.context(), e.getMessage());
        assertTrue(e.getMessage().contains("protected term"), e.getMessage());
    }

    @Test
    void notJson() {
        CredentialRejectedException e = assertThrows(CredentialRejectedException.class,
                () -> CredentialParser.parse(Fixtures.bytes("bad/not-json.txt"), "x"));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
        assertEquals(400, assertThrows(CredentialRejectedException.class,
                () -> CredentialParser.parse(Fixtures.bytes("bad/truncated.json"), "x")).status());
        assertEquals(400, assertThrows(CredentialRejectedException.class,
                () -> CredentialParser.parse(new byte[0], "x")).status());
        assertEquals(400, assertThrows(CredentialRejectedException.class,
                () -> CredentialParser.parse("[1,2]".getBytes(StandardCharsets.UTF_8), "x")).status());
        assertEquals(400, assertThrows(CredentialRejectedException.class,
                () -> CredentialParser.parse("[".repeat(5000).getBytes(StandardCharsets.UTF_8), "x")).status());
        assertEquals(422, assertThrows(CredentialRejectedException.class,
                () -> CredentialParser.parse("{\"name\": \"no context\"}".getBytes(StandardCharsets.UTF_8), "x")).status());
        assertEquals(422, assertThrows(CredentialRejectedException.class,
                () -> CredentialParser.parse("{\"@context\": 5}".getBytes(StandardCharsets.UTF_8), "x")).status());
    }

    @Test
    void tooManyAlignments() {
        CredentialParser.Parsed p = CredentialParser.parse(Fixtures.bytes("original/fullOpenBadge.json"), "x");
        assertEquals(413, assertThrows(CredentialRejectedException.class, () -> AlignmentFinder.find(p.expanded(), 3, "x")).status());
    }
}
