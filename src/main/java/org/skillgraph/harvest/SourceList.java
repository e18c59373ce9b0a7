package org.skillgraph.harvest;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.skillgraph.credentials.HarvestSources;
import org.skillgraph.error.NotFoundException;
import org.skillgraph.store.Registry;
import org.skillgraph.vocab.Iris;
import org.skillgraph.vocab.SG;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The harvest sources, kept in the store in their own named graph ({@link Iris#SOURCES_GRAPH}),
 * each a dcat:DataService. Changes rewrite that small graph in one transaction; this object
 * serializes them within the process (the server's API and its scheduler share one).
 * Answers the credential checks' question: which source covers an external CASE URI.
 */
public final class SourceList implements HarvestSources {
    private final Registry registry;

    public SourceList(Registry registry) { this.registry = registry; }

    public synchronized List<HarvestSource> list() {
        Graph g = registry.read(dsg -> {
            Graph copy = GraphFactory.createGraphMem();
            dsg.getGraph(Iris.SOURCES_GRAPH).find().forEachRemaining(copy::add);
            return copy;
        });
        List<HarvestSource> out = new ArrayList<>();
        g.find(Node.ANY, SG.rdfType, SG.dcatDataService).forEachRemaining(t -> out.add(read(g, t.getSubject())));
        out.sort(Comparator.comparing(HarvestSource::url));
        return out;
    }

    /** The source with this id or URL. */
    public synchronized HarvestSource find(String idOrUrl) {
        String u = stripSlash(idOrUrl);
        return list().stream().filter(s -> s.id().equals(idOrUrl) || s.url().equals(u)).findFirst()
                .orElseThrow(() -> new NotFoundException("no harvest source '" + idOrUrl + "'"));
    }

    /** Adds a source, or updates the configuration of the source with the same URL. */
    public synchronized HarvestSource add(HarvestSource s) {
        List<HarvestSource> all = list();
        HarvestSource stored = all.stream().filter(x -> x.url().equals(s.url())).findFirst().map(x -> x.reconfigured(s)).orElse(s);
        all.removeIf(x -> x.url().equals(s.url()));
        all.add(stored);
        write(all);
        return stored;
    }

    public synchronized HarvestSource remove(String idOrUrl) {
        HarvestSource s = find(idOrUrl);
        List<HarvestSource> all = list();
        all.removeIf(x -> x.id().equals(s.id()));
        write(all);
        return s;
    }

    /** Records a harvest against the source(s) whose URL is the one harvested or its API base. */
    public synchronized void record(String url, HarvestReport r, Instant at) {
        String u = stripSlash(url);
        List<HarvestSource> all = list();
        boolean changed = false;
        for (int i = 0; i < all.size(); i++) {
            HarvestSource s = all.get(i);
            if (s.url().equals(u) || s.url().equals(r.apiBase())) {
                all.set(i, s.after(r, at));
                changed = true;
            }
        }
        if (changed) write(all);
    }

    @Override
    public Optional<String> covering(String url) {
        URI target;
        try {
            target = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (target.getHost() == null) return Optional.empty();
        return list().stream().filter(s -> sameOrigin(URI.create(s.url()), target)).map(HarvestSource::url).findFirst();
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static String stripSlash(String s) {
        String u = s.strip();
        while (u.endsWith("/")) u = u.substring(0, u.length() - 1);
        return u;
    }

    private void write(List<HarvestSource> all) {
        Graph g = GraphFactory.createGraphMem();
        for (HarvestSource s : all) {
            Node n = Iris.harvestSource(s.url());
            g.add(n, SG.rdfType, SG.dcatDataService);
            g.add(n, SG.dcatEndpointURL, NodeFactory.createURI(s.url()));
            g.add(n, SG.dctIdentifier, str(s.id()));
            g.add(n, SG.harvestInterval, NodeFactory.createLiteralDT(s.interval().toString(), XSDDatatype.XSDduration));
            for (String d : s.documents()) g.add(n, SG.harvestDocument, str(d));
            opt(g, n, SG.oauthClientId, s.clientId());
            if (s.tokenUrl() != null) g.add(n, SG.oauthTokenUrl, NodeFactory.createLiteralDT(s.tokenUrl(), XSDDatatype.XSDanyURI));
            opt(g, n, SG.oauthScope, s.scope());
            opt(g, n, SG.secretVariable, s.secretVariable());
            opt(g, n, SG.tokenVariable, s.tokenVariable());
            time(g, n, SG.dctCreated, s.addedAt());
            time(g, n, SG.lastAttemptAt, s.lastAttemptAt());
            time(g, n, SG.lastSuccessAt, s.lastSuccessAt());
            opt(g, n, SG.lastOutcome, s.lastOutcome());
            opt(g, n, SG.lastError, s.lastError());
            time(g, n, SG.lastErrorAt, s.lastErrorAt());
            g.add(n, SG.failureCount, NodeFactory.createLiteralDT(Integer.toString(s.failures()), XSDDatatype.XSDinteger));
        }
        registry.replaceGraph(Iris.SOURCES_GRAPH, g);
    }

    private static HarvestSource read(Graph g, Node n) {
        List<String> docs = new ArrayList<>();
        g.find(n, SG.harvestDocument, Node.ANY).forEachRemaining(t -> docs.add(t.getObject().getLiteralLexicalForm()));
        docs.sort(null);
        String failures = text(g, n, SG.failureCount);
        return new HarvestSource(text(g, n, SG.dctIdentifier), text(g, n, SG.dcatEndpointURL),
                Duration.parse(text(g, n, SG.harvestInterval)), docs, text(g, n, SG.oauthClientId), text(g, n, SG.oauthTokenUrl),
                text(g, n, SG.oauthScope), text(g, n, SG.secretVariable), text(g, n, SG.tokenVariable),
                instant(g, n, SG.dctCreated), instant(g, n, SG.lastAttemptAt), instant(g, n, SG.lastSuccessAt),
                text(g, n, SG.lastOutcome), text(g, n, SG.lastError), instant(g, n, SG.lastErrorAt),
                failures == null ? 0 : Integer.parseInt(failures));
    }

    private static String text(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        if (!it.hasNext()) return null;
        Node o = it.next().getObject();
        return o.isLiteral() ? o.getLiteralLexicalForm() : o.getURI();
    }

    private static Instant instant(Graph g, Node s, Node p) {
        String t = text(g, s, p);
        return t == null ? null : Instant.parse(t);
    }

    private static void opt(Graph g, Node s, Node p, String v) { if (v != null) g.add(s, p, str(v)); }

    private static void time(Graph g, Node s, Node p, Instant t) {
        if (t != null) g.add(Triple.create(s, p, NodeFactory.createLiteralDT(t.toString(), XSDDatatype.XSDdateTime)));
    }

    private static Node str(String s) { return NodeFactory.createLiteralString(s); }
}
