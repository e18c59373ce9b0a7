package org.skillgraph.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

import java.util.List;
import java.util.Map;

/**
 * IRIs of the skillgraph competency ontology ({@code ontology/skillgraph.ttl}) and of the
 * standard vocabularies it maps to. Java code names ontology terms only through this class;
 * {@code OntologyTest} checks that each {@code sg:} constant is declared in the ontology.
 */
public final class SG {
    private SG() {}

    public static final String NS = "https://w3id.org/skillgraph/ns#";
    public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    public static final String DCT = "http://purl.org/dc/terms/";
    public static final String DCAT = "http://www.w3.org/ns/dcat#";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String CEASN = "https://purl.org/ctdlasn/terms/";
    public static final String SCHEMA = "https://schema.org/";
    public static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    public static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static final String VOID = "http://rdfs.org/ns/void#";

    /** Prefixes used when writing Turtle and JSON-LD. */
    public static final Map<String, String> PREFIXES = Map.of(
            "sg", NS, "skos", SKOS, "dct", DCT, "dcat", DCAT, "prov", PROV,
            "ceasn", CEASN, "schema", SCHEMA, "xsd", XSD, "rdf", RDF, "void", VOID);

    public static Node sg(String local) { return NodeFactory.createURI(NS + local); }
    private static Node iri(String ns, String local) { return NodeFactory.createURI(ns + local); }

    // Classes, one per CASE entity, under sg:CaseEntity.
    public static final Node CaseEntity = sg("CaseEntity");
    public static final Node Package = sg("Package");
    public static final Node Framework = sg("Framework");
    public static final Node Competency = sg("Competency");
    public static final Node Association = sg("Association");
    public static final Node ItemType = sg("ItemType");
    public static final Node Concept = sg("Concept");
    public static final Node Subject = sg("Subject");
    public static final Node License = sg("License");
    public static final Node AssociationGrouping = sg("AssociationGrouping");
    public static final Node Rubric = sg("Rubric");
    public static final Node RubricCriterion = sg("RubricCriterion");
    public static final Node RubricCriterionLevel = sg("RubricCriterionLevel");

    // CASE fields that look-ups read directly (the resolver, the credential checks).
    public static final Node identifier = sg("identifier");
    public static final Node uri = sg("uri");
    public static final Node title = sg("title");
    public static final Node fullStatement = sg("fullStatement");
    public static final Node abbreviatedStatement = sg("abbreviatedStatement");
    public static final Node humanCodingScheme = sg("humanCodingScheme");
    public static final Node itemTypeName = sg("itemTypeName");
    public static final Node lastChangeDateTime = sg("lastChangeDateTime");
    public static final Node sequenceNumber = sg("sequenceNumber");
    public static final Node notes = sg("notes");
    public static final Node associationGrouping = sg("associationGrouping");

    // Membership and structure.
    /** Every entity of a package points at its framework (CASE CFDocumentURI). */
    public static final Node framework = sg("framework");
    public static final Node packageLink = sg("package");
    public static final Node criterion = sg("criterion");
    public static final Node level = sg("level");

    // Association node properties (origin/destination ends keep what the source said).
    public static final Node associationType = sg("associationType");
    public static final Node originNode = sg("originNode");
    public static final Node destinationNode = sg("destinationNode");
    public static final Node originNodeURI = sg("originNodeURI");
    public static final Node destinationNodeURI = sg("destinationNodeURI");
    public static final Node originNodeIdentifier = sg("originNodeIdentifier");
    public static final Node destinationNodeIdentifier = sg("destinationNodeIdentifier");
    public static final Node originNodeTitle = sg("originNodeTitle");
    public static final Node destinationNodeTitle = sg("destinationNodeTitle");
    public static final Node originNodeTargetType = sg("originNodeTargetType");
    public static final Node destinationNodeTargetType = sg("destinationNodeTargetType");

    /** Fields the reader did not know, kept verbatim as one JSON object. */
    public static final Node unknownFields = sg("unknownFields");

    // Direct association triples: origin --type--> destination.
    public static final Node isChildOf = sg("isChildOf");
    public static final Node isPeerOf = sg("isPeerOf");
    public static final Node isPartOf = sg("isPartOf");
    public static final Node exactMatchOf = sg("exactMatchOf");
    public static final Node precedes = sg("precedes");
    public static final Node isRelatedTo = sg("isRelatedTo");
    public static final Node replacedBy = sg("replacedBy");
    public static final Node exemplar = sg("exemplar");
    public static final Node hasSkillLevel = sg("hasSkillLevel");
    public static final Node isTranslationOf = sg("isTranslationOf");

    // Named inverses of the directed association types (isPeerOf and isRelatedTo are symmetric).
    public static final Node hasChild = sg("hasChild");
    public static final Node hasPart = sg("hasPart");
    public static final Node hasExactMatch = sg("hasExactMatch");
    public static final Node follows = sg("follows");
    public static final Node replaces = sg("replaces");
    public static final Node isExemplarOf = sg("isExemplarOf");
    public static final Node isSkillLevelOf = sg("isSkillLevelOf");
    public static final Node hasTranslation = sg("hasTranslation");
    /** The words that say an association property in a sentence ("is part of"). */
    public static final Node phrase = sg("phrase");

    /** The CASE association types, in the order of the specification. */
    public static final List<String> ASSOCIATION_TYPES = List.of(
            "isChildOf", "isPeerOf", "isPartOf", "exactMatchOf", "precedes", "isRelatedTo",
            "replacedBy", "exemplar", "hasSkillLevel", "isTranslationOf");

    /** The property of the direct triple for a CASE association type; {@code ext:} types map to isRelatedTo. */
    public static Node associationProperty(String type) {
        return ASSOCIATION_TYPES.contains(type) ? sg(type) : isRelatedTo;
    }

    // Catalog.
    public static final Node itemCount = sg("itemCount");
    public static final Node associationCount = sg("associationCount");
    public static final Node contentHash = sg("contentHash");
    public static final Node importVersion = sg("importVersion");
    public static final Node caseVersionRead = sg("caseVersionRead");
    public static final Node repairCount = sg("repairCount");

    // Harvest: provenance of a harvested framework (catalog entry and version records) and the
    // harvest sources (dcat:DataService nodes in the sources graph).
    public static final Node harvestedFrom = sg("harvestedFrom");
    public static final Node httpETag = sg("httpETag");
    public static final Node httpLastModified = sg("httpLastModified");
    public static final Node upstreamLastChange = sg("upstreamLastChange");
    public static final Node lastCheckedAt = sg("lastCheckedAt");
    public static final Node withdrawnAt = sg("withdrawnAt");
    public static final Node harvestInterval = sg("harvestInterval");
    public static final Node harvestDocument = sg("harvestDocument");
    public static final Node oauthClientId = sg("oauthClientId");
    public static final Node oauthTokenUrl = sg("oauthTokenUrl");
    public static final Node oauthScope = sg("oauthScope");
    public static final Node secretVariable = sg("secretVariable");
    public static final Node tokenVariable = sg("tokenVariable");
    public static final Node lastAttemptAt = sg("lastAttemptAt");
    public static final Node lastSuccessAt = sg("lastSuccessAt");
    public static final Node lastOutcome = sg("lastOutcome");
    public static final Node lastError = sg("lastError");
    public static final Node lastErrorAt = sg("lastErrorAt");
    public static final Node failureCount = sg("failureCount");

    // Standard vocabularies.
    public static final Node rdfType = iri(RDF, "type");
    public static final Node rdfJSON = iri(RDF, "JSON");
    public static final Node skosConcept = iri(SKOS, "Concept");
    public static final Node skosConceptScheme = iri(SKOS, "ConceptScheme");
    public static final Node skosInScheme = iri(SKOS, "inScheme");
    public static final Node skosPrefLabel = iri(SKOS, "prefLabel");
    public static final Node skosNotation = iri(SKOS, "notation");
    public static final Node skosBroader = iri(SKOS, "broader");
    public static final Node skosTopConceptOf = iri(SKOS, "topConceptOf");
    public static final Node dctTitle = iri(DCT, "title");
    public static final Node dctPublisher = iri(DCT, "publisher");
    public static final Node dctIdentifier = iri(DCT, "identifier");
    public static final Node dctSource = iri(DCT, "source");
    public static final Node dctModified = iri(DCT, "modified");
    public static final Node dctIssued = iri(DCT, "issued");
    public static final Node dcatCatalog = iri(DCAT, "Catalog");
    public static final Node dcatDataset = iri(DCAT, "Dataset");
    public static final Node dcatDatasetProp = iri(DCAT, "dataset");
    public static final Node dcatVersion = iri(DCAT, "version");
    public static final Node dcatHasCurrentVersion = iri(DCAT, "hasCurrentVersion");
    public static final Node dcatPreviousVersion = iri(DCAT, "previousVersion");
    public static final Node provEntity = iri(PROV, "Entity");
    public static final Node provGeneratedAtTime = iri(PROV, "generatedAtTime");
    public static final Node provWasDerivedFrom = iri(PROV, "wasDerivedFrom");
    public static final Node provWasRevisionOf = iri(PROV, "wasRevisionOf");
    public static final Node provInvalidatedAtTime = iri(PROV, "invalidatedAtTime");
    public static final Node provActivity = iri(PROV, "Activity");
    public static final Node provWasGeneratedBy = iri(PROV, "wasGeneratedBy");
    public static final Node provUsed = iri(PROV, "used");
    public static final Node provStartedAtTime = iri(PROV, "startedAtTime");
    public static final Node provEndedAtTime = iri(PROV, "endedAtTime");
    public static final Node dcatDataService = iri(DCAT, "DataService");
    public static final Node dcatEndpointURL = iri(DCAT, "endpointURL");
    public static final Node dctCreated = iri(DCT, "created");
    public static final Node voidTriples = iri(VOID, "triples");
    public static final Node foafPrimaryTopic = NodeFactory.createURI("http://xmlns.com/foaf/0.1/primaryTopic");
}
