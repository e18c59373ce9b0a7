package org.skillgraph.align;

import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.system.Txn;
import org.skillgraph.error.NotFoundException;
import org.skillgraph.reference.esco.EscoModel;
import org.skillgraph.reference.esco.EscoSchemes;
import org.skillgraph.reference.onet.OnetIris;
import org.skillgraph.store.CatalogEntry;
import org.skillgraph.store.Queries;
import org.skillgraph.store.Registry;
import org.skillgraph.vocab.SG;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the concepts of one scheme with one SPARQL query ({@code sparql/align-concepts.rq}): a stored
 * framework (by identifier, document IRI or graph IRI) or a reference scheme by its short name
 * ({@code onet-occupations}, {@code esco-occupations}, ...; see {@link #REFERENCE}).
 */
public final class ConceptSource {
    private ConceptSource() {}

    /** Where a scheme's concepts are: named graph, scheme IRI, and the rdf:type they must have. */
    public record Scheme(String name, String graph, String scheme, String type) {}

    /** The reference schemes by short name. ESCO's occupation pillar also holds the ISCO groups: left out by type. */
    public static final Map<String, Scheme> REFERENCE;

    static {
        Map<String, Scheme> m = new LinkedHashMap<>();
        String concept = SG.skosConcept.getURI();
        for (OnetIris.Scheme s : OnetIris.Scheme.values())
            m.put(s.shortName(), new Scheme(s.shortName(), OnetIris.GRAPH_IRI, s.node().getURI(), concept));
        EscoSchemes.SCHEMES.forEach((name, iri) -> m.put(name, new Scheme(name, EscoSchemes.GRAPH_IRI, iri, concept)));
        m.put("esco-occupations", new Scheme("esco-occupations", EscoSchemes.GRAPH_IRI, EscoSchemes.OCCUPATIONS,
                EscoModel.Occupation.getURI()));
        m.put("esco-skills", new Scheme("esco-skills", EscoSchemes.GRAPH_IRI, EscoSchemes.SKILLS, EscoModel.Skill.getURI()));
        REFERENCE = java.util.Collections.unmodifiableMap(m);
    }

    /** A reference short name, or a stored framework by identifier or IRI. */
    public static Scheme resolve(Registry registry, String nameOrId) {
        Scheme ref = REFERENCE.get(nameOrId);
        if (ref != null) return ref;
        try {
            CatalogEntry e = registry.find(nameOrId);
            return new Scheme(e.identifier(), e.graph(), e.document(), SG.skosConcept.getURI());
        } catch (NotFoundException x) {
            throw new NotFoundException("no scheme '" + nameOrId + "': not a stored framework nor one of "
                    + String.join(", ", REFERENCE.keySet()));
        }
    }

    public static List<Concept> load(Registry registry, String nameOrId) {
        return load(registry, resolve(registry, nameOrId));
    }

    public static List<Concept> load(Registry registry, Scheme s) {
        ParameterizedSparqlString pss = new ParameterizedSparqlString(Queries.get("align-concepts"));
        pss.setIri("g", s.graph());
        pss.setIri("scheme", s.scheme());
        pss.setIri("type", s.type());
        return Txn.calculateRead(registry.dataset(), () -> {
            Map<String, Builder> byIri = new java.util.TreeMap<>();
            try (QueryExecution qe = registry.query(pss.asQuery())) {
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) {
                    QuerySolution q = rs.next();
                    RDFNode c = q.get("c");
                    if (!c.isURIResource()) continue;
                    byIri.computeIfAbsent(c.asResource().getURI(), Builder::new)
                            .add(q.getResource("p").getURI().substring(q.getResource("p").getURI().lastIndexOf('/') + 1), q.get("o"));
                }
            }
            List<Concept> out = new ArrayList<>(byIri.size());
            for (Builder b : byIri.values()) out.add(b.build());
            return out;
        });
    }

    /** Collects one concept's values; text in English or without language tag only. */
    private static final class Builder {
        final String iri;
        String notation, pref, def, desc, isco, broader;
        final java.util.TreeSet<String> alts = new java.util.TreeSet<>();

        Builder(String iri) { this.iri = iri; }

        void add(String p, RDFNode o) {
            if (o.isLiteral()) {
                String lang = o.asLiteral().getLanguage();
                if (!lang.isEmpty() && !lang.toLowerCase(java.util.Locale.ROOT).startsWith("en")) return;
                String v = o.asLiteral().getLexicalForm().strip();
                if (v.isEmpty()) return;
                switch (p) {
                    case "core#prefLabel" -> pref = first(pref, v);
                    case "core#altLabel" -> alts.add(v);
                    case "core#notation" -> notation = first(notation, v);
                    case "core#definition" -> def = first(def, v);
                    case "description" -> desc = first(desc, v);
                    default -> { }
                }
            } else if (o.isURIResource()) {
                String v = o.asResource().getURI();
                if (p.equals("model#memberOfISCOGroup")) isco = first(isco, v);
                else if (p.equals("core#broader")) broader = first(broader, v);
            }
        }

        /** The smallest value, so a multi-valued property gives the same answer every time. */
        private static String first(String had, String v) { return had == null || v.compareTo(had) < 0 ? v : had; }

        Concept build() {
            alts.remove(pref);
            return new Concept(iri, notation, pref, List.copyOf(alts), def != null ? def : desc, isco != null ? isco : broader);
        }
    }

    private static String text(QuerySolution q, String var) {
        RDFNode n = q.get(var);
        if (n == null) return null;
        return n.isLiteral() ? n.asLiteral().getLexicalForm() : n.isURIResource() ? n.asResource().getURI() : null;
    }
}
