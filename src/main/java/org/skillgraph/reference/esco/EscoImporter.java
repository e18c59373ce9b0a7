package org.skillgraph.reference.esco;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.skillgraph.error.InputRejectedException;
import org.skillgraph.store.Registry;
import org.skillgraph.vocab.Iris;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Imports ESCO into its own named graph, {@code urn:skillgraph:reference:esco}, replacing what was
 * there: either the CSV download (a folder of {@code *_en.csv} files; see {@link EscoModel} for
 * the mapping) or ESCO's RDF download (a Turtle, N-Triples or RDF/XML file, or a folder holding
 * such files), which is loaded as is. Everything is read and checked before anything is stored,
 * so a rejected input leaves the store unchanged.
 */
public final class EscoImporter {
    /** The Commission's reuse policy, which ESCO's terms of use refer to: Decision 2011/833/EU. */
    public static final String LICENSE = "http://data.europa.eu/eli/dec/2011/833/oj";
    /** The attribution ESCO asks reusers to show. */
    public static final String ATTRIBUTION = "This service uses the ESCO classification of the European Commission.";

    private static final Pattern VERSION = Pattern.compile("(?i)(?:^|[^a-z0-9])v?(\\d+(?:\\.\\d+)+)");
    private static final int MAX_WARNINGS = 10;

    /** The outcome of an import: what was read and how many triples were stored. */
    public record Result(EscoData data, long triples, boolean replaced, long storeMillis) {}

    /** Reads, checks and stores ESCO from {@code input}; {@code version} overrides the one found. */
    public Result importInto(Registry registry, Path input, String version, LongConsumer progress) {
        return store(registry, read(input, version), progress);
    }

    public Result store(Registry registry, EscoData data, LongConsumer progress) {
        long t0 = System.nanoTime();
        boolean replaced = registry.read(dsg -> dsg.contains(Iris.CATALOG_GRAPH, EscoSchemes.GRAPH, Node.ANY, Node.ANY));
        long n = registry.importReference(EscoSchemes.GRAPH, data.graph(), data.title(), data.version(), LICENSE,
                ATTRIBUTION, data.source(), progress);
        return new Result(data, n, replaced, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Reads ESCO from a CSV folder, an RDF file, or a folder of RDF files, without storing it. */
    public EscoData read(Path input, String version) {
        long t0 = System.nanoTime();
        if (!Files.exists(input)) throw new InputRejectedException(input.toString(), null, "no such file or folder");
        List<Path> files = Files.isDirectory(input) ? list(input) : List.of(input);
        List<EscoFile> csv = new ArrayList<>();
        List<Path> rdf = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path p : files) {
            EscoFile f = EscoFile.of(p);
            if (f != null) csv.add(f);
            else if (rdfLang(p) != null) rdf.add(p);
            else if (Files.isDirectory(input)) notes.add("skipped " + p.getFileName() + ": not an ESCO CSV or RDF file");
        }
        if (csv.isEmpty() && rdf.isEmpty()) {
            if (!Files.isDirectory(input))
                throw new InputRejectedException(input.getFileName().toString(), null,
                        "not an ESCO CSV folder nor an RDF file (.ttl, .nt, .rdf, .owl, optionally .gz)");
            throw new InputRejectedException(input.toString(), null,
                    "no ESCO CSV files (occupations_en.csv, skills_en.csv, ...) nor RDF files found");
        }
        Graph g;
        String format;
        String found;
        String language = null;
        if (!csv.isEmpty()) {
            if (!rdf.isEmpty()) notes.add("RDF files ignored, the CSV files are loaded: " + names(rdf));
            if (!Files.isDirectory(input)) notes.add("only one CSV file given; give the folder to load the whole download");
            csv.sort(Comparator.comparing((EscoFile f) -> f.kind()).thenComparing(EscoFile::name));
            EscoCsvLoader loader = new EscoCsvLoader();
            g = loader.load(csv);
            notes.addAll(0, loader.notes);
            format = "csv";
            TreeSet<String> langs = new TreeSet<>(), versions = new TreeSet<>();
            String versionFile = null;
            for (EscoFile f : csv) {
                if (f.language() != null) langs.add(f.language());
                if (f.version() != null) {
                    versions.add(f.version());
                    versionFile = f.name();
                }
            }
            language = langs.isEmpty() ? null : String.join(", ", langs);
            found = versionOf(input.getFileName().toString());
            if (found == null && versions.size() == 1) {
                found = versions.first();
                notes.add("version " + found + " read from the file name " + versionFile);
            } else if (found == null && versions.size() > 1) {
                notes.add("files of different versions: " + String.join(", ", versions));
            }
        } else {
            g = GraphFactory.createGraphMem();
            for (Path p : rdf) parse(p, g, notes);
            format = "rdf";
            found = versionIn(g);
            if (found == null) found = versionOf(input.getFileName().toString());
            if (found == null && rdf.size() == 1) found = versionOf(rdf.get(0).getFileName().toString());
        }
        String v = version != null && !version.isBlank() ? version.strip().replaceFirst("^[vV](?=\\d)", "") : found;
        if (v == null) notes.add("no version found: give one with --version");
        String title = "ESCO" + (v != null ? " v" + v : "") + (language != null ? " (" + language + ")" : "");
        EscoCounts counts = EscoCounts.of(g);
        return new EscoData(g, title, v, input.toAbsolutePath().normalize().toUri().toString(), format, counts,
                List.copyOf(notes), (System.nanoTime() - t0) / 1_000_000);
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String names(List<Path> paths) {
        return String.join(", ", paths.stream().map(p -> p.getFileName().toString()).toList());
    }

    /** The RDF syntax of a file by its extension (.gz allowed), or null; quad syntaxes are not accepted. */
    static Lang rdfLang(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) return null;
        Lang lang = RDFLanguages.filenameToLang(name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name);
        return lang != null && RDFLanguages.isTriples(lang) ? lang : null;
    }

    /** Parses an RDF file into g; a syntax error rejects the file with its line. */
    private static void parse(Path p, Graph g, List<String> notes) {
        String file = p.getFileName().toString();
        int[] warnings = {0};
        ErrorHandler handler = new ErrorHandler() {
            @Override
            public void warning(String message, long line, long col) {
                if (warnings[0]++ < MAX_WARNINGS) notes.add(file + " at line " + line + ": " + message);
            }

            @Override
            public void error(String message, long line, long col) {
                throw new InputRejectedException(file, "line " + line + (col > 0 ? ", column " + col : ""), message);
            }

            @Override
            public void fatal(String message, long line, long col) { error(message, line, col); }
        };
        try {
            RDFParser.source(p).errorHandler(handler).parse(g);
        } catch (RiotException e) {
            throw new InputRejectedException(file, null, String.valueOf(e.getMessage()), e);
        }
        if (warnings[0] > MAX_WARNINGS) notes.add(file + ": " + (warnings[0] - MAX_WARNINGS) + " more warnings");
    }

    /** A version given in the data: owl:versionInfo of an ESCO scheme or ontology, e.g. "v1.1.1". */
    private static String versionIn(Graph g) {
        ExtendedIterator<Triple> it = g.find(Node.ANY, EscoModel.versionInfo, Node.ANY);
        try {
            while (it.hasNext()) {
                Triple t = it.next();
                if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(EscoModel.DATA) && t.getObject().isLiteral()) {
                    String v = versionOf(t.getObject().getLiteralLexicalForm());
                    if (v != null) return v;
                }
            }
        } finally {
            it.close();
        }
        return null;
    }

    /** "esco-v1.1.1" -> "1.1.1", "ESCO dataset - v1.2.0.ttl" -> "1.2.0". */
    static String versionOf(String name) {
        Matcher m = VERSION.matcher(name);
        return m.find() ? m.group(1) : null;
    }
}
