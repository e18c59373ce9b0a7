package org.skillgraph.reference.esco;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.skillgraph.error.NotFoundException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where ESCO lives in the store and how to select its concepts: the named graph, ESCO's own
 * concept schemes by short name, and the skill/occupation collections the importer builds.
 *
 * <p>Concept schemes are ESCO's IRIs, as given in the {@code inScheme} column of the CSV download
 * (and {@code conceptSchemes_en.csv}) and kept as is. Select the concepts of one with
 * {@code ?c skos:inScheme <scheme>} inside {@code GRAPH <urn:skillgraph:reference:esco>}:
 * <pre>
 *   esco-occupations         http://data.europa.eu/esco/concept-scheme/occupations   (occupations and ISCO groups)
 *   esco-member-occupations  http://data.europa.eu/esco/concept-scheme/member-occupations (occupations only)
 *   esco-skills              http://data.europa.eu/esco/concept-scheme/skills        (skills and skill groups)
 *   esco-member-skills       http://data.europa.eu/esco/concept-scheme/member-skills (skills only)
 * </pre>
 * and the smaller ones listed in {@link #SCHEMES}. In the v1.1.1 download the thematic collections
 * are schemes too (e.g. {@code esco-green}, {@code esco-digital}, {@code esco-transversal}).
 *
 * <p>Collections are {@code skos:Collection}s minted by the importer, one per {@code *Collection_*.csv}
 * file, with a {@code skos:member} per row (ESCO's CSV download has no IRI for them); each is linked
 * with {@code rdfs:seeAlso} to the ESCO scheme that has exactly its members, when there is one.
 * Their IRIs are {@code urn:skillgraph:reference:esco:collection:NAME}, NAME as in {@link #COLLECTIONS}.
 * Transversal skills are also tagged by ESCO itself with
 * {@code esco:skillReuseLevel <http://data.europa.eu/esco/skill-reuse-level/transversal>}.
 */
public final class EscoSchemes {
    private EscoSchemes() {}

    /** The named graph that holds ESCO. */
    public static final String GRAPH_IRI = "urn:skillgraph:reference:esco";
    public static final Node GRAPH = NodeFactory.createURI(GRAPH_IRI);

    public static final String CS = "http://data.europa.eu/esco/concept-scheme/";

    /** ESCO occupations pillar: occupations and ISCO groups. */
    public static final String OCCUPATIONS = CS + "occupations";
    /** ESCO skills pillar: skills, knowledge and skill groups. */
    public static final String SKILLS = CS + "skills";
    public static final String MEMBER_OCCUPATIONS = CS + "member-occupations";
    public static final String MEMBER_SKILLS = CS + "member-skills";
    /** ISCO-08 groups (all four levels). */
    public static final String ISCO = CS + "isco";
    /** The skill groups of the skills hierarchy (levels 0 to 3). */
    public static final String SKILLS_HIERARCHY = CS + "skills-hierarchy";

    /** Short name to ESCO concept scheme IRI (checked against the v1.1.1 CSV download). */
    public static final Map<String, String> SCHEMES;

    /** Collection name to the {@code *Collection_*.csv} file stem it is built from. */
    public static final Map<String, String> COLLECTIONS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("esco-occupations", OCCUPATIONS);
        m.put("esco-skills", SKILLS);
        m.put("esco-member-occupations", MEMBER_OCCUPATIONS);
        m.put("esco-member-skills", MEMBER_SKILLS);
        m.put("esco-isco", ISCO);
        m.put("esco-skills-hierarchy", SKILLS_HIERARCHY);
        m.put("esco-isced-f", CS + "isced-f");
        m.put("esco-transversal", CS + "skill-transversal-groups");
        m.put("esco-language", CS + "skill-language-groups");
        m.put("esco-digital", CS + "6c930acd-c104-4ece-acf7-f44fd7333036");
        m.put("esco-digcomp", CS + "digcomp");
        m.put("esco-green", CS + "green");
        m.put("esco-research-skills", CS + "research");
        m.put("esco-research-occupations", CS + "8ae4b9f3-507e-4057-a145-2f96f0132613");
        SCHEMES = Collections.unmodifiableMap(m);

        Map<String, String> c = new LinkedHashMap<>();
        c.put("transversal-skills", "transversalSkillsCollection");
        c.put("digital-skills", "digitalSkillsCollection");
        c.put("digcomp-skills", "digCompSkillsCollection");
        c.put("green-skills", "greenSkillsCollection");
        c.put("language-skills", "languageSkillsCollection");
        c.put("research-skills", "researchSkillsCollection");
        c.put("research-occupations", "researchOccupationsCollection");
        c.put("ict-skills", "ictSkillsCollection");
        COLLECTIONS = Collections.unmodifiableMap(c);
    }

    /** The scheme IRI of a short name ({@code esco-skills}) or the IRI itself when given one. */
    public static String scheme(String shortNameOrIri) {
        String iri = SCHEMES.get(shortNameOrIri);
        if (iri != null) return iri;
        if (shortNameOrIri.startsWith(CS)) return shortNameOrIri;
        throw new NotFoundException("no ESCO scheme '" + shortNameOrIri + "' (known: " + String.join(", ", SCHEMES.keySet()) + ")");
    }

    public static Node schemeNode(String shortNameOrIri) { return NodeFactory.createURI(scheme(shortNameOrIri)); }

    /** The IRI of a collection the importer builds, e.g. {@code transversal-skills}. */
    public static String collection(String name) {
        return "urn:skillgraph:reference:esco:collection:" + name;
    }

    public static Node collectionNode(String name) { return NodeFactory.createURI(collection(name)); }
}
