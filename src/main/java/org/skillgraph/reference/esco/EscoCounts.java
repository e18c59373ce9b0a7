package org.skillgraph.reference.esco;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.util.iterator.ExtendedIterator;

import java.util.HashSet;
import java.util.Set;

/**
 * What an ESCO graph holds, counted from the graph itself (so the same for the CSV and the RDF
 * download): occupations and skills by ESCO class; ISCO groups by scheme ({@code isco}); skill
 * groups as the concepts of the {@code skills} or {@code skills-hierarchy} scheme that are not an
 * esco:Skill; skill links by property and by their subject (a skill, or else an occupation).
 */
public record EscoCounts(long occupations, long skills, long skillGroups, long iscoGroups,
                         long essentialSkills, long optionalSkills, long skillSkillRelations,
                         long broader, long collections, long collectionMembers, long schemes, long triples) {

    /** Occupation-to-skill links, essential and optional. */
    public long occupationSkillRelations() { return essentialSkills + optionalSkills; }

    public static EscoCounts of(Graph g) {
        Set<Node> occupations = subjects(g, EscoModel.type, EscoModel.Occupation);
        Set<Node> skills = subjects(g, EscoModel.type, EscoModel.Skill);
        Set<Node> groups = subjects(g, EscoModel.inScheme, EscoSchemes.schemeNode(EscoSchemes.SKILLS_HIERARCHY));
        groups.addAll(subjects(g, EscoModel.inScheme, EscoSchemes.schemeNode(EscoSchemes.SKILLS)));
        groups.removeAll(skills);
        long isco = subjects(g, EscoModel.inScheme, EscoSchemes.schemeNode(EscoSchemes.ISCO)).size();
        long[] essential = links(g, EscoModel.hasEssentialSkill, skills);
        long[] optional = links(g, EscoModel.hasOptionalSkill, skills);
        return new EscoCounts(occupations.size(), skills.size(), groups.size(), isco,
                essential[0], optional[0], essential[1] + optional[1],
                count(g, Node.ANY, EscoModel.broader, Node.ANY),
                count(g, Node.ANY, EscoModel.type, EscoModel.Collection),
                count(g, Node.ANY, EscoModel.member, Node.ANY),
                count(g, Node.ANY, EscoModel.type, EscoModel.ConceptScheme),
                g.size());
    }

    private static Set<Node> subjects(Graph g, Node p, Node o) {
        Set<Node> out = new HashSet<>();
        ExtendedIterator<Triple> it = g.find(Node.ANY, p, o);
        try {
            while (it.hasNext()) out.add(it.next().getSubject());
        } finally {
            it.close();
        }
        return out;
    }

    /** [links from occupations (anything not a skill), links from skills]. */
    private static long[] links(Graph g, Node p, Set<Node> skills) {
        long[] n = new long[2];
        ExtendedIterator<Triple> it = g.find(Node.ANY, p, Node.ANY);
        try {
            while (it.hasNext()) n[skills.contains(it.next().getSubject()) ? 1 : 0]++;
        } finally {
            it.close();
        }
        return n;
    }

    private static long count(Graph g, Node s, Node p, Node o) {
        long n = 0;
        ExtendedIterator<Triple> it = g.find(s, p, o);
        try {
            while (it.hasNext()) { it.next(); n++; }
        } finally {
            it.close();
        }
        return n;
    }
}
