package org.skillgraph.harvest;

import org.skillgraph.error.InputRejectedException;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Which URLs a harvest may fetch: http and https only, and, unless private addresses are allowed,
 * only hosts all of whose addresses (after DNS resolution) are public: no loopback, private,
 * link-local, carrier-grade NAT, unique-local, multicast or unspecified addresses. Every request
 * and every redirect is checked. The JVM caches the lookup (30 s by default), so the HTTP client
 * connects to an address this check saw.
 */
public record AddressGuard(boolean allowPrivate) {

    public void check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https"))
            throw new InputRejectedException(uri.toString(), null, "only http and https URLs can be harvested");
        String host = uri.getHost();
        if (host == null || host.isEmpty())
            throw new InputRejectedException(uri.toString(), null, "the URL has no host");
        if (uri.getUserInfo() != null)
            throw new InputRejectedException(uri.toString(), null, "user names and passwords in URLs are not accepted; use --token or --client-id");
        if (allowPrivate) return;
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new InputRejectedException(uri.toString(), null, "unknown host " + host);
        }
        for (InetAddress a : all)
            if (isPrivate(a))
                throw new InputRejectedException(uri.toString(), null, host + " resolves to " + a.getHostAddress()
                        + ", a loopback, private or link-local address; harvesting it needs --allow-private-addresses");
    }

    /** Whether an address is not on the public internet. */
    static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) return true;
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int x = b[0] & 0xff, y = b[1] & 0xff;
            return x == 0 || x >= 240                       // "this network", reserved and broadcast
                    || (x == 100 && (y & 0xc0) == 64)       // 100.64.0.0/10 carrier-grade NAT
                    || (x == 192 && y == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24 protocol assignments
                    || (x == 198 && (y == 18 || y == 19));  // 198.18.0.0/15 benchmarking
        }
        if ((b[0] & 0xfe) == 0xfc) return true;             // fc00::/7 unique local
        boolean v4Embedded = true;                           // ::a.b.c.d (IPv4-compatible)
        for (int i = 0; i < 12; i++) if (b[i] != 0) { v4Embedded = false; break; }
        if (v4Embedded) return true;
        // 64:ff9b::/96 NAT64: judge the IPv4 address inside.
        if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            try {
                return isPrivate(InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]}));
            } catch (UnknownHostException e) {
                return true;
            }
        }
        return false;
    }
}
