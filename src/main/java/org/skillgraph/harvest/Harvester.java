package org.skillgraph.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.skillgraph.error.InputRejectedException;
import org.skillgraph.error.NotFoundException;
import org.skillgraph.pipeline.Loaded;
import org.skillgraph.pipeline.Pipeline;
import org.skillgraph.pipeline.Source;
import org.skillgraph.store.HarvestProvenance;
import org.skillgraph.store.ImportResult;
import org.skillgraph.store.Queries;
import org.skillgraph.store.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Harvests a CASE provider into the registry: lists its documents, fetches the packages that
 * changed, and stores each through the same pipeline as a file import (read, convert, validate,
 * store in one transaction), with its provenance. A package that fails (HTTP error, garbage, a
 * package of another document, validation) is recorded and leaves the stored version as it was.
 * Frameworks harvested from the provider before that it no longer lists are marked withdrawn.
 */
public final class Harvester {
    private static final Logger LOG = LoggerFactory.getLogger(Harvester.class);

    private final Registry registry;
    private final Pipeline pipeline;

    public Harvester(Registry registry, Pipeline pipeline) {
        this.registry = registry;
        this.pipeline = pipeline;
    }

    /** What the store knows of a framework harvested before. */
    record Known(String identifier, String etag, String lastModified, String upstreamLastChange, boolean withdrawn) {}

    public HarvestReport harvest(String url, HarvestOptions options) {
        return harvest(url, options, o -> {});
    }

    /** Harvests {@code url}; {@code progress} is told each framework's outcome as it is known. */
    public HarvestReport harvest(String url, HarvestOptions options, Consumer<HarvestReport.Outcome> progress) {
        Instant start = Instant.now();
        Fetcher fetcher = new Fetcher(new AddressGuard(options.allowPrivate()), options.timeout(), options.maxBytes());
        CaseClient client = new CaseClient(fetcher, options.auth());
        List<HarvestReport.Outcome> outcomes = new ArrayList<>();
        Consumer<HarvestReport.Outcome> record = o -> { outcomes.add(o); progress.accept(o); };
        URI base = null;
        String error = null;
        try {
            base = client.apiBase(url);
            List<JsonNode> docs = client.documents(base, options.pageSize());
            Map<String, Known> known = known(base.toString());
            Set<String> listed = new HashSet<>();
            for (JsonNode d : docs) {
                String id = d.path("identifier").asText();
                listed.add(id);
                if (!options.documents().isEmpty() && !options.documents().contains(id)) continue;
                record.accept(harvestOne(client, base, d, known.get(id), options));
            }
            if (options.complete()) {
                for (Known k : known.values()) {
                    if (listed.contains(k.identifier()) || k.withdrawn()) continue;
                    registry.markWithdrawn(k.identifier(), Instant.now());
                    record.accept(new HarvestReport.Outcome(k.identifier(), title(k.identifier()), HarvestReport.Status.WITHDRAWN,
                            "no longer listed by the provider; kept and marked withdrawn"));
                }
            }
        } catch (InputRejectedException | NotFoundException e) {
            error = e.getMessage();
        }
        return new HarvestReport(url, base == null ? null : base.toString(), List.copyOf(outcomes), error,
                fetcher.requests(), fetcher.bytes(), Duration.between(start, Instant.now()), fetcher.log());
    }

    private HarvestReport.Outcome harvestOne(CaseClient client, URI base, JsonNode doc, Known k, HarvestOptions options) {
        String id = doc.path("identifier").asText();
        String title = doc.path("title").asText(null);
        String lastChange = doc.path("lastChangeDateTime").isValueNode() ? doc.path("lastChangeDateTime").asText() : null;
        if (options.since() != null && lastChange != null && before(lastChange, options.since()))
            return new HarvestReport.Outcome(id, title, HarvestReport.Status.SKIPPED, "last changed " + lastChange + ", before --since");
        if (k != null && !k.withdrawn() && !options.full() && lastChange != null && lastChange.equals(k.upstreamLastChange()))
            return new HarvestReport.Outcome(id, title, HarvestReport.Status.SKIPPED, "not changed upstream since " + lastChange);
        Instant started = Instant.now();
        try {
            CaseClient.Fetched f = client.fetchPackage(base, id, k == null ? null : k.etag(), k == null ? null : k.lastModified());
            HarvestProvenance prov = new HarvestProvenance(base.toString(), f.uri().toString(), started, Instant.now(),
                    f.etag(), f.lastModified(), lastChange);
            if (f.notModified()) {
                registry.confirmHarvest(id, prov);
                return new HarvestReport.Outcome(id, title, HarvestReport.Status.NOT_MODIFIED, "304 Not Modified");
            }
            Loaded l = pipeline.validate(new Source(f.uri().toString(), f.uri().toString(), true), f.body());
            String got = l.read().casePackage().document() == null ? null : l.read().casePackage().document().identifier();
            if (!id.equals(got))
                throw new InputRejectedException(f.uri().toString(), "/CFDocument/identifier",
                        "asked for the package of document " + id + " but got the package of " + (got == null ? "no document" : "document " + got));
            ImportResult r = pipeline.store(registry, l, n -> {}, prov).result();
            HarvestReport.Status s = r.unchanged() ? HarvestReport.Status.UNCHANGED : r.replaced() ? HarvestReport.Status.REPLACED : HarvestReport.Status.IMPORTED;
            return new HarvestReport.Outcome(id, title, s, r.entry().items() + " items, version " + r.entry().importVersion());
        } catch (InputRejectedException e) {
            return new HarvestReport.Outcome(id, title, HarvestReport.Status.FAILED, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("harvest of {} from {} failed", id, base, e);
            return new HarvestReport.Outcome(id, title, HarvestReport.Status.FAILED, "could not be stored: " + e);
        }
    }

    private static boolean before(String dateTime, Instant since) {
        try {
            return OffsetDateTime.parse(dateTime).toInstant().isBefore(since);
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(dateTime).toInstant(java.time.ZoneOffset.UTC).isBefore(since);
            } catch (DateTimeParseException e2) {
                return false; // unreadable: fetch it
            }
        }
    }

    private String title(String identifier) {
        try {
            return registry.find(identifier).title();
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** The frameworks harvested from {@code provider} before, by identifier. */
    Map<String, Known> known(String provider) {
        return registry.read(dsg -> {
            Map<String, Known> out = new LinkedHashMap<>();
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(Queries.get("harvest-state"))
                    .substitution("provider", org.apache.jena.rdf.model.ResourceFactory.createResource(provider)).build()) {
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) {
                    QuerySolution s = rs.next();
                    String id = s.getLiteral("identifier").getLexicalForm();
                    out.put(id, new Known(id, text(s, "etag"), text(s, "lastModified"), text(s, "upstreamLastChange"), s.contains("withdrawnAt")));
                }
            }
            return out;
        });
    }

    private static String text(QuerySolution s, String var) {
        return s.contains(var) ? s.getLiteral(var).getLexicalForm() : null;
    }
}
