package org.skillgraph.cli;

import org.skillgraph.harvest.HarvestSource;
import org.skillgraph.harvest.SourceList;
import org.skillgraph.store.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

@Command(name = "source", description = {
        "The harvest sources that 'serve' harvests on schedule (kept in the store; a running server has the same list at /api/sources)."},
        subcommands = {SourceCommand.Add.class, SourceCommand.ListSources.class, SourceCommand.Remove.class})
final class SourceCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    @Command(name = "add", description = {"Add a CASE provider (or change the settings of one already listed).",
            "Secrets are not stored: name the environment variables of the server that hold them."})
    static final class Add implements Runnable {
        @Mixin StoreOptions store;
        @Spec CommandSpec spec;

        @Parameters(paramLabel = "URL", description = "CASE API base or bare host URL.")
        String url;

        @Option(names = "--interval", defaultValue = "1d", paramLabel = "INTERVAL", description = "Time between harvests: 30m, 6h, 1d or ISO 8601 (PT6H); at least 1 minute. Default: ${DEFAULT-VALUE}.")
        String interval;

        @Option(names = "--documents", split = ",", paramLabel = "ID", description = "Only these CFDocument identifiers.")
        List<String> documents;

        @Option(names = "--token-env", paramLabel = "VAR", description = "Environment variable holding a bearer token.")
        String tokenVariable;

        @Option(names = "--client-id", paramLabel = "ID", description = "OAuth 2.0 client id (client credentials grant).")
        String clientId;

        @Option(names = "--client-secret-env", paramLabel = "VAR", description = "Environment variable holding the client secret.")
        String secretVariable;

        @Option(names = "--token-url", paramLabel = "URL", description = "OAuth 2.0 token endpoint.")
        String tokenUrl;

        @Option(names = "--scope", paramLabel = "SCOPE", description = "OAuth 2.0 scope.")
        String scope;

        @Override
        public void run() {
            HarvestSource s = HarvestSource.of(url, HarvestSource.parseInterval(interval), documents, clientId, tokenUrl,
                    scope, secretVariable, tokenVariable, Instant.now());
            try (Registry registry = store.open()) {
                HarvestSource stored = new SourceList(registry).add(s);
                spec.commandLine().getOut().println("source " + stored.id() + " " + stored.url() + " every " + interval);
            }
        }
    }

    @Command(name = "list", description = "List the harvest sources and how their last harvest went.")
    static final class ListSources implements Runnable {
        @Mixin StoreOptions store;
        @Spec CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            try (Registry registry = store.open()) {
                for (HarvestSource s : new SourceList(registry).list()) {
                    out.println(s.id() + "  " + s.url() + "  every " + s.interval().toString().substring(2).toLowerCase()
                            + (s.documents().isEmpty() ? "" : "  documents " + String.join(",", s.documents())));
                    out.println("    last harvest: " + (s.lastAttemptAt() == null ? "never" : s.lastAttemptAt() + ": " + s.lastOutcome()));
                    if (s.lastError() != null) out.println("    last error (" + s.lastErrorAt() + ", " + s.failures() + " in a row): " + s.lastError());
                    out.println("    next due: " + s.nextDue());
                }
            }
        }
    }

    @Command(name = "remove", description = "Remove a harvest source (the frameworks harvested from it stay).")
    static final class Remove implements Runnable {
        @Mixin StoreOptions store;
        @Spec CommandSpec spec;

        @Parameters(paramLabel = "ID|URL")
        String source;

        @Override
        public void run() {
            try (Registry registry = store.open()) {
                HarvestSource s = new SourceList(registry).remove(source);
                spec.commandLine().getOut().println("removed source " + s.id() + " " + s.url());
            }
        }
    }
}
