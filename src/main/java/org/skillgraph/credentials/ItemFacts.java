package org.skillgraph.credentials;

import org.skillgraph.casejson.EntityType;

/**
 * What the check compares an alignment with and what {@link Ob3Objects} writes: one stored entity.
 * {@code iri} is its canonical URI; {@code caseType} its CASE class name (CFItem, CFDocument,
 * CFRubricCriterionLevel...); {@code registryUrl} its {@code /uri/{identifier}} address here (null when
 * no base address is known).
 */
public record ItemFacts(String iri, String identifier, EntityType type, String caseType, String code, String fullStatement,
                        String abbreviatedStatement, String title, String itemType, String frameworkTitle,
                        String frameworkIdentifier, String frameworkUri, String registryUrl, boolean defined) {

    /** The entity's name: fullStatement, else title, else abbreviatedStatement. */
    public String name() {
        if (fullStatement != null) return fullStatement;
        if (title != null) return title;
        return abbreviatedStatement;
    }
}
