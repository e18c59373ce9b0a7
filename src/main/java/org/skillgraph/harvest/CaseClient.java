package org.skillgraph.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.skillgraph.error.InputRejectedException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client of a CASE 1.0 / 1.1 REST API: finds the API base of a URL, lists the CFDocuments
 * (following the Link header, or limit/offset with X-Total-Count), and fetches CFPackages with
 * conditional requests. Authenticates with a bearer token or the OAuth 2.0 client credentials grant.
 */
final class CaseClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern API_BASE = Pattern.compile(".*/ims/case/v1p[01]$");
    private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;[^,]*rel=\"?next\"?");
    static final int MAX_PAGES = 10_000;

    /** A package answer: the body (null when the provider said 304 Not Modified) and its validators. */
    record Fetched(URI uri, byte[] body, String etag, String lastModified) {
        boolean notModified() { return body == null; }
    }

    private final Fetcher fetcher;
    private final Auth auth;
    private String token;
    private Instant tokenExpires = Instant.MIN;

    CaseClient(Fetcher fetcher, Auth auth) {
        this.fetcher = fetcher;
        this.auth = auth;
    }

    /**
     * The API base for a URL: the URL itself when it ends in /ims/case/v1p0 or /v1p1, else the first
     * of {url}/ims/case/v1p1 and {url}/ims/case/v1p0 whose CFDocuments answers with a document list.
     */
    URI apiBase(String url) {
        String u = url.strip();
        while (u.endsWith("/")) u = u.substring(0, u.length() - 1);
        URI given = uri(u);
        if (API_BASE.matcher(given.getPath() == null ? "" : given.getPath()).matches()) return given;
        List<String> tried = new ArrayList<>();
        for (String v : List.of("v1p1", "v1p0")) {
            URI base = uri(u + "/ims/case/" + v);
            Fetcher.Response r = fetcher.get(uri(base + "/CFDocuments?limit=1"), headers(Map.of()));
            String answer = "HTTP " + r.status();
            if (r.status() == 200) {
                try {
                    if (parse(r).path("CFDocuments").isArray()) return base;
                    answer = "no CFDocuments list";
                } catch (InputRejectedException e) {
                    answer = e.reason();
                }
            }
            tried.add(base + " (" + answer + ")");
        }
        throw new InputRejectedException(url, null, "no CASE 1.0 or 1.1 API found; tried " + String.join(", ", tried));
    }

    /** Every CFDocument the provider lists, all pages. */
    List<JsonNode> documents(URI base, int pageSize) {
        List<JsonNode> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        URI page = uri(base + "/CFDocuments?limit=" + pageSize + "&offset=0");
        long offset = 0;
        for (int n = 0; n < MAX_PAGES; n++) {
            Fetcher.Response r = fetcher.get(page, headers(Map.of()));
            if (r.status() != 200) throw new InputRejectedException(page.toString(), null, "listing the documents: HTTP " + r.status() + statusText(r));
            JsonNode docs = parse(r).path("CFDocuments");
            if (!docs.isArray()) throw new InputRejectedException(page.toString(), "/CFDocuments", "the answer has no CFDocuments list");
            for (JsonNode d : docs) {
                String id = d.path("identifier").asText("");
                if (id.isEmpty()) throw new InputRejectedException(page.toString(), "/CFDocuments", "a CFDocument without an identifier");
                if (seen.add(id)) out.add(d);
            }
            offset += docs.size();
            Matcher m = r.header("Link") == null ? null : NEXT.matcher(r.header("Link"));
            Long total = total(r);
            if (m != null && m.find()) {
                page = page.resolve(m.group(1));
            } else if (total != null && offset < total && docs.size() > 0) {
                page = uri(base + "/CFDocuments?limit=" + pageSize + "&offset=" + offset);
            } else {
                if (total != null && seen.size() < total && docs.size() > 0)
                    throw new InputRejectedException(base.toString(), null, "the provider says it has " + total + " documents but listed " + seen.size());
                return out;
            }
            if (docs.size() == 0) return out;
        }
        throw new InputRejectedException(base.toString(), null, "more than " + MAX_PAGES + " pages of documents");
    }

    /** CFPackages/{id}, conditional on the validators of the stored version when given. */
    Fetched fetchPackage(URI base, String id, String etag, String lastModified) {
        URI u = uri(base + "/CFPackages/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
        Map<String, String> h = new HashMap<>();
        if (etag != null) h.put("If-None-Match", etag);
        if (lastModified != null) h.put("If-Modified-Since", lastModified);
        Fetcher.Response r = fetcher.get(u, headers(h));
        if (r.status() == 304) return new Fetched(u, null, r.header("ETag") != null ? r.header("ETag") : etag,
                r.header("Last-Modified") != null ? r.header("Last-Modified") : lastModified);
        if (r.status() != 200) throw new InputRejectedException(u.toString(), null, "HTTP " + r.status() + statusText(r));
        return new Fetched(u, r.body(), r.header("ETag"), r.header("Last-Modified"));
    }

    private Map<String, String> headers(Map<String, String> extra) {
        Map<String, String> h = new HashMap<>(extra);
        String a = authorization();
        if (a != null) h.put("Authorization", a);
        return h;
    }

    private String authorization() {
        if (auth instanceof Auth.Bearer b) return "Bearer " + b.token();
        if (!(auth instanceof Auth.ClientCredentials cc)) return null;
        if (token == null || Instant.now().isAfter(tokenExpires)) {
            String basic = Base64.getEncoder().encodeToString((enc(cc.clientId()) + ":" + enc(cc.secret())).getBytes(StandardCharsets.UTF_8));
            String form = "grant_type=client_credentials" + (cc.scope() == null ? "" : "&scope=" + enc(cc.scope()));
            Fetcher.Response r = fetcher.postForm(uri(cc.tokenUrl()), Map.of("Authorization", "Basic " + basic), form);
            if (r.status() != 200) throw new InputRejectedException(cc.tokenUrl(), null, "the token endpoint refused the client credentials: HTTP " + r.status());
            JsonNode t = parse(r);
            if (!t.path("access_token").isTextual()) throw new InputRejectedException(cc.tokenUrl(), null, "the token endpoint's answer has no access_token");
            token = t.get("access_token").asText();
            long seconds = t.path("expires_in").asLong(3600);
            tokenExpires = Instant.now().plusSeconds(Math.max(0, seconds - 30));
        }
        return "Bearer " + token;
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    private static Long total(Fetcher.Response r) {
        String t = r.header("X-Total-Count");
        if (t == null) return null;
        try {
            return Long.parseLong(t.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The provider's own description of an error (imsx_description), if it sent one. */
    private static String statusText(Fetcher.Response r) {
        try {
            JsonNode d = JSON.readTree(r.body()).path("imsx_description");
            return d.isTextual() ? ": " + clip(d.asText()) : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static JsonNode parse(Fetcher.Response r) {
        try {
            JsonNode n = JSON.readTree(r.body());
            if (n == null || !n.isObject()) throw new InputRejectedException(r.uri().toString(), null, "the answer is not a JSON object");
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InputRejectedException(r.uri().toString(), null, "the answer is not JSON: " + clip(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InputRejectedException(r.uri().toString(), null, "the answer cannot be read: " + clip(e.getMessage()));
        }
    }

    private static String clip(String s) {
        if (s == null) return "";
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private static URI uri(String s) {
        try {
            return URI.create(s);
        } catch (IllegalArgumentException e) {
            throw new InputRejectedException(s, null, "not a valid URL");
        }
    }
}
