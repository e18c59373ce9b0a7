package org.skillgraph.harvest;

import org.junit.jupiter.api.Test;
import org.skillgraph.pipeline.Pipeline;

import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Paging, OAuth 2.0 client credentials, bearer tokens and the address rules. */
class CaseClientTest extends ProviderTestBase {

    HarvestReport harvest(HarvestOptions o) {
        return new Harvester(copy, new Pipeline()).harvest(provider.url(), o.withAllowPrivate(true));
    }

    HarvestOptions pageSize(int n) {
        HarvestOptions d = HarvestOptions.defaults();
        return new HarvestOptions(d.auth(), null, null, false, true, d.timeout(), d.maxBytes(), n);
    }

    @Test
    void followsTheLinkHeaderPageByPage() {
        HarvestReport r = harvest(pageSize(1));
        assertTrue(r.ok(), r.summary());
        assertEquals(3, r.count(HarvestReport.Status.IMPORTED));
        List<String> pages = provider.requests().stream().filter(p -> p.contains("CFDocuments?limit=1&offset=")).toList();
        assertEquals(List.of("/ims/case/v1p1/CFDocuments?limit=1&offset=0", "/ims/case/v1p1/CFDocuments?limit=1&offset=1",
                "/ims/case/v1p1/CFDocuments?limit=1&offset=2"), pages);
    }

    @Test
    void pagesByTotalCountWithoutALinkHeader() {
        provider.dropLinkHeader();
        HarvestReport r = harvest(pageSize(2));
        assertTrue(r.ok(), r.summary());
        assertEquals(3, r.count(HarvestReport.Status.IMPORTED));
        assertTrue(provider.requests().contains("/ims/case/v1p1/CFDocuments?limit=2&offset=2"), provider.requests().toString());
    }

    @Test
    void clientCredentialsGetATokenFirst() {
        provider.requireOAuth("reader", "s3cret", "tok-123");
        HarvestReport anonymous = harvest(HarvestOptions.defaults());
        assertFalse(anonymous.ok());
        assertTrue(anonymous.error().contains("HTTP 401"), anonymous.error());
        assertTrue(copy.list().isEmpty());

        HarvestReport wrong = harvest(HarvestOptions.defaults().withAuth(new Auth.ClientCredentials("reader", "nope", provider.url() + "/token", "case.readonly")));
        assertTrue(wrong.error().contains("refused the client credentials"), wrong.error());
        provider.clear();

        HarvestReport ok = harvest(HarvestOptions.defaults().withAuth(new Auth.ClientCredentials("reader", "s3cret", provider.url() + "/token", "case.readonly")));
        assertTrue(ok.ok(), ok.summary());
        assertEquals(3, ok.count(HarvestReport.Status.IMPORTED));
        assertEquals(1, provider.requests().stream().filter(p -> p.equals("/token")).count(), "one token for the whole harvest");
        assertFalse(new Auth.ClientCredentials("reader", "s3cret", "u", null).toString().contains("s3cret"));
    }

    @Test
    void bearerToken() {
        provider.requireOAuth("x", "y", "tok-456");
        HarvestReport ok = harvest(HarvestOptions.defaults().withAuth(new Auth.Bearer("tok-456")));
        assertTrue(ok.ok(), ok.summary());
        assertEquals(3, copy.list().size());
    }

    @Test
    void privateAndSpecialAddresses() throws Exception {
        for (String a : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
                "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "224.0.0.1"))
            assertTrue(AddressGuard.isPrivate(InetAddress.getByName(a)), a);
        for (String a : List.of("93.184.216.34", "8.8.8.8", "2606:4700::1111", "64:ff9b::808:808"))
            assertFalse(AddressGuard.isPrivate(InetAddress.getByName(a)), a);
    }
}
