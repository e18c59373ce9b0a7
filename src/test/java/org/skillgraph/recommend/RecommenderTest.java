package org.skillgraph.recommend;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.skillgraph.align.Concept;
import org.skillgraph.error.NotFoundException;
import org.skillgraph.reference.esco.EscoSchemes;
import org.skillgraph.reference.onet.OnetIris;
import org.skillgraph.store.Registry;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Recommendations on a small ESCO and O*NET subset, with BM25 (no model needed). */
class RecommenderTest {
    static final String ESCO = """
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            @prefix esco: <http://data.europa.eu/esco/model#> .
            @prefix s: <http://data.europa.eu/esco/skill/> .
            s:sql a esco:Skill ; skos:inScheme <http://data.europa.eu/esco/concept-scheme/skills> ; skos:prefLabel "SQL"@en ;
                skos:altLabel "structured query language"@en ; skos:definition "The computer language SQL is a query language for databases."@en .
            s:team a esco:Skill ; skos:inScheme <http://data.europa.eu/esco/concept-scheme/skills> ; skos:prefLabel "work in teams"@en ;
                skos:definition "Work confidently within a group, each doing their part in the service of the whole."@en .
            s:lead a esco:Skill ; skos:inScheme <http://data.europa.eu/esco/concept-scheme/skills> ; skos:prefLabel "lead others"@en ;
                esco:skillReuseLevel <http://data.europa.eu/esco/skill-reuse-level/transversal> .
            <urn:skillgraph:reference:esco:collection:transversal-skills> a skos:Collection ; skos:member s:team .
            """;
    static final String ONET = """
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            @prefix e: <https://w3id.org/skillgraph/onet/element/> .
            e:2.A skos:inScheme <https://w3id.org/skillgraph/onet/scheme/elements> ; a skos:Concept ; skos:prefLabel "Basic Skills"@en .
            e:2.A.1.a skos:inScheme <https://w3id.org/skillgraph/onet/scheme/elements> ; a skos:Concept ; skos:prefLabel "Reading Comprehension"@en ;
                skos:broader e:2.A.1 . e:2.A.1 skos:broader e:2.A .
            e:2.B.1.a skos:inScheme <https://w3id.org/skillgraph/onet/scheme/elements> ; a skos:Concept ; skos:prefLabel "Social Perceptiveness"@en ;
                skos:broader e:2.B.1 . e:2.B.1 skos:broader e:2.B .
            e:2.C.3.a skos:inScheme <https://w3id.org/skillgraph/onet/scheme/elements> ; a skos:Concept ; skos:prefLabel "Computers and Electronics"@en ;
                skos:broader e:2.C.3 . e:2.C.3 skos:broader e:2.C .
            """;

    static Graph turtle(String ttl) {
        Graph g = GraphFactory.createGraphMem();
        RDFParser.fromString(ttl, Lang.TURTLE).parse(g);
        return g;
    }

    static Registry registry() {
        Registry r = Registry.inMemory();
        r.importReference(EscoSchemes.GRAPH, turtle(ESCO), "ESCO subset", "1.1.1", null, null, null, n -> {});
        r.importReference(NodeFactory.createURI(OnetIris.GRAPH_IRI), turtle(ONET), "O*NET subset", "29.3", null, null, null, n -> {});
        return r;
    }

    static List<Splitter.Passage> passages(String text) { return Splitter.split(text); }

    @Test
    void transversalComesFromEscoAndOnet() {
        try (Registry r = registry()) {
            Recommender rec = new Recommender(r, (java.nio.file.Path) null);
            Recommender.Target esco = rec.target("esco-skills");
            assertEquals(3, esco.concepts().size());
            assertEquals(java.util.Set.of("http://data.europa.eu/esco/skill/team", "http://data.europa.eu/esco/skill/lead"), esco.transversal());
            Recommender.Target onet = rec.target("onet-elements");
            assertTrue(onet.transversal().contains(OnetIris.element("2.A.1.a").getURI()), "basic skill");
            assertTrue(onet.transversal().contains(OnetIris.element("2.B.1.a").getURI()), "cross-functional skill");
            assertFalse(onet.transversal().contains(OnetIris.element("2.C.3.a").getURI()), "knowledge is not");
        }
    }

    @Test
    void eachPassageAndTheDocumentGetRankedConceptsWithSupport() {
        try (Registry r = registry()) {
            Recommender rec = new Recommender(r, (java.nio.file.Path) null);
            Recommender.Result res = rec.recommend("esco-skills", passages(
                    "You will write SQL queries every day.\n\nYou like to work in teams with other analysts.\n\nSQL is our query language."),
                    "bm25", 2, 5);
            assertEquals(3, res.passages().size());
            Recommender.Hit first = res.passages().get(0).hits().get(0);
            assertEquals("SQL", first.concept().label());
            assertFalse(first.transversal());
            Recommender.Hit team = res.passages().get(1).hits().get(0);
            assertEquals("work in teams", team.concept().label());
            assertTrue(team.transversal());
            Recommender.DocumentHit top = res.document().get(0);
            assertEquals("SQL", top.concept().label());
            assertEquals(List.of(0, 2), top.support(), "the passages that rank SQL in their top 2");
            assertEquals(2.0, top.score(), 1e-9, "sum of 1/rank");
        }
    }

    @Test
    void targetIsReloadedWhenTheStoreChangesAndUnknownTargetsAreNamed() {
        try (Registry r = registry()) {
            Recommender rec = new Recommender(r, (java.nio.file.Path) null);
            Recommender.Target a = rec.target("esco-skills");
            assertSame(a, rec.target("esco-skills"));
            r.touch();
            assertNotSame(a, rec.target("esco-skills"));
            NotFoundException e = assertThrows(NotFoundException.class, () -> rec.target("no-such-scheme"));
            assertTrue(e.getMessage().contains("no-such-scheme"), e.getMessage());
        }
    }

    @Test
    void passagesBecomeQueryConceptsLabelledWithTheirText() {
        List<Concept> q = Recommender.queries(List.of("Write SQL."));
        assertEquals("Write SQL.", q.get(0).label());
        assertNull(q.get(0).definition());
    }
}
