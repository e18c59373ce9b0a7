package org.skillgraph.validate;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.graph.GraphFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A converter-shaped Turtle fixture from {@code src/test/resources/validate/}, with the JSON
 * pointers of its entities. A fixture states each entity's pointer in a comment line
 * {@code # /CFItems/2} just before the entity's subject line, as the converter's source map would.
 */
record Fixture(String name, Graph graph, Map<Node, String> pointers, PrefixMap prefixes) {

    static Fixture load(String name) {
        String text = read("/validate/" + name);
        Graph graph = GraphFactory.createDefaultGraph();
        PrefixMap prefixes = PrefixMapFactory.create();
        // Ill-typed literals are part of some fixtures: parse them without warnings, the shapes report them.
        RDFParser.fromString(text, Lang.TURTLE).checking(false).parse(StreamRDFLib.graph(graph));
        // Prefixes, for the pointer comments' subjects.
        for (String line : text.split("\n")) {
            if (line.startsWith("@prefix")) {
                String[] p = line.substring("@prefix".length()).trim().split("\\s+");
                String prefix = p[0].substring(0, p[0].length() - 1);
                String iri = p[1].substring(1, p[1].length() - 1);
                prefixes.add(prefix, iri);
            }
        }
        Map<Node, String> pointers = new HashMap<>();
        String[] lines = text.split("\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            String line = lines[i].trim();
            if (!line.startsWith("# /")) continue;
            String subject = lines[i + 1].trim().split("\\s+")[0];
            String iri = subject.startsWith("<") ? subject.substring(1, subject.length() - 1) : prefixes.expand(subject);
            if (iri == null) throw new IllegalStateException(name + ": cannot expand " + subject);
            pointers.put(NodeFactory.createURI(iri), line.substring(2).trim());
        }
        return new Fixture(name, graph, pointers, prefixes);
    }

    /** The node of a prefixed name or IRI, e.g. {@code ex:a0000000-0000-4000-8000-000000000003}. */
    Node node(String curie) {
        String iri = prefixes.expand(curie);
        return NodeFactory.createURI(iri != null ? iri : curie);
    }

    ValidationReport validate() {
        return Validator.standard().validate(graph, pointers, name);
    }

    private static String read(String resource) {
        try (InputStream in = Fixture.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("No fixture " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
