package org.skillgraph.cli;

import org.skillgraph.store.Federation;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code --federate URL} and {@code --service-timeout}: the SPARQL endpoints a query may reach with SERVICE. */
public final class FederationOptions {
    @Option(names = "--federate", paramLabel = "URL",
            description = "A SPARQL endpoint that queries may call with SERVICE (repeatable). Without it, SERVICE reaches nothing.")
    List<String> endpoints = new ArrayList<>();

    @Option(names = "--service-timeout", paramLabel = "SECONDS", defaultValue = "20",
            description = "Time limit of one call to a federated endpoint. Default: ${DEFAULT-VALUE}.")
    long timeout;

    public Federation policy() {
        return new Federation(endpoints, Duration.ofSeconds(timeout));
    }
}
