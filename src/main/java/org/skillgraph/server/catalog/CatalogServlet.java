package org.skillgraph.server.catalog;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.skillgraph.server.Http;
import org.skillgraph.server.ServerConfig;
import org.skillgraph.server.resolve.Format;
import org.skillgraph.server.resolve.Negotiation;
import org.skillgraph.store.Registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /catalog}: the registry's catalog (DCAT, PROV-O, VoID) as Turtle, JSON-LD,
 * N-Triples or an HTML page, by the Accept header or {@code ?format=ttl|jsonld|nt|html}. Read-only.
 */
public final class CatalogServlet extends HttpServlet {
    static final List<Format> PREFERENCE = List.of(Format.TURTLE, Format.HTML, Format.JSONLD, Format.NTRIPLES);

    private final transient Registry registry;
    private final transient ServerConfig config;

    public CatalogServlet(Registry registry, ServerConfig config) {
        this.registry = registry;
        this.config = config;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<Format> format = req.getParameter("format") != null
                ? Format.byName(req.getParameter("format")).filter(PREFERENCE::contains)
                : Negotiation.choose(req.getHeader("Accept"), PREFERENCE);
        resp.setHeader("Vary", "Accept");
        if (format.isEmpty()) {
            Http.jsonError(resp, req.getParameter("format") != null ? 400 : 406, "not_acceptable",
                    "the catalog is available as text/turtle, text/html, application/ld+json and application/n-triples (format=ttl, html, jsonld, nt)");
            return;
        }
        CatalogView view = new CatalogView(registry, Http.base(req, config));
        Format f = format.get();
        if (f == Format.HTML) {
            Http.send(resp, 200, f.contentType(), view.html());
            return;
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        RDFDataMgr.write(buf, view.rdf(), switch (f) {
            case JSONLD -> RDFFormat.JSONLD11;
            case NTRIPLES -> RDFFormat.NTRIPLES;
            default -> RDFFormat.TURTLE;
        });
        Http.send(resp, 200, f.contentType(), buf.toString(StandardCharsets.UTF_8));
    }
}
