package org.skillgraph.server.caseapi;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.util.iterator.ExtendedIterator;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * A read-only view of one framework graph for {@link org.skillgraph.mapping.RdfToCase}, made for
 * reading entity after entity from TDB2 quickly. RdfToCase asks for each field separately
 * ({@code find(node, field, ANY)}, some 25 per entity, most of them empty); against TDB2 each is
 * an index seek. Here the entity in focus has all its triples fetched with one seek (the subject
 * prefix of the graph's SPO index) and answered from memory; the subjects loaded as
 * {@code support} (the document and definitions a package's links point at) are answered from
 * memory too; anything else (a link to an item, say) falls through to the store.
 */
final class EntityGraph extends GraphBase {
    private final DatasetGraph dsg;
    private final Node graphName;
    private final Graph view;
    private final Graph support = GraphFactory.createGraphMem();
    private final Set<Node> supportSubjects = new HashSet<>();
    private Node focus;
    private Graph own;

    EntityGraph(DatasetGraph dsg, Node graphName) {
        this.dsg = dsg;
        this.graphName = graphName;
        this.view = dsg.getGraph(graphName);
    }

    /** Loads every triple of {@code subject} into memory for the life of this graph. */
    void support(Node subject) {
        if (!supportSubjects.add(subject)) return;
        Iterator<Quad> it = dsg.find(graphName, subject, Node.ANY, Node.ANY);
        while (it.hasNext()) support.add(it.next().asTriple());
    }

    /** Every subject of class {@code cls} in this graph, loaded as support. */
    void supportAll(Node rdfType, Node cls) {
        Iterator<Quad> it = dsg.find(graphName, Node.ANY, rdfType, cls);
        while (it.hasNext()) support(it.next().getSubject());
    }

    Set<Node> supportSubjects() { return supportSubjects; }

    /** Puts {@code node} in focus: its triples are fetched at once. Returns this. */
    EntityGraph focus(Node node) {
        if (node.equals(focus)) return this;
        focus = node;
        if (supportSubjects.contains(node)) {
            own = null;
            return this;
        }
        own = GraphFactory.createGraphMem();
        Iterator<Quad> it = dsg.find(graphName, node, Node.ANY, Node.ANY);
        while (it.hasNext()) own.add(it.next().asTriple());
        return this;
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
        Node s = pattern.getSubject();
        if (s.isConcrete()) {
            if (own != null && s.equals(focus)) return own.find(pattern);
            if (supportSubjects.contains(s)) return support.find(pattern);
        }
        return view.find(pattern);
    }
}
