package org.skillgraph.reference.esco;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.skillgraph.vocab.SG;

/**
 * The terms the ESCO import writes. ESCO's own ontology ({@code http://data.europa.eu/esco/model#})
 * where it has a term, as used in ESCO's RDF download; SKOS, DCMI terms and ISO 25964 otherwise.
 *
 * <pre>
 * CSV column                 RDF
 * conceptUri                 the subject, ESCO's IRI kept as is
 * conceptType Occupation     a skos:Concept, esco:Occupation, esco:MemberConcept
 *   KnowledgeSkillCompetence a skos:Concept, esco:Skill, esco:MemberConcept
 *   SkillGroup, ISCOGroup    a skos:Concept  (selected by scheme: skills-hierarchy, isco)
 * preferredLabel             skos:prefLabel @en
 * altLabels / hiddenLabels   skos:altLabel / skos:hiddenLabel @en, one per line (" | " in collection files);
 *                            an altLabel equal to the prefLabel is dropped (SKOS: the two are disjoint)
 * description                dct:description @en
 * definition / scopeNote     skos:definition / skos:scopeNote @en
 * code (occupation, ISCO,    skos:notation "2511.4"
 *   skill group)
 * iscoGroup                  esco:memberOfISCOGroup &lt;http://data.europa.eu/esco/isco/C2511&gt;
 * status                     iso-thes:status "released"
 * modifiedDate               dct:modified xsd:dateTime
 * inScheme                   skos:inScheme (one per IRI)
 * skillType                  esco:skillType &lt;http://data.europa.eu/esco/skill-type/skill|knowledge&gt;
 * reuseLevel                 esco:skillReuseLevel &lt;http://data.europa.eu/esco/skill-reuse-level/...&gt;
 * regulatedProfessionNote    esco:regulatedProfessionNote &lt;http://data.europa.eu/esco/regulated-professions/...&gt;
 * broaderRelations*, skillsHierarchy   skos:broader
 * occupationSkillRelations   occupation esco:hasEssentialSkill / esco:hasOptionalSkill skill
 * skillSkillRelations        original esco:hasEssentialSkill / esco:hasOptionalSkill related
 * conceptSchemes             a skos:ConceptScheme; skos:prefLabel, dct:title, dct:description, skos:hasTopConcept
 * *Collection_*.csv          a skos:Collection; skos:member
 * </pre>
 */
public final class EscoModel {
    private EscoModel() {}

    public static final String NS = "http://data.europa.eu/esco/model#";
    public static final String DATA = "http://data.europa.eu/esco/";
    public static final String ISO_THES = "http://purl.org/iso25964/skos-thes#";
    public static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    public static final String OWL = "http://www.w3.org/2002/07/owl#";

    private static Node esco(String local) { return NodeFactory.createURI(NS + local); }
    private static Node uri(String iri) { return NodeFactory.createURI(iri); }

    public static final Node Occupation = esco("Occupation");
    public static final Node Skill = esco("Skill");
    public static final Node MemberConcept = esco("MemberConcept");

    public static final Node hasEssentialSkill = esco("hasEssentialSkill");
    public static final Node hasOptionalSkill = esco("hasOptionalSkill");
    public static final Node skillType = esco("skillType");
    public static final Node skillReuseLevel = esco("skillReuseLevel");
    public static final Node memberOfISCOGroup = esco("memberOfISCOGroup");
    public static final Node regulatedProfessionNote = esco("regulatedProfessionNote");

    public static final Node status = uri(ISO_THES + "status");

    public static final Node type = uri(SG.RDF + "type");
    public static final Node Concept = uri(SG.SKOS + "Concept");
    public static final Node ConceptScheme = uri(SG.SKOS + "ConceptScheme");
    public static final Node Collection = uri(SG.SKOS + "Collection");
    public static final Node prefLabel = uri(SG.SKOS + "prefLabel");
    public static final Node altLabel = uri(SG.SKOS + "altLabel");
    public static final Node hiddenLabel = uri(SG.SKOS + "hiddenLabel");
    public static final Node definition = uri(SG.SKOS + "definition");
    public static final Node scopeNote = uri(SG.SKOS + "scopeNote");
    public static final Node notation = uri(SG.SKOS + "notation");
    public static final Node inScheme = uri(SG.SKOS + "inScheme");
    public static final Node hasTopConcept = uri(SG.SKOS + "hasTopConcept");
    public static final Node broader = uri(SG.SKOS + "broader");
    public static final Node member = uri(SG.SKOS + "member");
    public static final Node description = uri(SG.DCT + "description");
    public static final Node title = uri(SG.DCT + "title");
    public static final Node modified = uri(SG.DCT + "modified");
    public static final Node identifier = uri(SG.DCT + "identifier");
    public static final Node seeAlso = uri(RDFS + "seeAlso");
    public static final Node versionInfo = uri(OWL + "versionInfo");

    /** ESCO's skill type concept for a CSV value ("skill/competence", "knowledge"), or null. */
    public static String skillTypeIri(String csv) {
        return switch (csv.toLowerCase(java.util.Locale.ROOT)) {
            case "skill/competence", "skill", "competence" -> DATA + "skill-type/skill";
            case "knowledge" -> DATA + "skill-type/knowledge";
            default -> null;
        };
    }

    /** ESCO's reuse level concept for a CSV value ("transversal", "cross-sector", ...), or null. */
    public static String reuseLevelIri(String csv) {
        String v = csv.toLowerCase(java.util.Locale.ROOT).trim().replace(' ', '-');
        return switch (v) {
            case "transversal", "cross-sector", "sector-specific", "occupation-specific" -> DATA + "skill-reuse-level/" + v;
            default -> null;
        };
    }

    /** The ISCO group concept of a code: {@code 2511} -> {@code http://data.europa.eu/esco/isco/C2511}. */
    public static String iscoIri(String code) { return DATA + "isco/C" + code; }
}
