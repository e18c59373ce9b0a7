package org.skillgraph.validate;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.skillgraph.vocab.SG;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Not a test: times the standard shapes on a generated framework shaped like the converter's
 * output (default 100000 items, 3 rounds):
 * <pre>
 * mvn -q package -DskipTests
 * java -Xmx2g -cp target/test-classes:target/skillgraph.jar org.skillgraph.validate.ShapesTiming [items [rounds [worst]]]
 * </pre>
 * The generated framework is a tree (8 children per node, depth 6 at 100k items) with one
 * isChildOf association per item, plus a 3-item cycle, an unreachable item and a duplicate
 * code, so every check has work to do. With {@code worst}, every item instead has an ill-typed
 * lastChangeDateTime and no association at all: one violation and one warning per item, to
 * time the report and its renderings too.
 */
public final class ShapesTiming {
    private ShapesTiming() {}

    public static void main(String[] args) {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean worst = args.length > 2 && args[2].equals("worst");
        Map<Node, String> pointers = new HashMap<>();
        long t0 = System.nanoTime();
        Graph g = generate(items, pointers, worst);
        long t1 = System.nanoTime();
        System.out.printf("generated %d items, %d triples in %.1f s%n", items, g.size(), (t1 - t0) / 1e9);
        Validator v = Validator.standard();
        long t2 = System.nanoTime();
        System.out.printf("shapes parsed in %.2f s%n", (t2 - t1) / 1e9);
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = 1; r <= rounds; r++) {
            long s = System.nanoTime();
            long cs = threads.getCurrentThreadCpuTime();
            ValidationReport report = v.validate(g, pointers, "generated-" + items);
            long ce = threads.getCurrentThreadCpuTime();
            long e = System.nanoTime();
            System.out.printf("round %d: validated in %.2f s (%.2f s CPU): %s%n", r, (e - s) / 1e9, (ce - cs) / 1e9, report.summary());
            if (r == rounds) {
                report.findings().stream().limit(12).forEach(f -> System.out.println("  " + f.toLine()));
                long a = System.nanoTime();
                int text = report.toText().length();
                long b = System.nanoTime();
                int json = report.toJson().length();
                long c = System.nanoTime();
                var out = new java.io.ByteArrayOutputStream();
                report.writeTurtle(out);
                long d = System.nanoTime();
                System.out.printf("renderings: text %d chars in %.2f s, JSON %d chars in %.2f s, Turtle %d bytes in %.2f s%n",
                        text, (b - a) / 1e9, json, (c - b) / 1e9, out.size(), (d - c) / 1e9);
            }
        }
    }

    static Graph generate(int items, Map<Node, String> pointers, boolean worst) {
        Graph g = GraphFactory.createDefaultGraph();
        Node fw = NodeFactory.createURI("urn:uuid:" + UUID.randomUUID());
        Node date = NodeFactory.createLiteralDT("2017-05-25T18:05:33", XSDDatatype.XSDdateTime);
        add(g, fw, SG.rdfType, SG.Framework);
        add(g, fw, SG.rdfType, SG.skosConceptScheme);
        add(g, fw, SG.sg("identifier"), str(fw.getURI().substring(9)));
        add(g, fw, SG.sg("uri"), uri(fw.getURI()));
        add(g, fw, SG.sg("title"), NodeFactory.createLiteralLang("Generated framework", "en"));
        add(g, fw, SG.sg("creator"), str("ShapesTiming"));
        add(g, fw, SG.sg("lastChangeDateTime"), date);
        pointers.put(fw, "/CFDocument");

        Node[] nodes = new Node[items];
        for (int i = 0; i < items; i++) {
            String id = UUID.randomUUID().toString();
            Node item = NodeFactory.createURI("urn:uuid:" + id);
            nodes[i] = item;
            pointers.put(item, "/CFItems/" + i);
            add(g, item, SG.rdfType, SG.Competency);
            add(g, item, SG.rdfType, SG.skosConcept);
            add(g, item, SG.framework, fw);
            add(g, item, SG.skosInScheme, fw);
            add(g, item, SG.sg("identifier"), str(id));
            add(g, item, SG.sg("uri"), uri(item.getURI()));
            Node statement = NodeFactory.createLiteralLang("Statement number " + i + " of the generated framework", "en");
            add(g, item, SG.sg("fullStatement"), statement);
            add(g, item, SG.skosPrefLabel, statement);
            String code = "G." + i;
            add(g, item, SG.sg("humanCodingScheme"), str(code));
            add(g, item, SG.skosNotation, str(code));
            add(g, item, SG.sg("lastChangeDateTime"), worst ? str("yesterday") : date);
            add(g, item, SG.sg("educationLevel"), str("09"));
            add(g, item, SG.sg("itemTypeName"), str("Standard"));

            // Tree: item i is a child of item (i-1)/8, the first 8 are top concepts.
            Node parent = i < 8 ? fw : nodes[(i - 8) / 8];
            if (!worst) association(g, fw, item, parent, "isChildOf", i, date, pointers);
        }
        // A 3-item cycle (detached from the tree), an unreachable item and a duplicate code.
        if (items >= 100 && !worst) {
            Node a = nodes[items - 1], b = nodes[items - 2], c = nodes[items - 3];
            for (Node n : new Node[]{a, b, c}) {
                for (var t : g.find(n, SG.isChildOf, Node.ANY).toList()) g.delete(t);
            }
            g.add(a, SG.isChildOf, b);
            g.add(b, SG.isChildOf, c);
            g.add(c, SG.isChildOf, a);
            for (var t : g.find(nodes[items - 4], SG.isChildOf, Node.ANY).toList()) g.delete(t);
            g.add(nodes[items - 5], SG.sg("humanCodingScheme"), str("G.1"));
            for (var t : g.find(nodes[items - 5], SG.sg("humanCodingScheme"), Node.ANY).toList())
                if (!t.getObject().getLiteralLexicalForm().equals("G.1")) g.delete(t);
        }
        return g;
    }

    private static void association(Graph g, Node fw, Node origin, Node destination, String type, int i,
                                    Node date, Map<Node, String> pointers) {
        String id = UUID.randomUUID().toString();
        Node as = NodeFactory.createURI("urn:uuid:" + id);
        pointers.put(as, "/CFAssociations/" + i);
        add(g, as, SG.rdfType, SG.Association);
        add(g, as, SG.framework, fw);
        add(g, as, SG.sg("identifier"), str(id));
        add(g, as, SG.sg("uri"), uri(as.getURI()));
        add(g, as, SG.associationType, str(type));
        add(g, as, SG.originNode, origin);
        add(g, as, SG.destinationNode, destination);
        add(g, as, SG.originNodeURI, uri(origin.getURI()));
        add(g, as, SG.destinationNodeURI, uri(destination.getURI()));
        add(g, as, SG.originNodeIdentifier, str(origin.getURI().substring(9)));
        add(g, as, SG.destinationNodeIdentifier, str(destination.getURI().substring(9)));
        add(g, as, SG.sg("sequenceNumber"), NodeFactory.createLiteralDT(Integer.toString(i), XSDDatatype.XSDinteger));
        add(g, as, SG.sg("lastChangeDateTime"), date);
        add(g, origin, SG.associationProperty(type), destination);
        if (destination.equals(fw)) add(g, origin, SG.skosTopConceptOf, fw);
        else add(g, origin, SG.skosBroader, destination);
    }

    private static void add(Graph g, Node s, Node p, Node o) { g.add(s, p, o); }
    private static Node str(String s) { return NodeFactory.createLiteralString(s); }
    private static Node uri(String s) { return NodeFactory.createLiteralDT(s, XSDDatatype.XSDanyURI); }
}
