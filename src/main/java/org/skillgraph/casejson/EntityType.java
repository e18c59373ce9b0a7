package org.skillgraph.casejson;

import org.apache.jena.graph.Node;
import org.skillgraph.vocab.SG;

import java.util.List;
import java.util.Optional;

import static org.skillgraph.casejson.Field.opt;
import static org.skillgraph.casejson.Field.req;
import static org.skillgraph.casejson.FieldKind.*;

/**
 * The CASE entities and their fields (CASE 1.0 and 1.1). This table is the single description
 * of CASE fields that the reader, the RDF mapping and the writer share: adding a field is one line.
 * Association ends (originNodeURI, destinationNodeURI) and nested rubric parts are handled
 * by the mapping itself, since they are more than a value.
 */
public enum EntityType {
    DOCUMENT("CFDocument", SG.Framework, List.of(
            req("identifier", STRING), req("uri", URL),
            opt("frameworkType", STRING), opt("caseVersion", STRING),
            req("creator", STRING), req("title", TEXT), req("lastChangeDateTime", DATE_TIME),
            opt("officialSourceURL", URL), opt("publisher", STRING), opt("description", TEXT),
            opt("subject", STRING_LIST), opt("subjectURI", LINK_LIST, "subjectRef"),
            opt("language", STRING), opt("version", STRING), opt("adoptionStatus", STRING),
            opt("statusStartDate", DATE), opt("statusEndDate", DATE),
            opt("licenseURI", LINK, "license"), opt("notes", TEXT),
            opt("CFPackageURI", LINK, "package"), opt("extensions", JSON))),
    ITEM("CFItem", SG.Competency, List.of(
            req("identifier", STRING), req("uri", URL), req("fullStatement", TEXT),
            opt("alternativeLabel", TEXT), opt("CFItemType", STRING, "itemTypeName"),
            opt("humanCodingScheme", STRING), opt("listEnumeration", STRING),
            opt("abbreviatedStatement", TEXT), opt("conceptKeywords", STRING_LIST, "conceptKeyword"),
            opt("conceptKeywordsURI", LINK, "conceptRef"), opt("notes", TEXT),
            opt("subject", STRING_LIST), opt("subjectURI", LINK_LIST, "subjectRef"),
            opt("language", STRING), opt("educationLevel", STRING_LIST),
            opt("CFItemTypeURI", LINK, "itemType"), opt("licenseURI", LINK, "license"),
            opt("statusStartDate", DATE), opt("statusEndDate", DATE),
            req("lastChangeDateTime", DATE_TIME), opt("CFDocumentURI", LINK, "framework"),
            opt("CFItemAssociationURI", URL, "itemAssociationsURL"), opt("extensions", JSON))),
    ASSOCIATION("CFAssociation", SG.Association, List.of(
            req("identifier", STRING), req("associationType", STRING),
            opt("sequenceNumber", INTEGER), req("uri", URL),
            opt("CFAssociationGroupingURI", LINK, "associationGrouping"),
            req("lastChangeDateTime", DATE_TIME), opt("notes", TEXT),
            opt("CFDocumentURI", LINK, "framework"), opt("extensions", JSON))),
    CONCEPT("CFConcept", SG.Concept, List.of(
            req("identifier", STRING), req("uri", URL), req("title", TEXT),
            opt("keywords", STRING), opt("hierarchyCode", STRING), opt("description", TEXT),
            req("lastChangeDateTime", DATE_TIME), opt("extensions", JSON))),
    SUBJECT("CFSubject", SG.Subject, List.of(
            req("identifier", STRING), req("uri", URL), req("title", TEXT),
            opt("hierarchyCode", STRING), opt("description", TEXT),
            req("lastChangeDateTime", DATE_TIME), opt("extensions", JSON))),
    LICENSE("CFLicense", SG.License, List.of(
            req("identifier", STRING), req("uri", URL), req("title", TEXT),
            opt("description", TEXT), opt("licenseText", TEXT),
            req("lastChangeDateTime", DATE_TIME), opt("extensions", JSON))),
    ITEM_TYPE("CFItemType", SG.ItemType, List.of(
            req("identifier", STRING), req("uri", URL), req("title", TEXT),
            opt("description", TEXT), opt("hierarchyCode", STRING), opt("typeCode", STRING),
            req("lastChangeDateTime", DATE_TIME), opt("extensions", JSON))),
    ASSOCIATION_GROUPING("CFAssociationGrouping", SG.AssociationGrouping, List.of(
            req("identifier", STRING), req("uri", URL), req("title", TEXT),
            opt("description", TEXT), req("lastChangeDateTime", DATE_TIME), opt("extensions", JSON))),
    RUBRIC("CFRubric", SG.Rubric, List.of(
            req("identifier", STRING), req("uri", URL), opt("title", TEXT),
            opt("description", TEXT), req("lastChangeDateTime", DATE_TIME), opt("extensions", JSON))),
    RUBRIC_CRITERION("CFRubricCriterion", SG.RubricCriterion, List.of(
            req("identifier", STRING), req("uri", URL), opt("category", STRING),
            opt("description", TEXT), opt("CFItemURI", LINK, "criterionItem"),
            opt("weight", NUMBER), opt("position", INTEGER), opt("rubricId", STRING),
            req("lastChangeDateTime", DATE_TIME), opt("extensions", JSON))),
    RUBRIC_CRITERION_LEVEL("CFRubricCriterionLevel", SG.RubricCriterionLevel, List.of(
            req("identifier", STRING), req("uri", URL), opt("description", TEXT),
            opt("quality", STRING), opt("score", NUMBER), opt("feedback", TEXT),
            opt("position", INTEGER), opt("rubricCriterionId", STRING),
            req("lastChangeDateTime", DATE_TIME), opt("extensions", JSON)));

    /** The CFDefinitions lists, in the order CASE 1.1 writes them. */
    public static final List<EntityType> DEFINITIONS = List.of(CONCEPT, SUBJECT, LICENSE, ITEM_TYPE, ASSOCIATION_GROUPING);

    private final String caseName;
    private final Node rdfClass;
    private final List<Field> fields;

    EntityType(String caseName, Node rdfClass, List<Field> fields) {
        this.caseName = caseName;
        this.rdfClass = rdfClass;
        this.fields = fields;
    }

    /** The CASE class name, e.g. {@code CFItem}. */
    public String caseName() { return caseName; }
    public Node rdfClass() { return rdfClass; }
    public List<Field> fields() { return fields; }

    public Optional<Field> field(String json) {
        return fields.stream().filter(f -> f.json().equals(json)).findFirst();
    }

    /** The CFPackage key of the list that holds this type, e.g. {@code CFItems}. */
    public String listName() {
        return switch (this) {
            case DOCUMENT -> "CFDocument";
            case RUBRIC_CRITERION -> "CFRubricCriteria";
            case RUBRIC_CRITERION_LEVEL -> "CFRubricCriterionLevels";
            default -> caseName + "s";
        };
    }

    public static Optional<EntityType> byCaseName(String name) {
        for (EntityType t : values()) if (t.caseName.equals(name)) return Optional.of(t);
        return Optional.empty();
    }
}
