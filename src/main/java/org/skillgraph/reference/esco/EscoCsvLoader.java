package org.skillgraph.reference.esco;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.skillgraph.reference.esco.CsvTable.Row;
import org.skillgraph.reference.esco.EscoFile.Kind;
import org.skillgraph.vocab.Iris;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the files of an ESCO CSV download into one graph, file by file and record by record
 * (the graph is the only thing held in memory). Columns are found by header name, so the
 * different column sets of v1.0, v1.1 and v1.2 all load. Anything that cannot be understood
 * is rejected with its file and line; what was skipped or derived is told in {@link #notes}.
 */
final class EscoCsvLoader {
    private static final String DEFAULT_LANG = "en";
    private static final java.util.regex.Pattern ISCO_CODE = java.util.regex.Pattern.compile("[0-9A-Za-z]{1,8}");

    private final Graph g = GraphFactory.createGraphMem();
    private final Map<String, Node> iris = new HashMap<>();
    /** Concepts with a row in a concept file (not only named in a relation or a collection). */
    private final Set<Node> described = new HashSet<>();
    private final Map<String, Integer> counters = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();
    private final Set<Kind> present = EnumSet.noneOf(Kind.class);
    /** Skill groups named in the skills hierarchy that no concept file describes. */
    private final Set<Node> hierarchyOnly = new HashSet<>();

    Graph load(List<EscoFile> files) {
        for (EscoFile f : files) present.add(f.kind());
        for (EscoFile f : files) {
            try (CsvTable t = CsvTable.open(f.path())) {
                String lang = f.language() != null ? f.language() : DEFAULT_LANG;
                switch (f.kind()) {
                    case CONCEPT_SCHEMES -> schemes(t, lang);
                    case ISCO_GROUPS, OCCUPATIONS, SKILL_GROUPS, SKILLS -> concepts(t, f.kind(), lang);
                    case SKILLS_HIERARCHY -> hierarchy(t, lang);
                    case BROADER_OCCUPATIONS, BROADER_SKILLS -> broader(t);
                    case OCCUPATION_SKILLS -> links(t, "occupationUri", "skillUri", "skillType");
                    case SKILL_SKILLS -> links(t, "originalSkillUri", "relatedSkillUri", "originalSkillType", "relatedSkillType");
                    case COLLECTION -> collection(t, f, lang);
                }
                List<String> unused = t.unused();
                if (!unused.isEmpty()) notes.add(f.name() + ": column" + (unused.size() > 1 ? "s " : " ") + String.join(", ", unused) + " not loaded");
            }
        }
        linkCollectionsToSchemes();
        danglingLinks();
        hierarchyOnly.removeAll(described);
        if (present.contains(Kind.SKILL_GROUPS) && !hierarchyOnly.isEmpty())
            notes.add(hierarchyOnly.size() + " skill groups are in the skills hierarchy but not in the skill groups file"
                    + " (loaded from the hierarchy, e.g. " + hierarchyOnly.iterator().next().getURI() + ")");
        missingFiles();
        counters.forEach((what, n) -> notes.add(n + " " + what));
        return g;
    }

    // --- files --------------------------------------------------------------------------------

    private void concepts(CsvTable t, Kind kind, String lang) {
        int uri = t.require("conceptUri"), pref = t.require("preferredLabel");
        int type = t.column("conceptType"), alt = t.column("altLabels"), hidden = t.column("hiddenLabels");
        int desc = t.column("description"), def = t.column("definition"), scope = t.column("scopeNote");
        int status = t.column("status"), modified = t.column("modifiedDate"), scheme = t.column("inScheme");
        int code = t.column("code"), isco = t.column("iscoGroup"), regulated = t.column("regulatedProfessionNote");
        int skillType = t.column("skillType"), reuse = t.column("reuseLevel");
        for (Row r; (r = t.next()) != null; ) {
            Node s = iri(r, uri, "conceptUri");
            String label = r.get(pref);
            if (label.isEmpty()) throw r.reject("empty preferredLabel for " + s.getURI());
            String ct = r.get(type);
            typeConcept(s, ct.isEmpty() ? defaultType(kind) : ct, t.file);
            described.add(s);
            add(s, EscoModel.prefLabel, lit(label, lang));
            labels(s, label, r.get(alt), r.get(hidden), lang, false);
            text(s, EscoModel.description, r.get(desc), lang);
            text(s, EscoModel.definition, r.get(def), lang);
            text(s, EscoModel.scopeNote, r.get(scope), lang);
            status(s, r.get(status));
            modified(s, r.get(modified));
            for (String sc : Text.iris(r.get(scheme))) inScheme(s, iri(r, sc, "inScheme"));
            String c = r.get(code);
            if (!c.isEmpty()) add(s, EscoModel.notation, NodeFactory.createLiteralString(c));
            String ig = r.get(isco);
            if (!ig.isEmpty() && !ISCO_CODE.matcher(ig).matches()) throw r.reject("iscoGroup '" + ig + "' is not an ISCO code");
            if (!ig.isEmpty()) {
                Node group = node(EscoModel.iscoIri(ig));
                add(s, EscoModel.memberOfISCOGroup, group);
                if (!present.contains(Kind.BROADER_OCCUPATIONS)) add(s, EscoModel.broader, group);
            }
            if (kind == Kind.ISCO_GROUPS && !present.contains(Kind.BROADER_OCCUPATIONS) && c.length() > 1 && ISCO_CODE.matcher(c).matches())
                add(s, EscoModel.broader, node(EscoModel.iscoIri(c.substring(0, c.length() - 1))));
            String reg = r.get(regulated);
            if (!reg.isEmpty()) add(s, EscoModel.regulatedProfessionNote, Iris.isAbsolute(reg) ? node(reg) : lit(reg, lang));
            skillTagging(s, r.get(skillType), r.get(reuse));
        }
    }

    private void schemes(CsvTable t, String lang) {
        int uri = t.require("conceptSchemeUri");
        int pref = t.column("preferredLabel"), title = t.column("title"), status = t.column("status");
        int desc = t.column("description"), top = t.column("hasTopConcept");
        t.ignore("conceptType");
        for (Row r; (r = t.next()) != null; ) {
            Node s = iri(r, uri, "conceptSchemeUri");
            add(s, EscoModel.type, EscoModel.ConceptScheme);
            text(s, EscoModel.prefLabel, r.get(pref), lang);
            text(s, EscoModel.title, r.get(title), lang);
            text(s, EscoModel.description, r.get(desc), lang);
            status(s, r.get(status));
            for (String c : Text.iris(r.get(top))) add(s, EscoModel.hasTopConcept, iri(r, c, "hasTopConcept"));
        }
    }

    /** skillsHierarchy: one row per skill group, its ancestors in the Level 0..3 columns. */
    private void hierarchy(CsvTable t, String lang) {
        int[] uri = new int[4], term = new int[4], code = new int[4];
        for (int k = 0; k < 4; k++) {
            uri[k] = k == 0 ? t.require("Level 0 URI") : t.column("Level " + k + " URI");
            term[k] = t.column("Level " + k + " preferred term");
            code[k] = t.column("Level " + k + " code");
        }
        int desc = t.column("Description"), scope = t.column("Scope note");
        Node hierarchy = node(EscoSchemes.SKILLS_HIERARCHY), skills = node(EscoSchemes.SKILLS);
        for (Row r; (r = t.next()) != null; ) {
            Node prev = null;
            for (int k = 0; k < 4; k++) {
                if (r.get(uri[k]).isEmpty()) break;
                Node n = iri(r, uri[k], "Level " + k + " URI");
                add(n, EscoModel.type, EscoModel.Concept);
                hierarchyOnly.add(n);
                inScheme(n, hierarchy);
                inScheme(n, skills);
                fill(n, EscoModel.prefLabel, r.get(term[k]), lang);
                String c = r.get(code[k]);
                if (!c.isEmpty() && !g.contains(n, EscoModel.notation, Node.ANY)) add(n, EscoModel.notation, NodeFactory.createLiteralString(c));
                if (prev != null) add(n, EscoModel.broader, prev);
                prev = n;
            }
            if (prev == null) throw r.reject("no Level 0 URI");
            fill(prev, EscoModel.description, r.get(desc), lang);
            fill(prev, EscoModel.scopeNote, r.get(scope), lang);
        }
    }

    private void broader(CsvTable t) {
        int uri = t.require("conceptUri"), broader = t.require("broaderUri");
        t.ignore("conceptType", "broaderType");
        for (Row r; (r = t.next()) != null; )
            add(iri(r, uri, "conceptUri"), EscoModel.broader, iri(r, broader, "broaderUri"));
    }

    /** occupationSkillRelations and skillSkillRelations: from --essential|optional--> to. */
    private void links(CsvTable t, String fromColumn, String toColumn, String... redundant) {
        int from = t.require(fromColumn), type = t.require("relationType"), to = t.require(toColumn);
        t.ignore(redundant);
        for (Row r; (r = t.next()) != null; ) {
            Node s = iri(r, from, fromColumn), o = iri(r, to, toColumn);
            String rt = r.get(type).toLowerCase(java.util.Locale.ROOT);
            if (rt.startsWith("essential")) add(s, EscoModel.hasEssentialSkill, o);
            else if (rt.startsWith("optional")) add(s, EscoModel.hasOptionalSkill, o);
            else count("relations of unknown relationType (not essential or optional) skipped in " + t.file);
        }
    }

    /**
     * A thematic collection: a skos:Collection with a member per row. The rows repeat the skill's
     * own data; it is used only for concepts no concept file described.
     */
    private void collection(CsvTable t, EscoFile f, String lang) {
        String name = f.collectionName();
        Node c = node(EscoSchemes.collection(name));
        add(c, EscoModel.type, EscoModel.Collection);
        add(c, EscoModel.identifier, NodeFactory.createLiteralString(name));
        add(c, EscoModel.prefLabel, lit("ESCO " + name.replace('-', ' ') + " collection", "en"));
        int uri = t.require("conceptUri");
        int pref = t.column("preferredLabel"), type = t.column("conceptType"), desc = t.column("description");
        int skillType = t.column("skillType"), reuse = t.column("reuseLevel"), broader = t.column("broaderConceptUri");
        int status = t.column("status"), alt = t.column("altLabels");
        t.ignore("broaderConceptPT");
        for (Row r; (r = t.next()) != null; ) {
            Node s = iri(r, uri, "conceptUri");
            add(c, EscoModel.member, s);
            if (described.contains(s)) continue;
            count("collection members not in the concept files, described from their collection row");
            String ct = r.get(type);
            typeConcept(s, ct.isEmpty() ? (name.contains("occupation") ? "Occupation" : "KnowledgeSkillCompetence") : ct, t.file);
            String label = r.get(pref);
            fill(s, EscoModel.prefLabel, label, lang);
            if (!label.isEmpty()) labels(s, label, r.get(alt), "", lang, true);
            fill(s, EscoModel.description, r.get(desc), lang);
            status(s, r.get(status));
            skillTagging(s, r.get(skillType), r.get(reuse));
            for (String b : Text.iris(r.get(broader))) add(s, EscoModel.broader, iri(r, b, "broaderConceptUri"));
            described.add(s);
        }
    }

    // --- after all files ------------------------------------------------------------------------

    /**
     * Links each collection to the ESCO scheme whose skills or occupations are exactly its members,
     * if any (v1.1 publishes the collections as schemes too; they may also hold skill groups).
     */
    private void linkCollectionsToSchemes() {
        Set<Node> pillars = Set.of(node(EscoSchemes.SKILLS), node(EscoSchemes.MEMBER_SKILLS),
                node(EscoSchemes.OCCUPATIONS), node(EscoSchemes.MEMBER_OCCUPATIONS));
        for (Node c : list(g.find(Node.ANY, EscoModel.type, EscoModel.Collection), true)) {
            List<Node> members = list(g.find(c, EscoModel.member, Node.ANY), false);
            if (members.isEmpty()) continue;
            for (Node scheme : list(g.find(members.get(0), EscoModel.inScheme, Node.ANY), false)) {
                if (pillars.contains(scheme)) continue;
                if (!members.stream().allMatch(m -> g.contains(m, EscoModel.inScheme, scheme))) continue;
                long inScheme = g.find(Node.ANY, EscoModel.inScheme, scheme)
                        .filterKeep(t -> g.contains(t.getSubject(), EscoModel.type, EscoModel.MemberConcept)).toList().size();
                if (inScheme == members.size()) add(c, EscoModel.seeAlso, scheme);
            }
        }
    }

    /** Skill links whose ends no concept file describes (kept: ESCO's relation files say so). */
    private void danglingLinks() {
        if (!present.contains(Kind.OCCUPATIONS) || !present.contains(Kind.SKILLS)) return;
        Set<Node> unknown = new HashSet<>();
        long links = 0;
        for (Node p : List.of(EscoModel.hasEssentialSkill, EscoModel.hasOptionalSkill)) {
            ExtendedIterator<Triple> it = g.find(Node.ANY, p, Node.ANY);
            try {
                while (it.hasNext()) {
                    Triple t = it.next();
                    boolean s = !described.contains(t.getSubject()), o = !described.contains(t.getObject());
                    if (s) unknown.add(t.getSubject());
                    if (o) unknown.add(t.getObject());
                    if (s || o) links++;
                }
            } finally {
                it.close();
            }
        }
        if (links > 0) notes.add(links + " skill relations name one of " + unknown.size()
                + " concepts no concept file describes (kept, e.g. " + unknown.iterator().next().getURI() + ")");
    }

    private void missingFiles() {
        Map<Kind, String> effect = new LinkedHashMap<>();
        effect.put(Kind.CONCEPT_SCHEMES, "concept schemes have no labels");
        effect.put(Kind.ISCO_GROUPS, "ISCO groups are not described");
        effect.put(Kind.OCCUPATIONS, "no occupations");
        effect.put(Kind.SKILLS, "no skills");
        effect.put(Kind.SKILL_GROUPS, "skill groups only as far as the skills hierarchy describes them");
        effect.put(Kind.SKILLS_HIERARCHY, "skill group hierarchy only from the broader relations");
        effect.put(Kind.BROADER_OCCUPATIONS, "occupations' broader concept taken from their iscoGroup column, ISCO groups' from their code");
        effect.put(Kind.BROADER_SKILLS, "skills have no broader skill group (except collection members described from their collection row)");
        effect.put(Kind.OCCUPATION_SKILLS, "no essential/optional skills of occupations");
        effect.put(Kind.SKILL_SKILLS, "no essential/optional skills of skills");
        effect.put(Kind.COLLECTION, "no skill collections (transversal, digital, green, language, research)");
        effect.forEach((kind, what) -> {
            if (!present.contains(kind)) notes.add("no " + kind.esco + " file (optional, skipped): " + what);
        });
    }

    // --- helpers --------------------------------------------------------------------------------

    private static String defaultType(Kind kind) {
        return switch (kind) {
            case OCCUPATIONS -> "Occupation";
            case SKILLS -> "KnowledgeSkillCompetence";
            case SKILL_GROUPS -> "SkillGroup";
            case ISCO_GROUPS -> "ISCOGroup";
            default -> "";
        };
    }

    private void typeConcept(Node s, String conceptType, String file) {
        add(s, EscoModel.type, EscoModel.Concept);
        switch (conceptType) {
            case "Occupation" -> {
                add(s, EscoModel.type, EscoModel.Occupation);
                add(s, EscoModel.type, EscoModel.MemberConcept);
            }
            case "KnowledgeSkillCompetence", "Skill" -> {
                add(s, EscoModel.type, EscoModel.Skill);
                add(s, EscoModel.type, EscoModel.MemberConcept);
            }
            case "SkillGroup", "ISCOGroup" -> { }
            default -> count("rows of unknown conceptType typed skos:Concept only in " + file);
        }
    }

    private void labels(Node s, String pref, String alt, String hidden, String lang, boolean pipes) {
        List<String> alts = Text.labels(alt, pipes);
        for (String a : alts) {
            if (a.equals(pref)) count("altLabels equal to the preferred label dropped (SKOS: prefLabel and altLabel are disjoint)");
            else add(s, EscoModel.altLabel, lit(a, lang));
        }
        for (String h : Text.labels(hidden, pipes)) {
            if (h.equals(pref) || alts.contains(h)) count("hiddenLabels equal to the preferred or an alternative label dropped");
            else add(s, EscoModel.hiddenLabel, lit(h, lang));
        }
    }

    private void skillTagging(Node s, String type, String reuse) {
        if (!type.isEmpty()) {
            String iri = EscoModel.skillTypeIri(type);
            if (iri != null) add(s, EscoModel.skillType, node(iri));
            else count("skills with an unknown skillType (not skill/competence or knowledge): skillType not loaded");
        }
        if (!reuse.isEmpty()) {
            String iri = EscoModel.reuseLevelIri(reuse);
            if (iri != null) add(s, EscoModel.skillReuseLevel, node(iri));
            else count("skills with an unknown reuseLevel: reuseLevel not loaded");
        }
    }

    private void status(Node s, String status) {
        if (!status.isEmpty()) add(s, EscoModel.status, NodeFactory.createLiteralString(status));
    }

    private void modified(Node s, String date) {
        if (date.isEmpty()) return;
        if (XSDDatatype.XSDdateTime.isValid(date)) add(s, EscoModel.modified, NodeFactory.createLiteralDT(date, XSDDatatype.XSDdateTime));
        else if (XSDDatatype.XSDdate.isValid(date)) add(s, EscoModel.modified, NodeFactory.createLiteralDT(date, XSDDatatype.XSDdate));
        else {
            add(s, EscoModel.modified, NodeFactory.createLiteralString(date));
            count("modifiedDate values that are not xsd:dateTime kept as plain text");
        }
    }

    private void inScheme(Node s, Node scheme) {
        add(s, EscoModel.inScheme, scheme);
        add(scheme, EscoModel.type, EscoModel.ConceptScheme);
    }

    private void text(Node s, Node p, String value, String lang) {
        if (!value.isEmpty()) add(s, p, lit(value, lang));
    }

    /** Adds a language-tagged text unless s already has one in that language. */
    private void fill(Node s, Node p, String value, String lang) {
        if (value.isEmpty()) return;
        ExtendedIterator<Triple> it = g.find(s, p, Node.ANY);
        try {
            while (it.hasNext()) {
                Node o = it.next().getObject();
                if (o.isLiteral() && o.getLiteralLanguage().equalsIgnoreCase(lang)) return;
            }
        } finally {
            it.close();
        }
        add(s, p, lit(value, lang));
    }

    private Node iri(Row r, int column, String name) {
        String v = r.get(column);
        if (v.isEmpty()) throw r.reject("empty " + name);
        return iri(r, v, name);
    }

    private Node iri(Row r, String value, String column) {
        Node n = iris.get(value);
        if (n != null) return n;
        if (!Iris.isAbsolute(value)) throw r.reject("'" + value + "' in column " + column + " is not an absolute IRI");
        n = NodeFactory.createURI(value);
        iris.put(value, n);
        return n;
    }

    /** A node for an IRI the importer builds itself (scheme, ISCO group, skill type). */
    private Node node(String iri) {
        return iris.computeIfAbsent(iri, NodeFactory::createURI);
    }

    private static Node lit(String text, String lang) { return NodeFactory.createLiteralLang(text, lang); }

    private void add(Node s, Node p, Node o) { g.add(Triple.create(s, p, o)); }

    private void count(String what) { counters.merge(what, 1, Integer::sum); }

    private static List<Node> list(ExtendedIterator<Triple> it, boolean subjects) {
        List<Node> out = new ArrayList<>();
        try {
            while (it.hasNext()) {
                Triple t = it.next();
                out.add(subjects ? t.getSubject() : t.getObject());
            }
        } finally {
            it.close();
        }
        return out;
    }
}
