package org.skillgraph.testutil;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.skillgraph.store.SparqlEndpoints;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A second, independent SPARQL 1.1 store for tests: a Fuseki server of its own on a free loopback
 * port over an in-memory TDB2 dataset at {@code /ds}, with separate query, update and Graph Store
 * endpoints ({@code /ds/query}, {@code /ds/update}, {@code /ds/data}; the dataset URL answers all
 * three too). Optionally wants a bearer token, and can be told to fail SPARQL Updates.
 */
public final class TestFuseki implements AutoCloseable {
    private final FusekiServer server;
    private final DatasetGraph dsg;
    private final AtomicBoolean failUpdates = new AtomicBoolean();
    private final AtomicInteger requests = new AtomicInteger();

    private TestFuseki(boolean unionDefaultGraph, String token) {
        dsg = DatabaseMgr.createDatasetGraph();
        if (unionDefaultGraph) dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        dsg.getContext().set(ARQ.queryTimeout, "5000");
        DataService data = DataService.newBuilder(dsg)
                .addEndpoint(Operation.Query).addEndpoint(Operation.Update).addEndpoint(Operation.GSP_RW)
                .addEndpoint(Operation.Query, "query").addEndpoint(Operation.Update, "update").addEndpoint(Operation.GSP_RW, "data")
                .build();
        server = FusekiServer.create().port(0).loopback(true).add("/ds", data)
                .addFilter("/*", new Guard(token)).build().start();
    }

    /** A store as skillgraph needs it: the union of the named graphs is the default graph. */
    public static TestFuseki start() { return new TestFuseki(true, null); }

    /** A store whose every request must carry {@code Authorization: Bearer token}. */
    public static TestFuseki withToken(String token) { return new TestFuseki(true, token); }

    /** A store whose default graph is a graph of its own (not what skillgraph needs). */
    public static TestFuseki withoutUnionDefaultGraph() { return new TestFuseki(false, null); }

    public int port() { return server.getHttpPort(); }

    public String datasetUrl() { return "http://127.0.0.1:" + port() + "/ds"; }

    /** The {@code --store} value naming the dataset URL. */
    public String storeOption() { return SparqlEndpoints.SCHEME + datasetUrl(); }

    /** The three endpoints given one by one. */
    public SparqlEndpoints endpoints(String authorization) {
        return new SparqlEndpoints(datasetUrl() + "/query", datasetUrl() + "/update", datasetUrl() + "/data", authorization);
    }

    public SparqlEndpoints endpoints() { return endpoints(null); }

    /** The store's own dataset, to look at what was written. */
    public DatasetGraph dataset() { return dsg; }

    /** From now on, SPARQL Update requests fail with 500 (Graph Store requests still work). */
    public void failUpdates(boolean fail) { failUpdates.set(fail); }

    /** HTTP requests received so far. */
    public int requests() { return requests.get(); }

    @Override
    public void close() { server.stop(); }

    private final class Guard implements Filter {
        private final String token;

        Guard(String token) { this.token = token; }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
            HttpServletRequest req = (HttpServletRequest) request;
            HttpServletResponse resp = (HttpServletResponse) response;
            requests.incrementAndGet();
            if (token != null && !("Bearer " + token).equals(req.getHeader("Authorization"))) {
                resp.sendError(401, "bearer token required");
                return;
            }
            String ct = req.getContentType() == null ? "" : req.getContentType();
            if (failUpdates.get() && (req.getRequestURI().endsWith("/update") || ct.startsWith("application/sparql-update"))) {
                resp.sendError(500, "updates fail (simulated)");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
