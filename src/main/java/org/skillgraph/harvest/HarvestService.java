package org.skillgraph.harvest;

import org.skillgraph.error.InputRejectedException;
import org.skillgraph.pipeline.Pipeline;
import org.skillgraph.store.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The server's harvesting: the source list, and one background thread that harvests the sources
 * that are due, one at a time (so also one source at a time for "harvest now" requests). A failed
 * harvest is recorded against its source and retried after a wait that doubles with each failure.
 */
public final class HarvestService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HarvestService.class);

    private final SourceList sources;
    private final Harvester harvester;
    private final HarvestOptions defaults;
    private final UnaryOperator<String> env;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "skillgraph-harvest");
        t.setDaemon(true);
        return t;
    });

    /** {@code defaults}: limits and address policy for every source; {@code env}: where secrets are looked up. */
    public HarvestService(Registry registry, HarvestOptions defaults, UnaryOperator<String> env) {
        this.sources = new SourceList(registry);
        this.harvester = new Harvester(registry, new Pipeline());
        this.defaults = defaults;
        this.env = env;
    }

    public SourceList sources() { return sources; }

    /** Starts the schedule: every {@code tick}, the sources that are due are harvested. */
    public void start(Duration tick) {
        executor.scheduleWithFixedDelay(this::runDue, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Queues a harvest of one source (by id or URL) on the harvest thread. */
    public Future<HarvestReport> harvestNow(String idOrUrl) {
        HarvestSource s = sources.find(idOrUrl);
        return executor.submit(() -> run(s));
    }

    private void runDue() {
        try {
            List<HarvestSource> due = sources.list().stream().filter(s -> !Instant.now().isBefore(s.nextDue()))
                    .sorted(Comparator.comparing(HarvestSource::nextDue)).toList();
            for (HarvestSource s : due) {
                if (Thread.currentThread().isInterrupted()) return;
                run(s);
            }
        } catch (RuntimeException e) {
            LOG.error("scheduled harvest failed", e);
        }
    }

    HarvestReport run(HarvestSource s) {
        Instant start = Instant.now();
        HarvestReport r;
        try {
            HarvestOptions o = defaults.withAuth(s.auth(env)).withDocuments(new LinkedHashSet<>(s.documents()));
            r = harvester.harvest(s.url(), o);
        } catch (InputRejectedException e) {
            r = new HarvestReport(s.url(), null, List.of(), e.getMessage(), 0, 0, Duration.between(start, Instant.now()), List.of());
        } catch (RuntimeException e) { // a fault of ours (e.g. the store): recorded too, so the backoff applies
            LOG.error("harvest of {} failed", s.url(), e);
            r = new HarvestReport(s.url(), null, List.of(), "internal error: " + e, 0, 0, Duration.between(start, Instant.now()), List.of());
        }
        sources.record(s.url(), r, Instant.now());
        if (r.ok()) LOG.info("harvested {}: {}", s.url(), r.summary());
        else LOG.warn("harvest of {} failed: {}", s.url(), r.firstError());
        return r;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
