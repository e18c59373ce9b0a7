package org.skillgraph.cli;

import org.skillgraph.harvest.HarvestOptions;
import org.skillgraph.harvest.HarvestService;
import org.skillgraph.pipeline.SampleData;
import org.skillgraph.server.RegistryServer;
import org.skillgraph.server.ServerConfig;
import org.skillgraph.store.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "serve", description = {
        "Run the registry server: SPARQL, the CASE REST API and resolvable URIs over the store.",
        "Read-only unless a write token is given. An empty store is first loaded with the sample data:",
        "the sample frameworks, a small O*NET subset and the sample alignments to it."})
final class ServeCommand implements Callable<Integer> {
    private static final Duration HARVEST_TICK = Duration.ofSeconds(30);
    @Mixin StoreOptions store;
    @Mixin FederationOptions federation;
    @Spec CommandSpec spec;

    @Option(names = "--port", defaultValue = "3030", description = "HTTP port (0: any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Interface: 0.0.0.0 for all, localhost for loopback only. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--base-uri", paramLabel = "URL", description = "Public address of this registry, used in links and minted IRIs (default: $SKILLGRAPH_BASE_URI, else the address each request was sent to).")
    String baseUri;

    @Option(names = "--write-token", paramLabel = "TOKEN", description = "Bearer token that allows SPARQL Update and Graph Store writes (default: $SKILLGRAPH_WRITE_TOKEN; none: read-only).")
    String writeToken;

    @Option(names = "--query-timeout", defaultValue = "30", paramLabel = "SECONDS", description = "Time limit of one SPARQL query. Default: ${DEFAULT-VALUE}.")
    long queryTimeout;

    @Option(names = "--max-body", defaultValue = "10485760", paramLabel = "BYTES", description = "Largest request body accepted. Default: ${DEFAULT-VALUE}.")
    long maxBody;

    @Option(names = "--no-samples", description = "Do not load the sample data into an empty store.")
    boolean noSamples;

    @Option(names = "--allow-private-addresses", description = "Let harvest sources be on loopback, private or link-local addresses (refused by default).")
    boolean allowPrivate;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        String base = baseUri != null ? baseUri : System.getenv("SKILLGRAPH_BASE_URI");
        String token = writeToken != null ? writeToken : System.getenv("SKILLGRAPH_WRITE_TOKEN");
        ServerConfig config = new ServerConfig(host, port, base == null || base.isBlank() ? null : base,
                token == null || token.isBlank() ? null : token, Duration.ofSeconds(queryTimeout), maxBody,
                ServerConfig.DEFAULT_MAX_PAGE);
        Registry registry = store.open();
        if (!noSamples && registry.list().isEmpty()) loadSamples(registry, out);
        org.skillgraph.store.Federation policy = federation.policy();
        policy.install(registry.dataset().getContext());
        HarvestService harvest = new HarvestService(registry, HarvestOptions.defaults().withAllowPrivate(allowPrivate), System::getenv);
        RegistryServer server = RegistryServer.start(registry, config, harvest);
        // Harvesting writes: a read-only server (e.g. a read replica) leaves it to the one that may write.
        if (!config.readOnly()) harvest.start(HARVEST_TICK);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> { server.close(); registry.close(); }));
        String url = config.baseUri() != null ? config.baseUri() : server.localUrl();
        out.println("skillgraph is serving " + registry.list().size() + " frameworks from " + store.describe());
        out.println("  query page        " + url);
        out.println("  SPARQL endpoint   " + url + "sparql");
        out.println("  CASE API          " + url + "ims/case/v1p1/CFDocuments");
        out.println("  entity URIs       " + url + "uri/{identifier}");
        out.println("  catalog           " + url + "catalog, " + url + "api/frameworks");
        out.println("  alignment API     " + url + "api/align/suggest?source=...&target=...");
        out.println("  health            " + url + "$/ping");
        if (!policy.endpoints().isEmpty()) out.println("  SERVICE may call  " + String.join(", ", policy.endpoints()));
        out.println("  harvest sources   " + url + "api/sources (" + harvest.sources().list().size()
                + (config.readOnly() ? ", not harvested: read-only)" : ", checked every " + HARVEST_TICK.toSeconds() + " s)"));
        out.println(config.readOnly() ? "  read-only (no write token)" : "  updates allowed with the write token");
        out.flush();
        server.join();
        return Main.OK;
    }

    /** Loads the bundled sample data: frameworks, the O*NET subset and the accepted alignments to it. */
    private static void loadSamples(Registry registry, PrintWriter out) throws IOException {
        SampleData.Loaded l = SampleData.load(registry);
        for (String title : l.frameworks()) out.println("loaded sample framework " + ImportCommand.quote(title));
        if (l.onetTriples() > 0) out.printf("loaded the O*NET sample subset (%,d triples)%n", l.onetTriples());
        if (l.alignmentQuads() > 0) out.printf("loaded the sample alignments to O*NET and their suggestions (%,d quads)%n", l.alignmentQuads());
    }
}
