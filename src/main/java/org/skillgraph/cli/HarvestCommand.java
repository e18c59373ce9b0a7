package org.skillgraph.cli;

import org.skillgraph.harvest.Auth;
import org.skillgraph.harvest.HarvestOptions;
import org.skillgraph.harvest.HarvestReport;
import org.skillgraph.harvest.Harvester;
import org.skillgraph.harvest.SourceList;
import org.skillgraph.pipeline.Pipeline;
import org.skillgraph.store.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "harvest", description = {
        "Copy the frameworks of a CASE 1.0 / 1.1 provider into the store: lists CFDocuments, fetches the CFPackages",
        "that changed since the last harvest, and imports each like a file (validated, one transaction each).",
        "URL is the API base (https://host/ims/case/v1p0 or v1p1) or a bare host (the version is found).",
        "Frameworks harvested before that the provider no longer lists are marked withdrawn, not deleted."})
final class HarvestCommand implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "URL", description = "The CASE provider.")
    String url;

    @Option(names = "--since", paramLabel = "DATETIME", description = "Only documents whose lastChangeDateTime is at or after this (ISO 8601, e.g. 2025-01-31T00:00:00Z or 2025-01-31).")
    String since;

    @Option(names = "--documents", split = ",", paramLabel = "ID", description = "Only these CFDocument identifiers (comma-separated).")
    List<String> documents;

    @Option(names = "--full", description = "Fetch every package (conditionally, with If-None-Match) even when its lastChangeDateTime is unchanged.")
    boolean full;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Bearer token for the provider (default: $SKILLGRAPH_HARVEST_TOKEN).")
    String token;

    @Option(names = "--client-id", paramLabel = "ID", description = "OAuth 2.0 client id (client credentials grant).")
    String clientId;

    @Option(names = "--client-secret", paramLabel = "SECRET", description = "OAuth 2.0 client secret (default: $SKILLGRAPH_CLIENT_SECRET).")
    String clientSecret;

    @Option(names = "--token-url", paramLabel = "URL", description = "OAuth 2.0 token endpoint.")
    String tokenUrl;

    @Option(names = "--scope", paramLabel = "SCOPE", description = "OAuth 2.0 scope to ask for.")
    String scope;

    @Option(names = "--allow-private-addresses", description = "Allow loopback, private and link-local addresses (refused by default).")
    boolean allowPrivate;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS", description = "Time limit of one request, body included. Default: ${DEFAULT-VALUE}.")
    long timeout;

    @Option(names = "--max-response-bytes", defaultValue = "268435456", paramLabel = "BYTES", description = "Largest response accepted. Default: ${DEFAULT-VALUE}.")
    long maxBytes;

    @Option(names = "--page-size", defaultValue = "100", paramLabel = "N", description = "Documents asked for per page of CFDocuments. Default: ${DEFAULT-VALUE}.")
    int pageSize;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HarvestOptions options = new HarvestOptions(auth(), parseSince(since),
                documents == null ? null : new LinkedHashSet<>(documents), full, allowPrivate,
                Duration.ofSeconds(timeout), maxBytes, pageSize);
        try (Registry registry = store.open()) {
            HarvestReport r = new Harvester(registry, new Pipeline()).harvest(url, options, o -> {
                out.printf("%-12s %s (%s)%s%n", o.status().name().toLowerCase().replace('_', ' '),
                        ImportCommand.quote(o.title()), o.identifier(), o.message() == null ? "" : ": " + o.message());
                out.flush();
            });
            new SourceList(registry).record(url, r, Instant.now());
            if (r.error() != null) err.println("rejected: " + r.error());
            out.println((r.apiBase() == null ? url : r.apiBase()) + ": " + r.summary());
            return r.ok() ? Main.OK : Main.REJECTED;
        }
    }

    private Auth auth() {
        String t = token != null ? token : System.getenv("SKILLGRAPH_HARVEST_TOKEN");
        if (clientId != null) {
            String secret = clientSecret != null ? clientSecret : System.getenv("SKILLGRAPH_CLIENT_SECRET");
            if (secret == null || tokenUrl == null)
                throw new IllegalArgumentException("--client-id needs --client-secret (or $SKILLGRAPH_CLIENT_SECRET) and --token-url");
            return new Auth.ClientCredentials(clientId, secret, tokenUrl, scope);
        }
        if (clientSecret != null || tokenUrl != null) throw new IllegalArgumentException("--client-secret and --token-url go with --client-id");
        return t == null || t.isBlank() ? Auth.NONE : new Auth.Bearer(t);
    }

    static Instant parseSince(String s) {
        if (s == null) return null;
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(s).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("--since takes an ISO 8601 date-time or date, not '" + s + "'");
            }
        }
    }
}
