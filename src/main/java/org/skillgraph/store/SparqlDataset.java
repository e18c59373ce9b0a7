package org.skillgraph.store;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.JenaTransactionException;
import org.apache.jena.sparql.core.DatasetGraphBaseFind;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.QueryExecutionAdapter;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.GSP;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.UpdateExecHTTP;
import org.apache.jena.sparql.modify.request.QuadAcc;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataDelete;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDeleteWhere;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;
import org.skillgraph.error.StoreUnavailableException;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The registry's dataset kept in an external SPARQL 1.1 store, seen through Jena's
 * {@code DatasetGraph} so that every reader of the registry works on it unchanged.
 * <ul>
 *   <li>Reads: each {@code find(g, s, p, o)} is one SELECT ({@code store-quads.rq}, the given
 *       terms substituted) sent to the query endpoint; its rows are read at once.</li>
 *   <li>Writes: a write transaction collects adds, deletes and pattern deletes, and its commit sends
 *       them as one SPARQL Update request (stores run a request in one transaction). Reads inside
 *       a write transaction do not see its own pending changes.</li>
 *   <li>Whole graphs: {@link #putGraph} and {@link #dropGraph} are one Graph Store Protocol request
 *       each, sent at once.</li>
 * </ul>
 * Read transactions isolate nothing: each request sees the store as it is then. One write
 * transaction at a time per process. Failures become {@link StoreUnavailableException}.
 */
public final class SparqlDataset extends DatasetGraphBaseFind {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(120);

    private static final Var G = Var.alloc("g"), S = Var.alloc("s"), P = Var.alloc("p"), O = Var.alloc("o");

    private final SparqlEndpoints at;
    private final HttpClient http;
    private final Context context = Context.create();
    private final PrefixMap prefixes = PrefixMapFactory.create();
    private final ReentrantLock writer = new ReentrantLock();
    private final ThreadLocal<Txn> txn = new ThreadLocal<>();

    /**
     * One transaction of one thread: its type; for reads, the answers already fetched (the quads
     * of each subject asked about, the answers of other patterns); for writes, the update being
     * collected.
     */
    private static final class Txn {
        TxnType type;
        final java.util.Map<Node, List<Quad>> bySubject = new java.util.HashMap<>();
        final java.util.Map<List<Node>, List<Quad>> byPattern = new java.util.HashMap<>();
        final java.util.Map<Node, Graph> graphs = new java.util.HashMap<>();
        final UpdateRequest pending = new UpdateRequest();
        QuadDataAcc inserts, deletes;

        Txn(TxnType type) { this.type = type; }

        boolean writes() { return type == TxnType.WRITE; }
    }

    public SparqlDataset(SparqlEndpoints at) {
        this.at = at;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public SparqlEndpoints endpoints() { return at; }

    // ---- reads --------------------------------------------------------------------------------

    @Override
    protected Iterator<Quad> findInDftGraph(Node s, Node p, Node o) {
        // The registry writes named graphs only; its default graph (for queries, their union) holds nothing.
        return List.<Quad>of().iterator();
    }

    @Override
    protected Iterator<Quad> findInSpecificNamedGraph(Node g, Node s, Node p, Node o) {
        return cached(g, s, p, o).iterator();
    }

    @Override
    protected Iterator<Quad> findInAnyNamedGraphs(Node s, Node p, Node o) {
        return cached(Node.ANY, s, p, o).iterator();
    }

    /**
     * Inside a read transaction, a subject's quads are fetched once, all of them (readers ask
     * for one field after another), and any other pattern once; outside, every find is a request.
     */
    private List<Quad> cached(Node g, Node s, Node p, Node o) {
        Txn t = txn.get();
        if (t == null || t.writes()) return quads(g, s, p, o);
        Graph whole = g != null && g.isConcrete() ? t.graphs.get(g) : null;
        if (whole != null) return whole.find(any(s), any(p), any(o)).mapWith(x -> Quad.create(g, x)).toList();
        if (s != null && s.isConcrete()) {
            List<Quad> all = t.bySubject.computeIfAbsent(s, x -> quads(Node.ANY, x, Node.ANY, Node.ANY));
            Node gm = any(g), pm = any(p), om = any(o);
            return all.stream().filter(q -> q.matches(gm, s, pm, om)).toList();
        }
        return t.byPattern.computeIfAbsent(java.util.Arrays.asList(g, s, p, o), x -> quads(g, s, p, o));
    }

    private List<Quad> quads(Node g, Node s, Node p, Node o) {
        Query q = QueryFactory.create(Queries.get("store-quads"));
        return remote(at.query(), () -> {
            QueryExecBuilder b = queryExec(q);
            bind(b, G, g);
            bind(b, S, s);
            bind(b, P, p);
            bind(b, O, o);
            List<Quad> out = new ArrayList<>();
            try (var qe = b.build()) {
                RowSet rows = qe.select();
                while (rows.hasNext()) {
                    Binding r = rows.next();
                    out.add(Quad.create(r.get(G), r.get(S), r.get(P), r.get(O)));
                }
            }
            return out;
        });
    }

    /**
     * For the rest of this thread's read transaction, answers finds in graph {@code g} from one
     * copy fetched now (one Graph Store GET): for readers about to read all of it, such as a whole
     * CASE package. Outside a read transaction it does nothing.
     */
    public void prefetch(Node g) {
        Txn t = txn.get();
        if (t != null && !t.writes() && !t.graphs.containsKey(g)) t.graphs.put(g, getGraphCopy(g));
    }

    /** Callers pass null or Node.ANY for "any". */
    private static Node any(Node n) { return n == null ? Node.ANY : n; }

    private static void bind(QueryExecBuilder b, Var v, Node n) {
        if (n != null && n.isConcrete()) b.substitution(v, n);
    }

    @Override
    public Iterator<Node> listGraphNodes() {
        Query q = QueryFactory.create(Queries.get("store-graphs"));
        return remote(at.query(), () -> {
            List<Node> out = new ArrayList<>();
            try (var qe = queryExec(q).build()) {
                qe.select().forEachRemaining(r -> out.add(r.get(G)));
            }
            return out;
        }).iterator();
    }

    @Override
    public long size() {
        Query q = QueryFactory.create(Queries.get("store-size"));
        return remote(at.query(), () -> {
            try (var qe = queryExec(q).build()) {
                RowSet rows = qe.select();
                return rows.hasNext() ? Long.parseLong(rows.next().get("n").getLiteralLexicalForm()) : 0L;
            }
        });
    }

    /** A query run by the store itself; the store must answer with the union of its named graphs as default graph. */
    public QueryExecution query(Query q) {
        return new Answered(queryExec(q).build());
    }

    /**
     * A query sent to the store whose answer is read in full at once, so that a failure surfaces
     * here, as a {@link StoreUnavailableException} naming the store.
     */
    private final class Answered extends QueryExecutionAdapter {
        Answered(QueryExec qe) { super(qe); }

        @Override
        public ResultSet execSelect() { return remote(at.query(), () -> ResultSetFactory.copyResults(Answered.super.execSelect())); }

        @Override
        public boolean execAsk() { return remote(at.query(), Answered.super::execAsk); }

        @Override
        public Model execConstruct() { return remote(at.query(), () -> Answered.super.execConstruct()); }

        @Override
        public Model execDescribe() { return remote(at.query(), () -> Answered.super.execDescribe()); }
    }

    /** Whether the store answers an ASK query true. */
    public boolean ask(String sparql) {
        Query q = QueryFactory.create(sparql);
        return remote(at.query(), () -> {
            try (var qe = queryExec(q).build()) {
                return qe.ask();
            }
        });
    }

    private QueryExecBuilder queryExec(Query q) {
        return QueryExecHTTP.service(at.query()).httpClient(http).httpHeaders(headers())
                .timeout(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).query(q);
    }

    private java.util.Map<String, String> headers() {
        return at.authorization() == null ? java.util.Map.of() : java.util.Map.of("Authorization", at.authorization());
    }

    // ---- whole graphs (Graph Store Protocol) -------------------------------------------------

    /** Replaces graph {@code g} with {@code content} in one request (Graph Store PUT). */
    public void putGraph(Node g, Graph content) {
        remote(at.graphStore(), () -> {
            gsp(g).contentType(RDFFormat.NTRIPLES).PUT(content);
            return null;
        });
    }

    /** Deletes graph {@code g} in one request (Graph Store DELETE); a graph already absent is fine. */
    public void dropGraph(Node g) {
        remote(at.graphStore(), () -> {
            try {
                gsp(g).DELETE();
            } catch (HttpException e) {
                if (e.getStatusCode() != 404) throw e;
            }
            return null;
        });
    }

    /** Graph {@code g} as stored (Graph Store GET). */
    public Graph getGraphCopy(Node g) {
        return remote(at.graphStore(), () -> {
            try {
                // N-Triples first: streamed by every store, and far quicker to write than pretty Turtle
                return gsp(g).acceptHeader("application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5").GET();
            } catch (HttpException e) {
                if (e.getStatusCode() == 404) return org.apache.jena.sparql.graph.GraphFactory.createGraphMem();
                throw e;
            }
        });
    }

    private GSP gsp(Node g) {
        GSP gsp = GSP.service(at.graphStore()).httpClient(http).graphName(g);
        if (at.authorization() != null) gsp.httpHeader("Authorization", at.authorization());
        return gsp;
    }

    // ---- writes (collected in the write transaction) -------------------------------------------

    @Override
    public void add(Quad q) {
        Txn t = writing();
        if (t.inserts == null) {
            t.inserts = new QuadDataAcc();
            t.pending.add(new UpdateDataInsert(t.inserts));
            t.deletes = null;
        }
        t.inserts.addQuad(q);
    }

    @Override
    public void delete(Quad q) {
        Txn t = writing();
        if (t.deletes == null) {
            t.deletes = new QuadDataAcc();
            t.pending.add(new UpdateDataDelete(t.deletes));
            t.inserts = null;
        }
        t.deletes.addQuad(q);
    }

    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        QuadAcc pattern = new QuadAcc();
        pattern.addQuad(Quad.create(term(g, G), term(s, S), term(p, P), term(o, O)));
        append(new UpdateDeleteWhere(pattern));
    }

    private static Node term(Node n, Var v) { return n == null || !n.isConcrete() ? v : n; }

    @Override
    public void removeGraph(Node g) {
        append(new UpdateDrop(g, true));
    }

    @Override
    public void addGraph(Node g, Graph graph) {
        removeGraph(g);
        graph.find().forEachRemaining(t -> add(Quad.create(g, t)));
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("skillgraph does not clear an external store");
    }

    private void append(Update u) {
        Txn t = writing();
        t.pending.add(u);
        t.inserts = null;
        t.deletes = null;
    }

    private Txn writing() {
        Txn t = txn.get();
        if (t == null || !t.writes()) throw new JenaTransactionException("a write to the external store outside a write transaction");
        return t;
    }

    // ---- transactions --------------------------------------------------------------------------

    @Override
    public boolean supportsTransactions() { return true; }

    @Override
    public boolean supportsTransactionAbort() { return true; }

    @Override
    public void begin(TxnType type) {
        if (txn.get() != null) throw new JenaTransactionException("already in a transaction");
        TxnType t = type == TxnType.WRITE ? TxnType.WRITE : type == TxnType.READ ? TxnType.READ : type;
        if (t == TxnType.WRITE) writer.lock();
        txn.set(new Txn(t));
    }

    @Override
    public void begin(ReadWrite mode) { begin(TxnType.convert(mode)); }

    @Override
    public boolean promote(Promote mode) {
        Txn t = txn.get();
        if (t == null) throw new JenaTransactionException("not in a transaction");
        if (t.writes()) return true;
        if (t.type == TxnType.READ) return false;
        writer.lock();
        t.type = TxnType.WRITE;
        return true;
    }

    @Override
    public void commit() {
        Txn t = txn.get();
        if (t == null) throw new JenaTransactionException("not in a transaction");
        try {
            if (t.writes() && !t.pending.getOperations().isEmpty()) {
                UpdateRequest req = t.pending;
                remote(at.update(), () -> {
                    UpdateExecHTTP.service(at.update()).httpClient(http).httpHeaders(headers()).update(req).execute();
                    return null;
                });
            }
        } finally {
            finish(t); // a failed commit ends the transaction too: nothing of it is kept
        }
    }

    @Override
    public void abort() {
        Txn t = txn.get();
        if (t != null) finish(t);
    }

    @Override
    public void end() {
        Txn t = txn.get();
        if (t != null) finish(t);
    }

    private void finish(Txn t) {
        txn.remove();
        if (t.writes() && writer.isHeldByCurrentThread()) writer.unlock();
    }

    @Override
    public ReadWrite transactionMode() {
        Txn t = txn.get();
        return t == null ? null : t.writes() ? ReadWrite.WRITE : ReadWrite.READ;
    }

    @Override
    public TxnType transactionType() {
        Txn t = txn.get();
        return t == null ? null : t.type;
    }

    @Override
    public boolean isInTransaction() { return txn.get() != null; }

    // ---- the rest of DatasetGraph --------------------------------------------------------------

    @Override
    public Graph getDefaultGraph() { return GraphView.createDefaultGraph(this); }

    @Override
    public Graph getGraph(Node g) { return GraphView.createNamedGraph(this, g); }

    @Override
    public PrefixMap prefixes() { return prefixes; }

    @Override
    public Context getContext() { return context; }

    @Override
    public void close() {
        // The HTTP client holds no connection that outlives its requests (java.net.http in Java 17 has no close).
    }

    @Override
    public String toString() { return "external store " + at; }

    // ---- failures ------------------------------------------------------------------------------

    /** Runs one exchange with the store at {@code url}; a failure becomes a {@link StoreUnavailableException} naming it. */
    <T> T remote(String url, Supplier<T> work) {
        try {
            return work.get();
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unavailable(url, e);
        }
    }

    static StoreUnavailableException unavailable(String url, RuntimeException e) {
        int status = 0;
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof HttpException h && h.getStatusCode() > 0) { status = h.getStatusCode(); break; }
            if (c instanceof QueryExceptionHTTP h && h.getStatusCode() > 0) { status = h.getStatusCode(); break; }
        }
        String why;
        if (status == 401 || status == 403) why = "refused the credentials (HTTP " + status + "); give --store-token or --store-user/--store-password";
        else if (status > 0) why = "answered HTTP " + status + firstLine(e);
        else if (hasCause(e, IOException.class)) why = "could not be reached (" + rootMessage(e) + ")";
        else why = "failed: " + rootMessage(e);
        return new StoreUnavailableException(url, why, e);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable c = e; c != null; c = c.getCause()) if (type.isInstance(c)) return true;
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) c = c.getCause();
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getClass().getSimpleName() + ": " + c.getMessage();
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) return "";
        String line = m.strip().lines().findFirst().orElse("");
        return ": " + (line.length() > 200 ? line.substring(0, 200) + "..." : line);
    }
}
