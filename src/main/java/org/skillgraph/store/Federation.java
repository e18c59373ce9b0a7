package org.skillgraph.store;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.http.Service;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;
import org.apache.jena.sparql.service.single.ServiceExecutor;
import org.apache.jena.sparql.service.single.ServiceExecutorHttp;
import org.apache.jena.sparql.util.Context;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Which SPARQL endpoints a query over the registry may reach with SERVICE: an allow-list set by
 * the operator, empty by default (no query touches the network). Installed in a dataset's
 * context, so it holds for the embedded Fuseki and for {@code skillgraph query} alike. A SERVICE
 * to an endpoint not on the list fails before anything is sent, SILENT or not; calls to listed
 * endpoints have a time limit and do not follow redirects (which could lead off the list).
 */
public record Federation(List<String> endpoints, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    public Federation {
        endpoints = List.copyOf(new LinkedHashSet<>(endpoints.stream().map(Federation::normalize).toList()));
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("the SERVICE timeout must be positive");
    }

    /** No endpoint may be reached. */
    public static Federation none() { return new Federation(List.of(), DEFAULT_TIMEOUT); }

    /**
     * An endpoint URL as given by an operator: absolute http(s), no fragment; scheme and host
     * lower-cased so that {@code HTTP://Host/sparql} and {@code http://host/sparql} are one endpoint.
     */
    static String normalize(String url) {
        URI u;
        try {
            u = new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not a SPARQL endpoint URL: " + url);
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null || u.getFragment() != null
                || u.getRawUserInfo() != null)
            throw new IllegalArgumentException("a federated SPARQL endpoint must be an http(s) URL without a fragment or user name, not: " + url);
        return scheme + "://" + u.getRawAuthority().toLowerCase(Locale.ROOT) + u.getRawPath()
                + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    /** Whether a SERVICE IRI is on the list. */
    public boolean allows(String iri) {
        try {
            return endpoints.contains(normalize(iri));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Puts this policy into a dataset's (or a query's) context, replacing any earlier one. */
    public void install(Context cxt) {
        ServiceExecutorRegistry services = new ServiceExecutorRegistry();
        services.addSingleLink(new Gate(this, new ServiceExecutorHttp()));
        ServiceExecutorRegistry.set(cxt, services);
        cxt.set(Service.httpServiceAllowed, !endpoints.isEmpty());
        cxt.set(Service.httpQueryTimeout, timeout.toMillis());
        if (!endpoints.isEmpty()) {
            cxt.set(Service.httpQueryClient, HttpClient.newBuilder().connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NEVER).build());
        }
    }

    /** The one link of the SERVICE chain: checks the endpoint, then calls it over HTTP. */
    private record Gate(Federation policy, ServiceExecutor http) implements ChainingServiceExecutor {
        @Override
        public QueryIterator createExecution(OpService opExecute, OpService original, Binding binding,
                                             ExecutionContext execCxt, ServiceExecutor chain) {
            Node service = opExecute.getService();
            if (!service.isURI())
                throw new QueryDeniedException("SERVICE needs an endpoint IRI; " + service + " is not bound to one");
            String iri = service.getURI();
            if (!policy.allows(iri)) {
                throw new QueryDeniedException("SERVICE <" + iri + "> is not allowed: "
                        + (policy.endpoints.isEmpty()
                        ? "this registry calls no other SPARQL endpoints (the operator lists them with --federate URL)"
                        : "the endpoints this registry may call are " + policy.endpoints));
            }
            return http.createExecution(opExecute, original, binding, execCxt);
        }
    }
}
