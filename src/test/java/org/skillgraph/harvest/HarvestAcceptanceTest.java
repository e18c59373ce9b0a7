package org.skillgraph.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skillgraph.pipeline.Pipeline;
import org.skillgraph.server.RegistryServer;
import org.skillgraph.server.ServerConfig;
import org.skillgraph.store.CatalogEntry;
import org.skillgraph.testutil.JsonDiff;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Two skillgraph servers on loopback: the origin publishes the sample frameworks through its CASE
 * API (behind a request-counting {@link Provider}); the other harvests them.
 */
class HarvestAcceptanceTest extends ProviderTestBase {
    RegistryServer copyServer;

    @BeforeEach
    void start() {
        copyServer = RegistryServer.start(copy, ServerConfig.defaults(0));
    }

    @AfterEach
    void stop() {
        copyServer.close();
    }

    HarvestReport harvest() {
        return new Harvester(copy, new Pipeline()).harvest(provider.url(), HarvestOptions.defaults().withAllowPrivate(true));
    }

    @Test
    void harvestsReharvestsOnlyWhatChangedAndKeepsProvenance() throws Exception {
        // First harvest from a bare host URL: the API version is found, every framework imported.
        HarvestReport first = harvest();
        assertTrue(first.ok(), first.summary());
        assertEquals(provider.url() + "/ims/case/v1p1", first.apiBase());
        assertEquals(3, first.count(HarvestReport.Status.IMPORTED), first.summary());
        assertEquals(3, provider.packageRequests(), provider.requests().toString());
        assertEquals(first.requests(), provider.requests().size());
        assertEquals(Set.copyOf(origin.list().stream().map(CatalogEntry::identifier).toList()),
                Set.copyOf(copy.list().stream().map(CatalogEntry::identifier).toList()));

        // The copy serves the same CASE JSON as the origin.
        for (CatalogEntry e : origin.list()) {
            for (String v : List.of("v1p0", "v1p1")) {
                String path = "ims/case/" + v + "/CFPackages/" + e.identifier();
                List<String> d = JsonDiff.diff(JSON.readTree(get(originServer, path).body()), JSON.readTree(get(copyServer, path).body()));
                assertEquals(List.of(), d.subList(0, Math.min(5, d.size())), path);
            }
        }

        // Provenance in the catalog: provider, package URL, harvest activity, ETag, hash.
        String q = """
                PREFIX sg: <https://w3id.org/skillgraph/ns#> PREFIX dct: <http://purl.org/dc/terms/>
                PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX dcat: <http://www.w3.org/ns/dcat#>
                SELECT ?from ?source ?etag ?hash ?used ?ended WHERE { GRAPH <urn:skillgraph:catalog> {
                  ?g dct:identifier "%s" ; sg:harvestedFrom ?from ; dct:source ?source ; sg:httpETag ?etag ;
                     sg:contentHash ?hash ; sg:lastCheckedAt ?checked ; dcat:hasCurrentVersion ?v .
                  ?v prov:wasGeneratedBy ?a . ?a a prov:Activity ; prov:used ?used ; prov:endedAtTime ?ended } }""".formatted(CERT);
        JsonNode rows = sparql(q);
        assertEquals(1, rows.size(), rows.toString());
        JsonNode row = rows.get(0);
        assertEquals(provider.url() + "/ims/case/v1p1", row.at("/from/value").asText());
        assertEquals(provider.url() + "/ims/case/v1p1/CFPackages/" + CERT, row.at("/source/value").asText());
        assertEquals(row.at("/source/value").asText(), row.at("/used/value").asText());
        assertTrue(row.at("/etag/value").asText().startsWith("\""), row.toString());
        assertEquals(origin.find(CERT).contentHash(), row.at("/hash/value").asText());

        // Nothing changed upstream: the listing is read, no package is fetched.
        provider.clear();
        HarvestReport again = harvest();
        assertTrue(again.ok(), again.summary());
        assertEquals(3, again.count(HarvestReport.Status.SKIPPED), again.summary());
        assertEquals(0, provider.packageRequests(), provider.requests().toString());
        assertEquals(2, provider.requests().size(), provider.requests().toString()); // version probe + one page

        // One framework changes upstream: only it is fetched again, and replaced.
        changeUpstream("Changed upstream: analyse data with care.");
        provider.clear();
        HarvestReport third = harvest();
        assertTrue(third.ok(), third.summary());
        assertEquals(List.of("/ims/case/v1p1/CFPackages/" + CERT),
                provider.requests().stream().filter(r -> r.contains("/CFPackages/")).toList());
        assertEquals(1, third.count(HarvestReport.Status.REPLACED), third.summary());
        assertEquals(2, third.count(HarvestReport.Status.SKIPPED), third.summary());
        CatalogEntry replaced = copy.find(CERT);
        assertEquals(2, replaced.importVersion());
        assertNotNull(replaced.previousVersion());
        String path = "ims/case/v1p1/CFPackages/" + CERT;
        String served = get(copyServer, path).body();
        assertTrue(served.contains("Changed upstream: analyse data with care."));
        assertEquals(List.of(), JsonDiff.diff(JSON.readTree(get(originServer, path).body()), JSON.readTree(served)));

        // A framework removed upstream is marked withdrawn, kept and still served.
        String gone = origin.list().stream().map(CatalogEntry::identifier).filter(id -> !id.equals(CERT)).findFirst().orElseThrow();
        origin.remove(gone);
        HarvestReport fourth = harvest();
        assertEquals(1, fourth.count(HarvestReport.Status.WITHDRAWN), fourth.summary());
        assertEquals(200, get(copyServer, "ims/case/v1p1/CFPackages/" + gone).statusCode());
        JsonNode w = sparql("PREFIX sg: <https://w3id.org/skillgraph/ns#> PREFIX dct: <http://purl.org/dc/terms/> "
                + "SELECT ?at WHERE { GRAPH <urn:skillgraph:catalog> { ?g dct:identifier \"" + gone + "\" ; sg:withdrawnAt ?at } }");
        assertEquals(1, w.size(), w.toString());
        assertEquals(3, copy.list().size());
    }

    @Test
    void documentsAndSinceLimitAHarvestAndWithdrawNothing() throws Exception {
        HarvestOptions only = HarvestOptions.defaults().withAllowPrivate(true).withDocuments(Set.of(CERT));
        HarvestReport r = new Harvester(copy, new Pipeline()).harvest(provider.url() + "/ims/case/v1p0/", only);
        assertTrue(r.ok(), r.summary());
        assertEquals(provider.url() + "/ims/case/v1p0", r.apiBase());
        assertEquals(1, r.outcomes().size(), r.summary());
        assertEquals(1, copy.list().size());
        // --since after every lastChangeDateTime: nothing fetched.
        HarvestOptions since = new HarvestOptions(Auth.NONE, java.time.Instant.parse("2100-01-01T00:00:00Z"), Set.of(), false, true,
                HarvestOptions.DEFAULT_TIMEOUT, HarvestOptions.DEFAULT_MAX_BYTES, 100);
        provider.clear();
        HarvestReport s = new Harvester(copy, new Pipeline()).harvest(provider.url(), since);
        assertEquals(3, s.count(HarvestReport.Status.SKIPPED), s.summary());
        assertEquals(0, provider.packageRequests());
        assertEquals(0, s.count(HarvestReport.Status.WITHDRAWN));
    }

    JsonNode sparql(String query) throws Exception {
        HttpResponse<String> r = get(copyServer, "sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
                "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).at("/results/bindings");
    }
}
