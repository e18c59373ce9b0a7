package org.skillgraph.casejson;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * A CASE CFPackage: one framework (CFDocument) with its items, associations, definitions and
 * rubrics. {@code definitions} is keyed by the definition types of {@link EntityType#DEFINITIONS}.
 * {@code caseVersion} is "1.1" when the package says so, else "1.0".
 */
public record CasePackage(String caseVersion, CaseEntity document, List<CaseEntity> items,
                          List<CaseEntity> associations, Map<EntityType, List<CaseEntity>> definitions,
                          List<CaseEntity> rubrics, JsonNode extensions) {

    public List<CaseEntity> definitions(EntityType type) {
        return definitions.getOrDefault(type, List.of());
    }
}
