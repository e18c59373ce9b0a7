package org.skillgraph.server.resolve;

import org.skillgraph.vocab.SG;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.skillgraph.server.Http;
import org.skillgraph.server.ServerConfig;
import org.skillgraph.error.StoreUnavailableException;
import org.skillgraph.store.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.*;

/**
 * Resolves the registry's entities with content negotiation.
 * <pre>
 *   GET|HEAD /uri/{identifier}             any entity with an sg:identifier (framework, item, association, definition...)
 *   GET|HEAD /uri/{identifier}.{suffix}    the same in one format: .html .json .jsonld .ttl .nt (overrides Accept)
 *   GET|HEAD /resolve?uri={IRI}            by the entity's IRI, e.g. one a publisher minted on its own host
 *   GET|HEAD /resolve?uri={IRI}&amp;format=ttl   format= takes a suffix, a name (turtle, ntriples, json-ld) or a media type
 *   GET|HEAD /resolve?id={identifier}      for identifiers that cannot be one path segment
 * </pre>
 * Formats: text/html (a readable page), application/json (the entity's CASE 1.1 JSON: CFItem,
 * CFDocument, CFAssociation...), application/ld+json, text/turtle, application/n-triples. Without
 * a suffix the Accept header chooses ({@link Negotiation}); nothing acceptable gives 406.
 * <p>
 * Every answer carries {@code Link} (rel="alternate" for each format, rel="canonical" for the
 * entity's IRI), {@code Vary: Accept} when negotiated, {@code ETag} and {@code Last-Modified}, and
 * If-None-Match / If-Modified-Since revalidation answers 304. The CASE JSON's ETag comes from the
 * framework's content hash in the catalog (the JSON depends on that graph alone), so a revalidation
 * is answered without building the JSON; pages and RDF also show links from other frameworks, so
 * their ETag is a digest of the bytes sent. Last-Modified is the latest import time of the
 * frameworks the answer drew on, else the entity's lastChangeDateTime.
 * <p>
 * Unknown identifiers give 404 with a short explanation (HTML or JSON as asked). When several stored
 * nodes carry the identifier, {@link Resolver} documents which one is chosen.
 */
public final class UriServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(UriServlet.class);
    private static final int MAX_ID_LENGTH = 4_096;
    private static final ObjectMapper MAPPER = htmlSafe(new ObjectMapper());
    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();
    private static final String CACHE_CONTROL = "public, no-cache";
    /** Part of the CASE JSON's ETag: change it when the JSON this code writes changes for the same stored data. */
    private static final String JSON_VERSION = "case-1.1-api/1";

    private final transient Registry registry;
    private final transient ServerConfig config;
    private final transient EntityJson json = new EntityJson();
    private final transient StoreView.FactsCache facts = new StoreView.FactsCache();

    public UriServlet(Registry registry, ServerConfig config) {
        this.registry = registry;
        this.config = config;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        handle(req, resp, true);
    }

    @Override
    protected void doHead(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        handle(req, resp, false);
    }

    private void handle(HttpServletRequest req, HttpServletResponse resp, boolean withBody) throws IOException {
        Reply reply;
        try {
            reply = respond(req);
        } catch (StoreUnavailableException e) {
            reply = Reply.json(503, error(503, "store_unavailable", e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("resolving {} failed", req.getRequestURI(), e);
            reply = Reply.json(500, error(500, "internal_error", "the entity could not be read: " + e.getClass().getSimpleName()));
        }
        reply.send(resp, withBody);
    }

    // ----------------------------------------------------------------------------------------

    /** What the request names: an identifier or an IRI, and the format a suffix or format= forced. */
    private record Target(String identifier, String iri, String identifierWithSuffix, Format forced, boolean viaResolve) {}

    private Reply respond(HttpServletRequest req) {
        String base = Http.base(req, config);
        String accept = req.getHeader("Accept");
        Optional<Format> negotiated = Negotiation.choose(accept);
        boolean viaResolve = "/resolve".equals(req.getServletPath());

        Target t;
        if (viaResolve) {
            String iri = req.getParameter("uri"), id = req.getParameter("id"), fmt = req.getParameter("format");
            Format forced = null;
            if (fmt != null && !fmt.isBlank()) {
                forced = Format.byName(fmt).orElse(null);
                if (forced == null) return notAcceptable(base, "format=" + fmt + " is not one of the formats offered", null, false);
            }
            if (isBlank(iri) && isBlank(id))
                return problem(400, "bad_request", "give the entity's IRI as /resolve?uri=IRI (or its identifier as /resolve?id=IDENTIFIER)",
                        "<p>Give the entity&rsquo;s IRI as <code>/resolve?uri=IRI</code>, or its identifier as <code>/resolve?id=IDENTIFIER</code>.</p>",
                        forced != null ? forced : negotiated.orElse(Format.JSON), base, forced == null);
            t = new Target(isBlank(iri) ? id.trim() : null, isBlank(iri) ? null : iri.trim(), null, forced, true);
        } else {
            String path = req.getPathInfo();
            String rest = path == null ? "" : path.startsWith("/") ? path.substring(1) : path;
            if (rest.isEmpty())
                return problem(404, "not_found", "give an identifier: /uri/{identifier}; the frameworks are listed at /ims/case/v1p1/CFDocuments",
                        "<p>Give an identifier: <code>/uri/{identifier}</code>. The frameworks are listed at <a href=\"" + esc(base)
                                + "ims/case/v1p1/CFDocuments\">/ims/case/v1p1/CFDocuments</a>.</p>",
                        negotiated.orElse(Format.JSON), base, true);
            String stripped = null;
            Format bySuffix = null;
            int dot = rest.lastIndexOf('.');
            if (dot > 0) {
                Optional<Format> f = Format.bySuffix(rest.substring(dot + 1));
                if (f.isPresent()) {
                    bySuffix = f.get();
                    stripped = rest.substring(0, dot);
                }
            }
            t = stripped != null ? new Target(stripped, null, rest, bySuffix, false) : new Target(rest, null, null, null, false);
        }
        if ((t.identifier() != null && t.identifier().length() > MAX_ID_LENGTH) || (t.iri() != null && t.iri().length() > MAX_ID_LENGTH))
            return notFound(t, base, t.forced() != null ? t.forced() : negotiated.orElse(Format.JSON), t.forced() == null, 0);

        Target target = t;
        return registry.read(dsg -> {
            StoreView v = new StoreView(dsg, facts);
            Target tt = target;
            Optional<Resolver.Resolved> found = lookup(v, tt);
            if (found.isEmpty() && tt.identifierWithSuffix() != null) {
                // "x.json" may be a whole identifier after all; then the format is negotiated
                tt = new Target(tt.identifierWithSuffix(), null, null, null, false);
                found = lookup(v, tt);
                if (found.isEmpty()) tt = target;
            }
            if (found.isEmpty() && tt.iri() != null && tt.iri().startsWith(base + "uri/")) {
                // one of our own /uri/ addresses given as an IRI
                try {
                    String id = URLDecoder.decode(tt.iri().substring(base.length() + 4), StandardCharsets.UTF_8);
                    found = Resolver.byIdentifier(v, id);
                } catch (IllegalArgumentException badEscape) {
                    found = Optional.empty(); // not an address of ours after all: answered as unknown
                }
            }
            boolean isNegotiated = tt.forced() == null;
            Format format = tt.forced() != null ? tt.forced() : negotiated.orElse(null);
            if (found.isEmpty()) {
                int references = tt.iri() == null ? 0 : v.find(Node.ANY, Node.ANY, NodeFactory.createURI(tt.iri()), 1000).size();
                return notFound(tt, base, format != null ? format : Format.JSON, isNegotiated, references);
            }
            Resolver.Resolved r = found.get();
            Map<Format, String> alternates = alternates(base, r, tt.viaResolve());
            if (format == null) return notAcceptable(base, "the Accept header accepts none of the formats offered", alternates, true)
                    .withLinks(linkHeader(alternates, r));
            return represent(req, v, r, format, isNegotiated, alternates, base);
        });
    }

    private static Optional<Resolver.Resolved> lookup(StoreView v, Target t) {
        return t.iri() != null ? Resolver.byIri(v, t.iri()) : Resolver.byIdentifier(v, t.identifier());
    }

    /** One representation of a found entity, or 304 when the client's copy is current. */
    private Reply represent(HttpServletRequest req, StoreView v, Resolver.Resolved r, Format f, boolean isNegotiated,
                            Map<Format, String> alternates, String base) {
        List<String[]> headers = new ArrayList<>();
        if (isNegotiated) {
            headers.add(new String[]{"Vary", "Accept"});
            headers.add(new String[]{"Content-Location", alternates.get(f)});
        }
        headers.add(new String[]{"Link", linkHeader(alternates, r)});
        headers.add(new String[]{"Cache-Control", CACHE_CONTROL});

        Optional<StoreView.GraphFacts> facts = v.facts(r.graph());
        if (f == Format.JSON) {
            Instant lastModified = facts.map(StoreView.GraphFacts::importedAt).orElseGet(() -> lastChange(v, r));
            String etag = facts.filter(x -> x.hash() != null)
                    .map(x -> tag(digest(JSON_VERSION + "|" + base + "|" + r.graph() + "|" + x.hash() + "|" + r.node() + "|" + registry.generation()), f)).orElse(null);
            if (etag != null && notModified(req, etag, lastModified)) return Reply.notModified(headers, etag, lastModified);
            byte[] body = bytes(json.of(v, r, base));
            if (etag == null) {
                etag = tag(digest(body), f);
                if (notModified(req, etag, lastModified)) return Reply.notModified(headers, etag, lastModified);
            }
            return new Reply(200, f.contentType(), body, headers, etag, lastModified);
        }
        byte[] body = switch (f) {
            case HTML -> new EntityPage(v, r, base).render(alternates).getBytes(StandardCharsets.UTF_8);
            default -> EntityRdf.write(EntityRdf.describe(v, r), f);
        };
        Instant lastModified = v.lastImport();
        if (lastModified == null) lastModified = lastChange(v, r);
        String etag = tag(digest(body), f);
        if (notModified(req, etag, lastModified)) return Reply.notModified(headers, etag, lastModified);
        return new Reply(200, f.contentType(), body, headers, etag, lastModified);
    }

    private static Instant lastChange(StoreView v, Resolver.Resolved r) {
        return StoreView.instant(v.literal(r.graph(), r.node(), SG.lastChangeDateTime));
    }

    /** RFC 9110 section 13.2.2: If-None-Match decides when present; else If-Modified-Since. */
    private static boolean notModified(HttpServletRequest req, String etag, Instant lastModified) {
        String inm = req.getHeader("If-None-Match");
        if (inm != null) {
            for (String candidate : inm.split(",")) {
                String c = candidate.trim();
                if (c.startsWith("W/")) c = c.substring(2);
                if (c.equals("*") || c.equals(etag)) return true;
            }
            return false;
        }
        if (lastModified == null) return false;
        long ims;
        try {
            ims = req.getDateHeader("If-Modified-Since");
        } catch (IllegalArgumentException e) {
            return false;
        }
        return ims >= 0 && lastModified.getEpochSecond() <= ims / 1000;
    }

    private static Map<Format, String> alternates(String base, Resolver.Resolved r, boolean viaResolve) {
        Map<Format, String> m = new LinkedHashMap<>();
        for (Format f : Format.values()) {
            m.put(f, viaResolve && r.node().isURI() ? Urls.resolve(base, r.node().getURI(), f) : Urls.entity(base, r.identifier(), f));
        }
        return m;
    }

    private static String linkHeader(Map<Format, String> alternates, Resolver.Resolved r) {
        StringJoiner j = new StringJoiner(", ");
        alternates.forEach((f, href) -> j.add("<" + Urls.headerSafe(href) + ">; rel=\"alternate\"; type=\"" + f.mediaType() + "\""));
        if (r.node().isURI()) j.add("<" + Urls.headerSafe(r.node().getURI()) + ">; rel=\"canonical\"");
        return j.toString();
    }

    // ----------------------------------------------------------------------------------------
    // Errors

    private Reply notFound(Target t, String base, Format f, boolean isNegotiated, int references) {
        String frameworks = base + "ims/case/v1p1/CFDocuments";
        String sparql = base + "sparql";
        String what = t.iri() != null ? "IRI " + t.iri() : "identifier " + t.identifier();
        String text = "no entity with " + what + " in this registry; try /sparql or /ims/case/v1p1/CFDocuments";
        if (references > 0) text += " (it is referenced here, but no framework in this registry describes it)";
        if (f == Format.HTML) {
            StringBuilder h = new StringBuilder();
            h.append("<p>No entity with ").append(t.iri() != null ? "IRI" : "identifier").append(" <code>")
                    .append(esc(t.iri() != null ? t.iri() : t.identifier())).append("</code> in this registry.</p>\n");
            if (references > 0) {
                h.append("<p>Frameworks here link to it, but none of them describes it.");
                if (Urls.followable(t.iri())) h.append(" Its publisher may: <a href=\"").append(esc(t.iri())).append("\">").append(esc(t.iri())).append("</a>.");
                h.append("</p>\n");
            }
            h.append("<p>Try the <a href=\"").append(esc(sparql)).append("\">SPARQL endpoint</a> or the list of frameworks at <a href=\"")
                    .append(esc(frameworks)).append("\">/ims/case/v1p1/CFDocuments</a>.</p>\n");
            return withVary(Reply.html(404, EntityPage.error(base, "Not found", h.toString())), isNegotiated);
        }
        ObjectNode o = error(404, "not_found", text);
        if (t.identifier() != null) o.put("identifier", t.identifier());
        if (t.iri() != null) o.put("uri", t.iri());
        o.put("sparql", sparql).put("frameworks", frameworks);
        return withVary(Reply.json(404, o), isNegotiated);
    }

    private Reply notAcceptable(String base, String why, Map<Format, String> alternates, boolean isNegotiated) {
        StringJoiner types = new StringJoiner(", ");
        for (Format f : Format.values()) types.add(f.mediaType());
        ObjectNode o = error(406, "not_acceptable", why + "; this resource is available as " + types
                + " (ask with Accept, or add .html, .json, .jsonld, .ttl or .nt to the /uri/ address, or format= to /resolve)");
        ArrayNode arr = o.putArray("alternates");
        if (alternates != null) alternates.forEach((f, href) -> arr.addObject().put("type", f.mediaType()).put("href", href));
        else for (Format f : Format.values()) arr.addObject().put("type", f.mediaType()).put("format", f.suffix());
        return withVary(Reply.json(406, o), isNegotiated);
    }

    private Reply problem(int status, String code, String text, String html, Format f, String base, boolean isNegotiated) {
        Reply r = f == Format.HTML ? Reply.html(status, EntityPage.error(base, status == 404 ? "Not found" : "Bad request", html))
                : Reply.json(status, error(status, code, text));
        return withVary(r, isNegotiated);
    }

    private static Reply withVary(Reply r, boolean isNegotiated) {
        if (isNegotiated) r.headers().add(new String[]{"Vary", "Accept"});
        return r;
    }

    private static ObjectNode error(int status, String code, String message) {
        return MAPPER.createObjectNode().put("status", status).put("error", code).put("message", message);
    }

    // ----------------------------------------------------------------------------------------

    /** A complete answer, built inside the read transaction and sent after it. */
    private record Reply(int status, String contentType, byte[] body, List<String[]> headers, String etag, Instant lastModified) {
        static Reply json(int status, ObjectNode o) {
            return new Reply(status, Format.JSON.contentType(), bytes(o), new ArrayList<>(), null, null);
        }

        static Reply html(int status, String page) {
            return new Reply(status, Format.HTML.contentType(), page.getBytes(StandardCharsets.UTF_8), new ArrayList<>(), null, null);
        }

        static Reply notModified(List<String[]> headers, String etag, Instant lastModified) {
            return new Reply(304, null, null, headers, etag, lastModified);
        }

        Reply withLinks(String link) {
            headers.add(new String[]{"Link", link});
            return this;
        }

        void send(HttpServletResponse resp, boolean withBody) throws IOException {
            if (resp.isCommitted()) return;
            resp.setStatus(status);
            resp.setHeader("X-Content-Type-Options", "nosniff");
            for (String[] h : headers) {
                if (h[0].equals("Vary")) resp.addHeader(h[0], h[1]);
                else resp.setHeader(h[0], h[1]);
            }
            if (etag != null) resp.setHeader("ETag", etag);
            if (lastModified != null) resp.setDateHeader("Last-Modified", lastModified.toEpochMilli());
            if (status == 304 || body == null) return;
            resp.setContentType(contentType);
            resp.setContentLength(body.length);
            if (withBody) resp.getOutputStream().write(body);
        }
    }

    private static byte[] bytes(ObjectNode o) {
        try {
            byte[] b = PRETTY.writeValueAsBytes(o);
            byte[] out = Arrays.copyOf(b, b.length + 1);
            out[b.length] = '\n';
            return out;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tag(String digest, Format f) {
        return "\"" + digest + "-" + f.suffix() + "\"";
    }

    private static String digest(String s) { return digest(s.getBytes(StandardCharsets.UTF_8)); }

    private static String digest(byte[] b) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(b);
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes &lt; &gt; &amp; as \\u escapes, so that no JSON body can be read as markup by a browser sniffing it. */
    private static ObjectMapper htmlSafe(ObjectMapper m) {
        m.getFactory().setCharacterEscapes(new CharacterEscapes() {
            private final int[] escapes;
            {
                int[] e = CharacterEscapes.standardAsciiEscapesForJSON();
                e['<'] = e['>'] = e['&'] = CharacterEscapes.ESCAPE_STANDARD;
                escapes = e;
            }

            @Override
            public int[] getEscapeCodesForAscii() { return escapes; }

            @Override
            public SerializableString getEscapeSequence(int ch) { return null; }
        });
        return m;
    }

    private static boolean isBlank(String s) { return s == null || s.isBlank(); }

    private static String esc(String s) { return Http.htmlEscape(s); }
}
