package org.skillgraph.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.skillgraph.error.NotFoundException;
import org.skillgraph.vocab.SG;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the catalog's version records and the content of kept versions. Version records stay in
 * the catalog graph; the content of the newest {@link Snapshots#keep()} versions of each
 * framework is kept in the registry's {@link Snapshots}.
 */
public final class History {
    private static final PrefixMapping PREFIXES = PrefixMapping.Factory.create().setNsPrefixes(SG.PREFIXES)
            .setNsPrefix("foaf", "http://xmlns.com/foaf/0.1/").lock();

    private History() {}

    /** The versions of a framework, newest first. */
    public static List<Version> versions(Registry registry, CatalogEntry e) {
        Node graph = NodeFactory.createURI(e.graph());
        List<Version> out = new ArrayList<>();
        registry.read(dsg -> {
            versionRows(dsg, graph, (g, v) -> out.add(v));
            return null;
        });
        List<Version> marked = new ArrayList<>(out.size());
        for (Version v : out) marked.add(withKept(v, kept(registry, e, v)));
        return marked;
    }

    /** One version of a framework by number; NotFoundException when there is no such version. */
    public static Version version(Registry registry, CatalogEntry e, long number) {
        return versions(registry, e).stream().filter(v -> v.number() == number).findFirst()
                .orElseThrow(() -> new NotFoundException("framework '" + e.identifier() + "' has no version " + number
                        + " (versions: " + numbers(registry, e) + ")"));
    }

    /** The content of one version: from the kept snapshots, or the framework's graph for the current version. */
    public static Graph content(Registry registry, CatalogEntry e, Version v) {
        var kept = registry.snapshots().load(v.contentHash());
        if (kept.isPresent()) return kept.get();
        if (v.number() == e.importVersion()) return registry.frameworkGraph(e);
        throw new NotFoundException("the content of version " + v.number() + " of framework '" + e.identifier()
                + "' is no longer kept (the registry keeps the content of the last versions of each framework only;"
                + " now the last " + registry.snapshots().keep() + ", see --keep-versions)");
    }

    private static boolean kept(Registry registry, CatalogEntry e, Version v) {
        return v.number() == e.importVersion() || registry.snapshots().has(v.contentHash());
    }

    private static String numbers(Registry registry, CatalogEntry e) {
        return versions(registry, e).stream().map(v -> Long.toString(v.number())).reduce((a, b) -> b + ", " + a).orElse("none");
    }

    private static Version withKept(Version v, boolean kept) {
        return new Version(v.number(), v.iri(), v.contentHash(), v.importedAt(), v.items(), v.associations(), v.triples(),
                v.source(), v.previous(), v.replacedAt(), kept);
    }

    /**
     * The content hashes of the newest {@code keep} versions of every framework in the catalog,
     * read inside the caller's transaction (the registry prunes snapshots to this set).
     */
    static Set<String> keptHashes(DatasetGraph dsg, int keep) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        Set<String> hashes = new HashSet<>();
        versionRows(dsg, null, (graph, v) -> {
            int n = seen.merge(graph, 1, Integer::sum);
            if (n <= keep) hashes.add(v.contentHash());
        });
        return hashes;
    }

    /** Version rows, one per version number (newest record wins when a number repeats), newest first per graph. */
    private static void versionRows(DatasetGraph dsg, Node graph, java.util.function.BiConsumer<String, Version> sink) {
        Map<String, Set<Long>> done = new LinkedHashMap<>();
        select(dsg, "catalog-versions", graph, s -> {
            String g = s.getResource("graph").getURI();
            long number = s.getLiteral("number").getLong();
            if (!done.computeIfAbsent(g, k -> new HashSet<>()).add(number)) return;
            RDFNode prev = s.get("previous");
            Long previous = prev == null ? null : previousNumber(dsg, prev);
            sink.accept(g, new Version(number, s.getResource("version").getURI(), s.getLiteral("hash").getString(),
                    instant(s, "importedAt"), s.getLiteral("items").getLong(), s.getLiteral("associations").getLong(),
                    s.getLiteral("triples").getLong(), text(s.get("source")), previous, instant(s, "replacedAt"), false));
        });
    }

    private static Long previousNumber(DatasetGraph dsg, RDFNode prev) {
        var it = dsg.find(org.skillgraph.vocab.Iris.CATALOG_GRAPH, prev.asNode(), SG.importVersion, Node.ANY);
        return it.hasNext() ? Long.parseLong(it.next().getObject().getLiteralLexicalForm()) : null;
    }

    /**
     * Every statement the catalog makes about each dataset, by graph IRI: property (as a prefixed
     * name when it has one) to values (lexical forms or IRIs), in the catalog's order.
     */
    public static Map<String, Map<String, List<String>>> properties(Registry registry) {
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        registry.read(dsg -> {
            select(dsg, "catalog-properties", null, s -> out.computeIfAbsent(s.getResource("graph").getURI(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(PREFIXES.shortForm(s.getResource("p").getURI()), k -> new ArrayList<>()).add(text(s.get("o"))));
            return null;
        });
        return out;
    }

    /** When each withdrawn framework was found withdrawn upstream, by graph IRI. */
    public static Map<String, Instant> withdrawn(Registry registry) {
        Map<String, Instant> out = new LinkedHashMap<>();
        registry.read(dsg -> {
            select(dsg, "catalog-withdrawn", null, s -> out.put(s.getResource("graph").getURI(), instant(s, "withdrawnAt")));
            return null;
        });
        return out;
    }

    private static void select(DatasetGraph dsg, String query, Node graph, Consumer<QuerySolution> row) {
        var b = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(Queries.get(query));
        if (graph != null) b = b.substitution("graph", org.apache.jena.rdf.model.ResourceFactory.createResource(graph.getURI()));
        try (QueryExecution qe = b.build()) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) row.accept(rs.next());
        }
    }

    private static Instant instant(QuerySolution s, String var) {
        RDFNode n = s.get(var);
        if (n == null || !n.isLiteral()) return null;
        try {
            return Instant.parse(n.asLiteral().getLexicalForm());
        } catch (java.time.format.DateTimeParseException ex) {
            return null;
        }
    }

    private static String text(RDFNode n) {
        if (n == null) return null;
        return n.isLiteral() ? n.asLiteral().getLexicalForm() : n.isURIResource() ? n.asResource().getURI() : n.toString();
    }
}
