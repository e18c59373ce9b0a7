package org.skillgraph.server;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.TDB2;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.skillgraph.server.align.AlignServlet;
import org.skillgraph.server.caseapi.CaseApiServlet;
import org.skillgraph.server.catalog.CatalogServlet;
import org.skillgraph.server.catalog.FrameworksServlet;
import org.skillgraph.harvest.HarvestOptions;
import org.skillgraph.harvest.HarvestService;
import org.skillgraph.server.credentials.CredentialsServlet;
import org.skillgraph.server.harvest.SourcesServlet;
import org.skillgraph.server.resolve.UriServlet;
import org.skillgraph.store.Registry;

/**
 * The registry's HTTP server: an embedded Fuseki over the registry's own dataset (one object,
 * one transaction system) plus skillgraph's endpoints. With an external store, the SPARQL, Graph
 * Store and Update endpoints pass requests on to it ({@link ForwardServlet}); the rest reads it
 * through the registry.
 * <pre>
 *   /sparql, /query   SPARQL 1.1 query (GET, POST); GET without a query: service description
 *   /data             Graph Store Protocol (read; write with the token)
 *   /update           SPARQL Update (only with a write token)
 *   /ims/case/v1p0/*, /ims/case/v1p1/*   CASE REST API
 *   /uri/{id}, /resolve?uri=   entity resolution with content negotiation
 *   /api/credentials/check, /api/alignments/resolve, /api/ob3/*   Open Badges / CLR alignment checks
 *   /catalog, /api/frameworks/*   the catalog (DCAT, PROV-O, VoID; JSON), versions and diffs
 *   /api/sources/*    harvest sources (changes with the token)
 *   /api/align/suggest, /api/align/accept   alignment suggestions (accept with the token)
 *   /api/recommend    concepts of a target scheme for the sentences of a posted document (read-only POST)
 *   /void             VoID description;   /   query page;   /$/ping, /$/metrics
 * </pre>
 */
public final class RegistryServer implements AutoCloseable {
    static final int RESPONSE_BUFFER = 64 * 1024;

    private final FusekiServer server;
    private final ServerConfig config;
    private final HarvestService harvest;

    private RegistryServer(FusekiServer server, ServerConfig config, HarvestService harvest) {
        this.server = server;
        this.config = config;
        this.harvest = harvest;
    }

    /** A server whose harvest sources are harvested only when asked (no schedule). */
    public static RegistryServer start(Registry registry, ServerConfig config) {
        return start(registry, config, new HarvestService(registry, HarvestOptions.defaults(), System::getenv));
    }

    /** A server with its harvesting (closed with the server). */
    public static RegistryServer start(Registry registry, ServerConfig config, HarvestService harvest) {
        DatasetGraph dsg = registry.dataset();
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        dsg.getContext().set(ARQ.queryTimeout, Long.toString(config.queryTimeout().toMillis()));

        FusekiServer.Builder b = FusekiServer.create()
                .port(config.port())
                .loopback(isLoopback(config.host()));
        if (registry.external().isPresent()) {
            // An external store answers SPARQL itself: the endpoints pass requests on (ForwardServlet).
            var at = registry.external().get();
            var query = new ForwardServlet(ForwardServlet.Kind.QUERY, at, config.queryTimeout());
            b.addServlet("/sparql", query).addServlet("/query", query)
                    .addServlet("/data", new ForwardServlet(ForwardServlet.Kind.GRAPH_STORE, at, config.queryTimeout()));
            if (!config.readOnly()) b.addServlet("/update", new ForwardServlet(ForwardServlet.Kind.UPDATE, at, config.queryTimeout()));
        } else {
            DataService.Builder data = DataService.newBuilder(dsg)
                    .addEndpoint(Operation.Query, "sparql")
                    .addEndpoint(Operation.Query, "query");
            if (config.readOnly()) {
                data.addEndpoint(Operation.GSP_R, "data");
            } else {
                data.addEndpoint(Operation.GSP_RW, "data").addEndpoint(Operation.Update, "update");
            }
            b.add("/", data);
        }
        b.enableCors(true, null)
                .enablePing(true)
                .enableMetrics(true)
                .addFilter("/*", new FrontFilter(registry, config))
                .addServlet("/ims/case/*", new CaseApiServlet(registry, config))
                .addServlet("/uri/*", new UriServlet(registry, config))
                .addServlet("/resolve", new UriServlet(registry, config))
                .addServlet("/api/sources/*", new SourcesServlet(harvest))
                .addServlet("/api/*", new CredentialsServlet(registry, config, harvest.sources()))
                .addServlet("/catalog", new CatalogServlet(registry, config))
                .addServlet("/api/frameworks/*", new FrameworksServlet(registry, config))
                .addServlet("/api/align/*", new AlignServlet(registry, config))
                .addServlet("/api/recommend", new RecommendServlet(registry, config));
        FusekiServer server = b.build();
        // Fuseki sets a 5 MiB response buffer; Jetty pools buffers only up to 64 KiB, so every
        // response without a Content-Length (ping, SPARQL results, metrics) allocated a fresh 5 MiB
        // direct buffer, and the server stalled in full GCs under load (bench/server, BENCHMARKS.md).
        // With 64 KiB, results that fit still get a clean error status if their query times out.
        for (Connector c : server.getJettyServer().getConnectors()) {
            HttpConnectionFactory http = c.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) http.getHttpConfiguration().setOutputBufferSize(RESPONSE_BUFFER);
        }
        server.start();
        int port = server.getHttpPort();
        ServerConfig actual = config.withPort(port);
        if (actual.baseUri() == null) actual = actual.withBaseUri("http://localhost:" + port + "/");
        return new RegistryServer(server, actual, harvest);
    }

    private static boolean isLoopback(String host) {
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("::1"));
    }

    public int port() { return server.getHttpPort(); }

    /** The server's own address, e.g. {@code http://localhost:3030/}. */
    public String localUrl() { return "http://localhost:" + port() + "/"; }

    public ServerConfig config() { return config; }

    public void join() { server.join(); }

    @Override
    public void close() {
        harvest.close();
        server.stop();
    }
}
