package org.skillgraph.store;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.*;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.skillgraph.error.NotFoundException;
import org.skillgraph.mapping.FrameworkGraph;
import org.skillgraph.vocab.Iris;
import org.skillgraph.vocab.SG;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * The registry's store: one named graph per framework plus a catalog graph, in TDB2 (on disk or
 * in memory). Importing a framework is one write transaction: all of it is stored, or nothing,
 * and a replaced version stays in place until the new one commits. Queries see the union of
 * all graphs as their default graph.
 */
public final class Registry implements AutoCloseable {
    private static final int PROGRESS_EVERY = 1_000;

    private final DatasetGraph dsg;
    private final boolean ownsDataset;
    private final Path dir;
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    private Registry(DatasetGraph dsg, boolean ownsDataset, Path dir) {
        this.dsg = dsg;
        this.ownsDataset = ownsDataset;
        this.dir = dir;
    }

    /** A TDB2 store in {@code dir}, created when missing. */
    public static Registry openTdb2(Path dir) {
        return new Registry(DatabaseMgr.connectDatasetGraph(dir.toString()), true, dir);
    }

    /** A TDB2 store in memory, for tests and one-off conversions. */
    public static Registry inMemory() {
        return new Registry(DatabaseMgr.createDatasetGraph(), true, null);
    }

    /** The store's folder (where caches such as the alignment vectors live), or null for a store in memory. */
    public Path dir() { return dir; }

    /**
     * A number that changes whenever this process changes the store (imports, removals, and
     * writes through the server, which call {@link #touch()}); part of HTTP ETags.
     */
    public long generation() { return generation.get(); }

    /** Notes a change made to the dataset directly (SPARQL Update, Graph Store writes). */
    public void touch() { generation.incrementAndGet(); }

    /** The dataset behind the registry (shared with the SPARQL server). */
    public DatasetGraph dataset() { return dsg; }

    public ImportResult importFramework(FrameworkGraph fg, String source, String title, String publisher,
                                        String frameworkVersion) {
        return importFramework(fg, source, title, publisher, frameworkVersion, 0, n -> {});
    }

    /**
     * Stores a framework, replacing the stored version of the same framework, in one transaction.
     * {@code progress} is told how many triples are written so far; if it throws, nothing changes.
     */
    public ImportResult importFramework(FrameworkGraph fg, String source, String title, String publisher,
                                        String frameworkVersion, int repairs, LongConsumer progress) {
        Node graph = Iris.frameworkGraph(fg.identifier());
        String hash = contentHash(fg.graph());
        Instant now = Instant.now();
        return Txn.calculateWrite(dsg, () -> {
            Optional<CatalogEntry> prev = entryIn(graph);
            if (prev.isPresent() && prev.get().contentHash().equals(hash))
                return new ImportResult(prev.get(), false, true);
            clearGraph(graph);
            long n = 0;
            Iterator<Triple> it = fg.graph().find();
            while (it.hasNext()) {
                Triple t = it.next();
                dsg.add(graph, t.getSubject(), t.getPredicate(), t.getObject());
                if (++n % PROGRESS_EVERY == 0) progress.accept(n);
            }
            progress.accept(n);
            long version = prev.map(p -> p.importVersion() + 1).orElse(1L);
            writeCatalog(graph, fg, source, title, publisher, frameworkVersion, hash, now, version, n, repairs, prev);
            touch();
            return new ImportResult(entryIn(graph).orElseThrow(), prev.isPresent(), false);
        });
    }

    /**
     * Deletes every quad of a named graph, inside the caller's write transaction. TDB2's
     * {@code deleteAny} re-searches the index after each batch and becomes very slow on graphs of
     * millions of quads; listing the quads once and deleting each is linear.
     */
    private void clearGraph(Node graph) {
        List<Quad> quads = new ArrayList<>();
        dsg.find(graph, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(quads::add);
        for (Quad q : quads) dsg.delete(q);
    }

    private void writeCatalog(Node graph, FrameworkGraph fg, String source, String title, String publisher,
                              String frameworkVersion, String hash, Instant now, long version, long triples,
                              int repairs, Optional<CatalogEntry> prev) {
        Node c = Iris.CATALOG_GRAPH;
        Node v = Iris.frameworkVersion(fg.identifier(), version);
        Node time = NodeFactory.createLiteralDT(now.toString(), XSDDatatype.XSDdateTime);
        // The dataset entry is rewritten; version records are kept.
        dsg.deleteAny(c, graph, Node.ANY, Node.ANY);
        add(c, Iris.CATALOG, SG.rdfType, SG.dcatCatalog);
        add(c, Iris.CATALOG, SG.dcatDatasetProp, graph);
        add(c, graph, SG.rdfType, SG.dcatDataset);
        add(c, graph, SG.rdfType, NodeFactory.createURI(SG.VOID + "Dataset"));
        add(c, graph, SG.dctIdentifier, str(fg.identifier()));
        add(c, graph, SG.foafPrimaryTopic, fg.document());
        if (title != null) add(c, graph, SG.dctTitle, str(title));
        if (publisher != null) add(c, graph, SG.dctPublisher, str(publisher));
        if (frameworkVersion != null) add(c, graph, SG.dcatVersion, str(frameworkVersion));
        if (source != null) add(c, graph, SG.dctSource, sourceNode(source));
        add(c, graph, SG.dcatHasCurrentVersion, v);
        add(c, graph, SG.caseVersionRead, str(fg.caseVersion()));
        facts(c, graph, fg, hash, time, version, triples, repairs);
        add(c, v, SG.rdfType, SG.provEntity);
        add(c, v, SG.dctIdentifier, str(fg.identifier() + ":v" + version));
        if (source != null) add(c, v, SG.provWasDerivedFrom, sourceNode(source));
        facts(c, v, fg, hash, time, version, triples, repairs);
        prev.ifPresent(p -> {
            Node pv = Iris.frameworkVersion(fg.identifier(), p.importVersion());
            add(c, v, SG.dcatPreviousVersion, pv);
            add(c, v, SG.provWasRevisionOf, pv);
            add(c, pv, SG.provInvalidatedAtTime, time);
        });
    }

    private void facts(Node c, Node s, FrameworkGraph fg, String hash, Node time, long version, long triples, int repairs) {
        add(c, s, SG.itemCount, integer(fg.items()));
        add(c, s, SG.associationCount, integer(fg.associations()));
        add(c, s, SG.voidTriples, integer(triples));
        add(c, s, SG.contentHash, str(hash));
        add(c, s, SG.importVersion, integer(version));
        add(c, s, SG.repairCount, integer(repairs));
        add(c, s, SG.provGeneratedAtTime, time);
    }

    private static Node sourceNode(String source) {
        return source.matches("^(https?|file):.*") ? NodeFactory.createURI(source) : str(source);
    }

    private void add(Node g, Node s, Node p, Node o) { dsg.add(g, s, p, o); }
    private static Node str(String s) { return NodeFactory.createLiteralString(s); }
    private static Node integer(long n) { return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger); }

    /**
     * Order-independent 128-bit hash of the triples (the sum of a 128-bit hash of each triple):
     * the same content gives the same hash, whatever order it was read in. It detects change;
     * it is not a cryptographic signature.
     */
    public static String contentHash(Graph g) {
        long lo = 0, hi = 0;
        Iterator<Triple> it = g.find();
        while (it.hasNext()) {
            Triple t = it.next();
            long a = mix(hash(t.getSubject(), 0x9E3779B97F4A7C15L) ^ Long.rotateLeft(hash(t.getPredicate(), 0x9E3779B97F4A7C15L), 21)
                    ^ Long.rotateLeft(hash(t.getObject(), 0x9E3779B97F4A7C15L), 42));
            long b = mix(hash(t.getSubject(), 0xC2B2AE3D27D4EB4FL) ^ Long.rotateLeft(hash(t.getPredicate(), 0xC2B2AE3D27D4EB4FL), 17)
                    ^ Long.rotateLeft(hash(t.getObject(), 0xC2B2AE3D27D4EB4FL), 37));
            long sum = lo + a;
            hi += b + (Long.compareUnsigned(sum, lo) < 0 ? 1 : 0);
            lo = sum;
        }
        return String.format("h128:%016x%016x", hi, lo);
    }

    private static long hash(Node n, long seed) {
        long h = seed;
        if (n.isLiteral()) {
            h = fnv(h, n.getLiteralLexicalForm());
            h = fnv(h ^ 'L', n.getLiteralLanguage());
            h = fnv(h ^ 'T', n.getLiteralDatatypeURI());
        } else {
            h = fnv(h ^ (n.isURI() ? 'U' : 'B'), n.isURI() ? n.getURI() : n.getBlankNodeLabel());
        }
        return mix(h);
    }

    private static long fnv(long h, String s) {
        for (int i = 0; i < s.length(); i++) h = (h ^ s.charAt(i)) * 0x100000001B3L;
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Replaces a reference dataset (O*NET, ESCO) in its own named graph, in one transaction, and
     * describes it in the catalog: title, version, license, attribution, source, triple count.
     * Returns the number of triples stored.
     */
    public long importReference(Node graph, Graph content, String title, String version, String license,
                                String attribution, String source, LongConsumer progress) {
        Instant now = Instant.now();
        return Txn.calculateWrite(dsg, () -> {
            clearGraph(graph);
            long n = 0;
            Iterator<Triple> it = content.find();
            while (it.hasNext()) {
                Triple t = it.next();
                dsg.add(graph, t.getSubject(), t.getPredicate(), t.getObject());
                if (++n % PROGRESS_EVERY == 0) progress.accept(n);
            }
            progress.accept(n);
            Node c = Iris.CATALOG_GRAPH;
            dsg.deleteAny(c, graph, Node.ANY, Node.ANY);
            add(c, Iris.CATALOG, SG.rdfType, SG.dcatCatalog);
            add(c, Iris.CATALOG, SG.dcatDatasetProp, graph);
            add(c, graph, SG.rdfType, SG.dcatDataset);
            add(c, graph, SG.rdfType, NodeFactory.createURI(SG.VOID + "Dataset"));
            add(c, graph, SG.dctTitle, str(title));
            if (version != null) add(c, graph, SG.dcatVersion, str(version));
            if (license != null) add(c, graph, NodeFactory.createURI(SG.DCT + "license"), NodeFactory.createURI(license));
            if (attribution != null) add(c, graph, NodeFactory.createURI(SG.DCT + "rights"), str(attribution));
            if (source != null) add(c, graph, SG.dctSource, sourceNode(source));
            add(c, graph, SG.voidTriples, integer(n));
            add(c, graph, SG.provGeneratedAtTime, NodeFactory.createLiteralDT(now.toString(), XSDDatatype.XSDdateTime));
            touch();
            return n;
        });
    }

    /** All frameworks, by title. */
    public List<CatalogEntry> list() {
        return Txn.calculateRead(dsg, () -> select(Queries.get("catalog-list")));
    }

    /** The framework whose identifier, document IRI or graph IRI is {@code idOrUri}. */
    public CatalogEntry find(String idOrUri) {
        return list().stream()
                .filter(e -> e.identifier().equals(idOrUri) || e.document().equals(idOrUri) || e.graph().equals(idOrUri))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("no framework '" + idOrUri + "' in the store"));
    }

    private Optional<CatalogEntry> entryIn(Node graph) {
        return select(Queries.get("catalog-list")).stream().filter(e -> e.graph().equals(graph.getURI())).findFirst();
    }

    private List<CatalogEntry> select(String sparql) {
        List<CatalogEntry> out = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(sparql).build()) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                out.add(new CatalogEntry(
                        s.getLiteral("identifier").getString(), s.getResource("graph").getURI(),
                        s.getResource("document").getURI(), text(s, "title"), text(s, "publisher"),
                        text(s, "frameworkVersion"), text(s, "source"),
                        Instant.parse(s.getLiteral("importedAt").getLexicalForm()),
                        s.getLiteral("items").getLong(), s.getLiteral("associations").getLong(),
                        s.getLiteral("triples").getLong(), s.getLiteral("hash").getString(),
                        s.getLiteral("importVersion").getLong(), text(s, "caseVersion"), text(s, "previous")));
            }
        }
        return out;
    }

    private static String text(QuerySolution s, String var) {
        var n = s.get(var);
        if (n == null) return null;
        return n.isLiteral() ? n.asLiteral().getLexicalForm() : n.asResource().getURI();
    }

    /** A copy of a stored framework's graph. */
    public Graph frameworkGraph(CatalogEntry e) {
        return Txn.calculateRead(dsg, () -> {
            Graph copy = GraphFactory.createGraphMem();
            dsg.getGraph(NodeFactory.createURI(e.graph())).find().forEachRemaining(copy::add);
            return copy;
        });
    }

    /** All quads of one framework graph, read in a read transaction. */
    public <T> T read(Function<DatasetGraph, T> work) {
        return Txn.calculateRead(dsg, () -> work.apply(dsg));
    }

    /** Removes a framework and its catalog entry (version records stay). */
    public void remove(String idOrUri) {
        CatalogEntry e = find(idOrUri);
        Txn.executeWrite(dsg, () -> {
            Node g = NodeFactory.createURI(e.graph());
            clearGraph(g);
            dsg.deleteAny(Iris.CATALOG_GRAPH, g, Node.ANY, Node.ANY);
            dsg.deleteAny(Iris.CATALOG_GRAPH, Iris.CATALOG, SG.dcatDatasetProp, g);
            touch();
        });
    }

    /** Number of quads in the whole store (for tests and reports). */
    public long size() {
        return Txn.calculateRead(dsg, () -> {
            long n = 0;
            Iterator<Quad> it = dsg.find();
            while (it.hasNext()) { it.next(); n++; }
            return n;
        });
    }

    /** A SPARQL query over the store, default graph = union of all graphs. */
    public QueryExecution query(Query q) {
        return QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(q).set(TDB2.symUnionDefaultGraph, true).build();
    }

    @Override
    public void close() {
        if (ownsDataset) dsg.close();
    }
}
