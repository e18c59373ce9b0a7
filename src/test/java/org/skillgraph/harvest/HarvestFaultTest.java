package org.skillgraph.harvest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.skillgraph.pipeline.Pipeline;
import org.skillgraph.store.CatalogEntry;
import org.skillgraph.store.Registry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A provider that fails in the middle of a re-harvest: each fault ends with the error recorded
 * against the source, the previous version still stored and served, and nothing half-written.
 */
class HarvestFaultTest extends ProviderTestBase {
    HarvestService service;

    @BeforeEach
    void start() {
        service = new HarvestService(copy, HarvestOptions.defaults().withAllowPrivate(true).withTimeout(Duration.ofSeconds(1)), n -> null);
        service.sources().add(HarvestSource.of(provider.url(), Duration.ofHours(1), List.of(), null, null, null, null, null, Instant.now()));
        HarvestReport first = service.run(source());
        assertTrue(first.ok(), first.summary());
        assertEquals(0, source().failures());
    }

    @AfterEach
    void stop() {
        service.close();
    }

    HarvestSource source() { return service.sources().find(provider.url()); }

    @ParameterizedTest
    @CsvSource({
            "CUT_MID_BODY, connection failed",
            "STATUS_500, HTTP 500: database on fire",
            "TRUNCATED_JSON, " + CERT,
            "OTHER_PACKAGE, asked for the package of document " + CERT,
            "SLOW, within 1 s",
            "GARBAGE_LISTING, not JSON"})
    void faultLeavesThePreviousVersion(Provider.Fault fault, String expected) throws Exception {
        changeUpstream();
        CatalogEntry before = copy.find(CERT);
        long quadsBefore = quadsOutsideSources();
        provider.otherPackage(origin.list().stream().map(CatalogEntry::identifier).filter(i -> !i.equals(CERT)).findFirst().orElseThrow());
        provider.fault(fault);
        HarvestReport r = service.run(source());
        assertFalse(r.ok(), r.summary());
        HarvestSource s = source();
        assertEquals(1, s.failures());
        assertNotNull(s.lastErrorAt());
        assertTrue(s.lastError().contains(expected), s.lastError());
        CatalogEntry after = copy.find(CERT);
        assertEquals(before, after, "the stored version is untouched");
        assertEquals(Registry.contentHash(copy.frameworkGraph(before)), before.contentHash(), "the stored graph is whole");
        assertEquals(quadsBefore, quadsOutsideSources(), "nothing was written but the source's status");
        // The provider recovers: the next harvest brings the new version.
        provider.fault(Provider.Fault.NONE);
        HarvestReport ok = service.run(source());
        assertTrue(ok.ok(), ok.summary());
        assertEquals(2, copy.find(CERT).importVersion());
        assertEquals(0, source().failures());
        assertNull(source().lastError());
    }

    long quadsOutsideSources() {
        return copy.read(d -> {
            long n = 0;
            for (var it = d.find(); it.hasNext(); ) if (!it.next().getGraph().equals(org.skillgraph.vocab.Iris.SOURCES_GRAPH)) n++;
            return n;
        });
    }

    @Test
    void privateAddressesAreRefusedUnlessAllowed() {
        HarvestReport r = new Harvester(copy, new Pipeline()).harvest(provider.url(), HarvestOptions.defaults());
        assertFalse(r.ok());
        assertTrue(r.error().contains("--allow-private-addresses"), r.error());
        assertEquals(0, r.requests());
        HarvestReport ftp = new Harvester(copy, new Pipeline()).harvest("ftp://example.org/case", HarvestOptions.defaults());
        assertTrue(ftp.error().contains("only http and https"), ftp.error());
    }

    @Test
    void responsesOverTheSizeLimitAreRefused() throws Exception {
        changeUpstream();
        HarvestOptions small = new HarvestOptions(Auth.NONE, null, null, false, true, Duration.ofSeconds(5), 20_000, 100);
        HarvestReport r = new Harvester(copy, new Pipeline()).harvest(provider.url(), small);
        assertFalse(r.ok());
        assertTrue(r.firstError().contains("larger than the limit of 20000 bytes"), r.firstError());
        assertEquals(1, copy.find(CERT).importVersion());
    }

    void changeUpstream() throws Exception {
        changeUpstream("Changed upstream.");
    }
}
