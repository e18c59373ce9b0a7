package org.skillgraph.validate;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.Path;
import org.skillgraph.mapping.Directions;
import org.skillgraph.vocab.SG;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Validates a framework graph against the CASE shapes ({@code shapes/*.ttl}) with the Jena
 * SHACL engine, and turns the SHACL report into {@link Finding}s a person can act on: each
 * with a label for the entity and the JSON pointer of the entity in the source file.
 * <p>
 * The shapes are parsed once per instance; an instance is immutable and can be shared between
 * threads.
 */
public final class Validator {

    /** Classpath folder of the shapes (the build copies {@code shapes/} there). */
    public static final String SHAPES_FOLDER = "/shapes/";
    /** The list of shape files in {@link #SHAPES_FOLDER}, one file name a line. */
    public static final String SHAPES_INDEX = SHAPES_FOLDER + "index.txt";

    private static final String SH = "http://www.w3.org/ns/shacl#";
    private static final int LABEL_LENGTH = 40;

    private static final Map<Node, String> KINDS = Map.ofEntries(
            Map.entry(SG.Framework, "framework"),
            Map.entry(SG.Competency, "item"),
            Map.entry(SG.Association, "association"),
            Map.entry(SG.ItemType, "item type"),
            Map.entry(SG.Concept, "concept"),
            Map.entry(SG.Subject, "subject"),
            Map.entry(SG.License, "license"),
            Map.entry(SG.AssociationGrouping, "association grouping"),
            Map.entry(SG.Rubric, "rubric"),
            Map.entry(SG.RubricCriterion, "rubric criterion"),
            Map.entry(SG.RubricCriterionLevel, "rubric level"));

    private static final Node humanCodingScheme = SG.sg("humanCodingScheme");
    private static final Node fullStatement = SG.sg("fullStatement");
    private static final Node abbreviatedStatement = SG.sg("abbreviatedStatement");
    private static final Node title = SG.sg("title");
    private static final Node identifier = SG.sg("identifier");
    private static final Node category = SG.sg("category");
    private static final Node quality = SG.sg("quality");
    private static final Node description = SG.sg("description");

    private final Shapes shapes;

    private Validator(Shapes shapes) {
        this.shapes = Objects.requireNonNull(shapes);
        SentenceFunction.register(); // the direction shapes say associations in words
    }

    private static volatile Validator standard;

    /**
     * The validator with the project's shapes, all files listed in {@code /shapes/index.txt};
     * parsed on first use and shared.
     */
    public static Validator standard() {
        Validator v = standard;
        if (v == null) {
            synchronized (Validator.class) {
                v = standard;
                if (v == null) standard = v = new Validator(Shapes.parse(loadStandardShapes()));
            }
        }
        return v;
    }

    /** A validator for other shapes (tests, experiments). */
    public static Validator of(Graph shapesGraph) {
        return new Validator(Shapes.parse(shapesGraph));
    }

    /** The parsed shapes. */
    public Shapes shapes() {
        return shapes;
    }

    /** The union of the shape files listed in the classpath index, as one graph. */
    public static Graph loadStandardShapes() {
        Graph graph = GraphFactory.createDefaultGraph();
        for (String name : shapeFiles()) {
            String resource = SHAPES_FOLDER + name;
            try (InputStream in = Validator.class.getResourceAsStream(resource)) {
                if (in == null)
                    throw new IllegalStateException("Shape file " + resource + " listed in " + SHAPES_INDEX + " is not on the classpath");
                RDFParser.source(in).lang(Lang.TURTLE).base("https://w3id.org/skillgraph/shapes").parse(graph);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + resource, e);
            }
        }
        return graph;
    }

    /** The file names in {@code /shapes/index.txt}; blank lines and {@code #} comments are skipped. */
    public static List<String> shapeFiles() {
        try (InputStream in = Validator.class.getResourceAsStream(SHAPES_INDEX)) {
            if (in == null)
                throw new IllegalStateException("No " + SHAPES_INDEX + " on the classpath: the shapes are not packaged");
            List<String> names = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) names.add(line);
            }
            if (names.isEmpty()) throw new IllegalStateException(SHAPES_INDEX + " lists no shape file");
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SHAPES_INDEX, e);
        }
    }

    /**
     * Validates one framework graph.
     *
     * @param data           the framework graph as the converter wrote it
     * @param sourcePointers JSON pointer of each entity node in the source file (e.g. "/CFItems/12"); may be null
     * @param sourceName     name of the source, for the report; may be null
     */
    public ValidationReport validate(Graph data, Map<Node, String> sourcePointers, String sourceName) {
        Map<Node, String> pointers = sourcePointers == null ? Map.of() : sourcePointers;
        org.apache.jena.shacl.ValidationReport report = ShaclValidator.get().validate(shapes, data);
        List<Finding> findings = new ArrayList<>(report.getEntries().size());
        for (ReportEntry e : report.getEntries())
            findings.add(finding(e, data, pointers));
        findings.sort(ORDER);
        return new ValidationReport(sourceName, findings, report.getGraph());
    }

    private static Finding finding(ReportEntry e, Graph data, Map<Node, String> pointers) {
        Node focus = e.focusNode();
        Node value = e.value();
        Path path = e.resultPath();
        if (value != null && path == null && value.equals(focus))
            value = null; // SPARQL constraints on a node report the node itself as the value
        return new Finding(
                severity(e.severity()),
                str(focus),
                kind(data, focus),
                label(data, focus),
                field(path),
                e.message(),
                value == null ? null : str(value),
                value == null ? null : valueType(value),
                pointers.get(focus),
                constraint(e.sourceConstraintComponent()));
    }

    private static Finding.Severity severity(Severity s) {
        if (Severity.Warning.equals(s)) return Finding.Severity.WARNING;
        if (Severity.Info.equals(s)) return Finding.Severity.INFO;
        return Finding.Severity.VIOLATION;
    }

    /** Local name of the result path when it is one {@code sg:} property. */
    private static String field(Path path) {
        if (path instanceof P_Link link && link.getNode().isURI()) {
            String uri = link.getNode().getURI();
            if (uri.startsWith(SG.NS)) return uri.substring(SG.NS.length());
        }
        return null;
    }

    private static String constraint(Node component) {
        if (component == null || !component.isURI()) return null;
        String uri = component.getURI();
        String local = uri.startsWith(SH) ? uri.substring(SH.length()) : uri;
        return local.endsWith("ConstraintComponent") ? local.substring(0, local.length() - "ConstraintComponent".length()) : local;
    }

    private static String str(Node n) {
        if (n == null) return null;
        if (n.isURI()) return n.getURI();
        if (n.isBlank()) return "_:" + n.getBlankNodeLabel();
        if (n.isLiteral()) return n.getLiteralLexicalForm();
        return n.toString();
    }

    private static String valueType(Node n) {
        if (n.isURI()) return "IRI";
        if (n.isBlank()) return "blank node";
        if (n.isLiteral()) {
            String lang = n.getLiteralLanguage();
            if (lang != null && !lang.isEmpty()) return "@" + lang;
            String dt = n.getLiteralDatatypeURI();
            for (Map.Entry<String, String> p : SG.PREFIXES.entrySet())
                if (dt.startsWith(p.getValue())) return p.getKey() + ":" + dt.substring(p.getValue().length());
            return dt;
        }
        return null;
    }

    /** "item", "association", ... from the node's sg: class; "node" when it has none. */
    static String kind(Graph data, Node node) {
        if (node == null) return "node";
        var it = data.find(node, SG.rdfType, Node.ANY);
        try {
            while (it.hasNext()) {
                String k = KINDS.get(it.next().getObject());
                if (k != null) return k;
            }
        } finally {
            it.close();
        }
        return "node";
    }

    /**
     * A short label for a person: an item's humanCodingScheme or shortened statement, an
     * association as a sentence ("6.RP.A.1 is a child of 6.RP"), a definition's title; the identifier otherwise.
     */
    static String label(Graph data, Node node) {
        if (node == null || node.isLiteral()) return null;
        if (data.contains(node, SG.associationType, Node.ANY)) {
            return Directions.sentence(string(data, node, SG.associationType),
                    endLabel(data, node, SG.originNode, SG.originNodeIdentifier),
                    endLabel(data, node, SG.destinationNode, SG.destinationNodeIdentifier));
        }
        String s = firstOf(data, node, humanCodingScheme, abbreviatedStatement, fullStatement, title,
                category, quality, description, identifier);
        return s == null ? null : shorten(s);
    }

    private static String endLabel(Graph data, Node association, Node end, Node endIdentifier) {
        Node target = first(data, association, end);
        String s = target == null ? null
                : firstOf(data, target, humanCodingScheme, abbreviatedStatement, fullStatement, title, identifier);
        if (s == null) s = string(data, association, endIdentifier);
        return s == null ? "?" : shorten(s);
    }

    private static Node first(Graph data, Node node, Node property) {
        var it = data.find(node, property, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            it.close();
        }
    }

    private static String firstOf(Graph data, Node node, Node... properties) {
        for (Node p : properties) {
            String s = string(data, node, p);
            if (s != null && !s.isBlank()) return s;
        }
        return null;
    }

    private static String string(Graph data, Node node, Node property) {
        var it = data.find(node, property, Node.ANY);
        try {
            while (it.hasNext()) {
                Node o = it.next().getObject();
                if (o.isLiteral()) return o.getLiteralLexicalForm();
            }
            return null;
        } catch (RuntimeException ex) {
            return null;
        } finally {
            it.close();
        }
    }

    static String shorten(String s) {
        return shorten(s, LABEL_LENGTH);
    }

    /** At most {@code length} characters, cut at a space where one is near, with "…". */
    static String shorten(String s, int length) {
        String t = s.strip().replaceAll("\\s+", " ");
        if (t.length() <= length) return t;
        int cut = t.lastIndexOf(' ', length - 1);
        if (cut < length / 2) cut = length - 1;
        return t.substring(0, cut).stripTrailing() + "…";
    }

    /** Violations first, then by source pointer (numbers compared as numbers), field, message. */
    static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::severity)
            .thenComparing(Finding::pointer, Comparator.nullsLast(Validator::comparePointers))
            .thenComparing(Finding::focusNode, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Finding::field, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::message, Comparator.nullsFirst(Comparator.naturalOrder()));

    static int comparePointers(String a, String b) {
        String[] x = a.split("/", -1);
        String[] y = b.split("/", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c;
            if (isNumber(x[i]) && isNumber(y[i]))
                c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
            else
                c = x[i].compareTo(y[i]);
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty() || s.length() > 18) return false;
        for (int i = 0; i < s.length(); i++) if (!Character.isDigit(s.charAt(i))) return false;
        return true;
    }
}
