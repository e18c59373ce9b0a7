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
import org.skillgraph.error.StoreUnavailableException;
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
 * in memory) or in an external SPARQL 1.1 store ({@link SparqlDataset}). In TDB2, importing a
 * framework is one write transaction: all of it is stored, or nothing, and a replaced version
 * stays in place until the new one commits. In an external store, the framework graph is
 * replaced in one request (Graph Store PUT), then the catalog in one SPARQL Update: the graph
 * first, so a failure in between leaves the new graph with the old catalog entry, and importing
 * again repairs it (its content hash differs from the one in the catalog). Queries see the union
 * of all graphs as their default graph.
 */
public final class Registry implements AutoCloseable {
    private static final int PROGRESS_EVERY = 1_000;

    private final DatasetGraph dsg;
    private final boolean ownsDataset;
    /** The external store, or null for TDB2 (then {@code dsg} is the TDB2 dataset). */
    private final SparqlDataset remote;
    private final Path dir;
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private final Snapshots snapshots;

    private Registry(DatasetGraph dsg, boolean ownsDataset, Snapshots snapshots, Path dir) {
        this.dsg = dsg;
        this.ownsDataset = ownsDataset;
        this.remote = dsg instanceof SparqlDataset s ? s : null;
        this.snapshots = snapshots;
        this.dir = dir;
        Federation.none().install(dsg.getContext());
    }

    /** A TDB2 store in {@code dir}, created when missing. */
    public static Registry openTdb2(Path dir) {
        return openTdb2(dir, Snapshots.DEFAULT_KEEP);
    }

    /** A TDB2 store in {@code dir} that keeps the content of the last {@code keepVersions} versions of each framework in {@code dir/versions}. */
    public static Registry openTdb2(Path dir, int keepVersions) {
        Snapshots kept = Snapshots.inFolder(dir.resolve("versions"), keepVersions);
        return new Registry(DatabaseMgr.connectDatasetGraph(dir.toString()), true, kept, dir);
    }

    /** A TDB2 store in memory, for tests and one-off conversions. */
    public static Registry inMemory() {
        return new Registry(DatabaseMgr.createDatasetGraph(), true, Snapshots.inMemory(Snapshots.DEFAULT_KEEP), null);
    }

    /** The kept content of imported versions (see {@link History}). */
    public Snapshots snapshots() { return snapshots; }

    /**
     * The registry in an external SPARQL 1.1 store. The store must query the union of its named
     * graphs as its default graph; that, and that it answers at all, is checked here.
     */
    public static Registry openSparql(SparqlEndpoints at) {
        SparqlDataset ds = new SparqlDataset(at);
        if (ds.ask(Queries.get("store-union-check")))
            throw new StoreUnavailableException(at.query(), "does not query the union of its named graphs as its default graph;"
                    + " configure it to (Fuseki: tdb2:unionDefaultGraph true; GraphDB, Virtuoso, Neptune: the default)", null);
        return new Registry(ds, true, Snapshots.inMemory(Snapshots.DEFAULT_KEEP), null);
    }

    /** The external store's endpoints, when the registry is in one. */
    public Optional<SparqlEndpoints> external() {
        return remote == null ? Optional.empty() : Optional.of(remote.endpoints());
    }

    /**
     * A number that changes whenever this process changes the store (imports, removals, and
     * writes through the server, which call {@link #touch()}); part of HTTP ETags.
     */
    public long generation() { return generation.get(); }

    /** Notes a change made to the dataset directly (SPARQL Update, Graph Store writes). */
    public void touch() { generation.incrementAndGet(); }

    /** The dataset behind the registry (shared with the SPARQL server). */
    public DatasetGraph dataset() { return dsg; }

    /** The store's folder (TDB2 on disk), or null in memory; the vector cache of {@code align} lives there. */
    public Path directory() { return dir; }

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
        return importFramework(fg, source, title, publisher, frameworkVersion, repairs, progress, null);
    }

    /**
     * As above; {@code harvest}, when not null, says where a harvested framework came from and is
     * recorded on the catalog entry and the version record (for an unchanged framework: on the entry).
     */
    public ImportResult importFramework(FrameworkGraph fg, String source, String title, String publisher,
                                        String frameworkVersion, int repairs, LongConsumer progress,
                                        HarvestProvenance harvest) {
        Node graph = Iris.frameworkGraph(fg.identifier());
        String hash = contentHash(fg.graph());
        Instant now = Instant.now();
        // The catalog entry is read back after the commit: an external store applies the catalog update then.
        record Outcome(CatalogEntry unchanged, boolean replaced) {}
        Outcome o = Txn.calculateWrite(dsg, () -> {
            Optional<CatalogEntry> prev = entryIn(graph);
            if (prev.isPresent() && prev.get().contentHash().equals(hash)) {
                snapshots.save(hash, fg.graph()); // a store made before versions were kept
                if (harvest != null) harvest.writeEntry(dsg, graph);
                return new Outcome(prev.get(), false);
            }
            long n = replaceGraph(graph, fg.graph(), progress);
            long version = prev.map(p -> p.importVersion() + 1).orElse(1L);
            writeCatalog(graph, fg, source, title, publisher, frameworkVersion, hash, now, version, n, repairs, prev);
            if (harvest != null)
                harvest.writeVersion(dsg, graph, Iris.frameworkVersion(fg.identifier(), version), Iris.harvestActivity(fg.identifier(), version));
            keepVersion(hash, fg.graph());
            return new Outcome(null, prev.isPresent());
        });
        if (o.unchanged() != null) {
            if (harvest != null) touch();
            return new ImportResult(o.unchanged(), false, true);
        }
        touch();
        return new ImportResult(read(d -> entryIn(graph)).orElseThrow(), o.replaced(), false);
    }

    /**
     * Replaces the content of a named graph and returns its number of triples: in TDB2 inside the
     * caller's write transaction; in an external store at once, in one request. {@code progress}
     * is told how many triples are written (external store: counted before sending); if it
     * throws, nothing changes.
     */
    private long replaceGraph(Node graph, Graph content, LongConsumer progress) {
        long n = 0;
        Iterator<Triple> it = content.find();
        if (remote != null) {
            while (it.hasNext()) {
                it.next();
                if (++n % PROGRESS_EVERY == 0) progress.accept(n);
            }
            progress.accept(n);
            remote.putGraph(graph, content);
            return n;
        }
        clearGraph(graph);
        while (it.hasNext()) {
            Triple t = it.next();
            dsg.add(graph, t.getSubject(), t.getPredicate(), t.getObject());
            if (++n % PROGRESS_EVERY == 0) progress.accept(n);
        }
        progress.accept(n);
        return n;
    }

    /**
     * Keeps the content of a new version (when {@code hash} is not null) and drops kept content
     * beyond the last {@link Snapshots#keep()} versions of each framework in the catalog.
     */
    private void keepVersion(String hash, Graph content) {
        java.util.Set<String> kept = History.keptHashes(dsg, snapshots.keep());
        if (hash != null) {
            snapshots.save(hash, content);
            if (snapshots.keep() > 0) kept.add(hash);
        }
        snapshots.retainOnly(kept);
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
        long stored = Txn.calculateWrite(dsg, () -> {
            long n = replaceGraph(graph, content, progress);
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
            return n;
        });
        touch();
        return stored;
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
        try (QueryExecution qe = query(QueryFactory.create(sparql))) {
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
        if (remote != null) return remote.getGraphCopy(NodeFactory.createURI(e.graph()));
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
            // The graph first, then the catalog (as for imports): removing again finishes a removal that failed in between.
            if (remote != null) remote.dropGraph(g);
            else clearGraph(g);
            dsg.deleteAny(Iris.CATALOG_GRAPH, g, Node.ANY, Node.ANY);
            dsg.deleteAny(Iris.CATALOG_GRAPH, Iris.CATALOG, SG.dcatDatasetProp, g);
            keepVersion(null, null);
        });
        touch();
    }

    /** Records that a harvest found the stored version of a framework still current (e.g. HTTP 304). */
    public void confirmHarvest(String identifier, HarvestProvenance harvest) {
        Node graph = Iris.frameworkGraph(identifier);
        Txn.executeWrite(dsg, () -> {
            if (entryIn(graph).isEmpty()) throw new NotFoundException("no framework '" + identifier + "' in the store");
            harvest.writeEntry(dsg, graph);
            touch();
        });
    }

    /**
     * Marks a framework as withdrawn by its provider: it stays stored and served, and its entry says
     * since when ({@code sg:withdrawnAt}) until a harvest finds it listed again.
     */
    public void markWithdrawn(String identifier, Instant at) {
        Node graph = Iris.frameworkGraph(identifier);
        Txn.executeWrite(dsg, () -> {
            if (entryIn(graph).isEmpty()) throw new NotFoundException("no framework '" + identifier + "' in the store");
            if (dsg.contains(Iris.CATALOG_GRAPH, graph, SG.withdrawnAt, Node.ANY)) return;
            dsg.add(Iris.CATALOG_GRAPH, graph, SG.withdrawnAt, HarvestProvenance.time(at));
            touch();
        });
    }

    /**
     * Replaces the content of a named graph that is not a framework (e.g. the harvest sources) in
     * one transaction.
     */
    public void replaceGraph(Node graph, Graph content) {
        Txn.executeWrite(dsg, () -> replaceGraph(graph, content, n -> {}));
        touch();
    }

    /** Number of quads in the whole store (for tests and reports). */
    public long size() {
        if (remote != null) return remote.size();
        return Txn.calculateRead(dsg, () -> {
            long n = 0;
            Iterator<Quad> it = dsg.find();
            while (it.hasNext()) { it.next(); n++; }
            return n;
        });
    }

    /** A SPARQL query over the store, default graph = union of all graphs. */
    public QueryExecution query(Query q) {
        if (remote != null) return remote.query(q);
        return QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(q).set(TDB2.symUnionDefaultGraph, true).build();
    }

    @Override
    public void close() {
        if (ownsDataset) dsg.close();
    }
}
