package org.skillgraph.align;

import java.util.ArrayList;
import java.util.List;

/**
 * One concept to align: its IRI, code, labels, definition and the group it belongs to in its own
 * scheme (ESCO: the ISCO unit group; otherwise its first {@code skos:broader}), or null.
 */
public record Concept(String iri, String notation, String prefLabel, List<String> altLabels, String definition,
                      String group) {
    public Concept {
        altLabels = List.copyOf(altLabels);
    }

    /** The preferred label, or the notation, or the IRI: never null. */
    public String label() {
        if (prefLabel != null && !prefLabel.isBlank()) return prefLabel;
        return notation != null ? notation : iri;
    }

    /** The preferred label first, then the alternate labels, without repeats. */
    public List<String> labels() {
        List<String> out = new ArrayList<>();
        if (prefLabel != null && !prefLabel.isBlank()) out.add(prefLabel);
        for (String a : altLabels) if (!a.isBlank() && !out.contains(a)) out.add(a);
        if (out.isEmpty()) out.add(label());
        return out;
    }
}
