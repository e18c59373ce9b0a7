package org.skillgraph.server.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.skillgraph.store.CatalogEntry;
import org.skillgraph.store.History;
import org.skillgraph.store.Registry;
import org.skillgraph.store.Version;
import org.skillgraph.vocab.Iris;
import org.skillgraph.vocab.SG;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The registry's catalog as served: the catalog graph (DCAT datasets, PROV-O version records,
 * VoID counts) with access links added, and the same facts as JSON for {@code /api/frameworks}.
 */
final class CatalogView {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Catalog statements the JSON names by field; every other one is listed under "provenance". */
    private static final Set<String> SHOWN = Set.of("rdf:type", "dct:identifier", "foaf:primaryTopic", "dct:title",
            "dct:publisher", "dcat:version", "dct:source", "dcat:hasCurrentVersion", "sg:caseVersionRead", "sg:itemCount",
            "sg:associationCount", "void:triples", "sg:contentHash", "sg:importVersion", "prov:generatedAtTime", "sg:withdrawnAt");

    private final Registry registry;
    private final String base;

    CatalogView(Registry registry, String base) {
        this.registry = registry;
        this.base = base;
    }

    static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    String self(CatalogEntry e) { return base + "api/frameworks/" + segment(e.identifier()); }
    String casePackage(CatalogEntry e) { return base + "ims/case/v1p1/CFPackages/" + segment(e.identifier()); }
    String page(CatalogEntry e) { return base + "uri/" + segment(e.identifier()); }

    /** The catalog graph, with each framework's versions (dcat:hasVersion) and distributions (CASE JSON, Turtle). */
    Model rdf() {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefixes(SG.PREFIXES).setNsPrefix("foaf", "http://xmlns.com/foaf/0.1/");
        registry.read(dsg -> {
            dsg.getGraph(Iris.CATALOG_GRAPH).find().forEachRemaining(t -> m.getGraph().add(t));
            return null;
        });
        Resource catalog = m.wrapAsResource(Iris.CATALOG);
        catalog.addProperty(m.createProperty(SG.DCT, "title"), "skillgraph registry catalog");
        catalog.addProperty(m.createProperty(SG.VOID, "sparqlEndpoint"), m.createResource(base + "sparql"));
        catalog.addProperty(m.createProperty(SG.DCAT, "landingPage"), m.createResource(base + "catalog"));
        for (CatalogEntry e : registry.list()) {
            Resource ds = m.createResource(e.graph());
            for (Version v : History.versions(registry, e)) ds.addProperty(m.createProperty(SG.DCAT, "hasVersion"), m.createResource(v.iri()));
            distribution(m, ds, casePackage(e), "application/json", "CASE 1.1 package (JSON)");
            distribution(m, ds, base + "data?graph=" + URLEncoder.encode(e.graph(), StandardCharsets.UTF_8), "text/turtle",
                    "The framework's named graph (Turtle)");
            ds.addProperty(m.createProperty(SG.VOID, "sparqlEndpoint"), m.createResource(base + "sparql"));
        }
        return m;
    }

    private static void distribution(Model m, Resource ds, String url, String mediaType, String title) {
        Resource d = m.createResource().addProperty(RDF.type, m.createResource(SG.DCAT + "Distribution"))
                .addProperty(m.createProperty(SG.DCAT, "accessURL"), m.createResource(url))
                .addProperty(m.createProperty(SG.DCAT, "mediaType"), m.createResource("https://www.iana.org/assignments/media-types/" + mediaType))
                .addProperty(m.createProperty(SG.DCT, "title"), title);
        ds.addProperty(m.createProperty(SG.DCAT, "distribution"), d);
    }

    /** One framework's JSON entry; with its versions when {@code withVersions}. */
    ObjectNode entry(CatalogEntry e, Map<String, Map<String, List<String>>> props, Map<String, Instant> withdrawn,
                     boolean withVersions) {
        ObjectNode o = JSON.createObjectNode();
        o.put("identifier", e.identifier()).put("title", e.title()).put("publisher", e.publisher())
                .put("frameworkVersion", e.frameworkVersion()).put("caseVersion", e.caseVersion())
                .put("version", e.importVersion()).put("importedAt", e.importedAt().toString()).put("source", e.source())
                .put("contentHash", e.contentHash()).put("items", e.items()).put("associations", e.associations())
                .put("triples", e.triples());
        Instant w = withdrawn.get(e.graph());
        o.put("status", w == null ? "current" : "withdrawn");
        if (w != null) o.put("withdrawnAt", w.toString());
        o.put("graph", e.graph()).put("document", e.document());
        ObjectNode prov = o.putObject("provenance");
        props.getOrDefault(e.graph(), Map.of()).forEach((p, values) -> {
            if (SHOWN.contains(p)) return;
            if (values.size() == 1) prov.put(p, values.get(0));
            else values.forEach(prov.putArray(p)::add);
        });
        ObjectNode links = o.putObject("links");
        links.put("self", self(e)).put("diff", self(e) + "/diff").put("casePackage", casePackage(e))
                .put("page", page(e)).put("catalog", base + "catalog");
        if (withVersions) {
            ArrayNode versions = o.putArray("versions");
            for (Version v : History.versions(registry, e)) {
                ObjectNode x = versions.addObject().put("version", v.number()).put("iri", v.iri())
                        .put("importedAt", v.importedAt() == null ? null : v.importedAt().toString());
                x.put("replacedAt", v.replacedAt() == null ? null : v.replacedAt().toString());
                x.put("contentHash", v.contentHash()).put("items", v.items()).put("associations", v.associations())
                        .put("triples", v.triples()).put("source", v.source());
                if (v.previous() == null) x.putNull("previous"); else x.put("previous", v.previous());
                x.put("contentKept", v.contentKept());
            }
        }
        return o;
    }

    /** Every framework, by title, as JSON. */
    ObjectNode list() {
        Map<String, Map<String, List<String>>> props = History.properties(registry);
        Map<String, Instant> withdrawn = History.withdrawn(registry);
        List<CatalogEntry> entries = registry.list();
        ObjectNode o = JSON.createObjectNode().put("count", entries.size());
        ArrayNode arr = o.putArray("frameworks");
        for (CatalogEntry e : entries) arr.add(entry(e, props, withdrawn, false));
        return o;
    }

    /** One framework with its versions. */
    ObjectNode one(CatalogEntry e) {
        return entry(e, History.properties(registry), History.withdrawn(registry), true);
    }

    /** The catalog as a plain HTML page: one row per framework. */
    String html() {
        Map<String, Instant> withdrawn = History.withdrawn(registry);
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>skillgraph catalog</title>\n")
                .append("<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}")
                .append("th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}")
                .append("td.n{text-align:right}code{font-size:.85em}.withdrawn{color:#a00}</style></head><body>\n")
                .append("<h1>Catalog</h1>\n<p>Frameworks in this registry. Also as <a href=\"").append(esc(base)).append("catalog?format=ttl\">Turtle</a>, ")
                .append("<a href=\"").append(esc(base)).append("catalog?format=jsonld\">JSON-LD</a> and <a href=\"").append(esc(base))
                .append("api/frameworks\">JSON</a>; query it at <a href=\"").append(esc(base)).append("sparql\">SPARQL</a> (graph <code>")
                .append(esc(Iris.CATALOG_GRAPH.getURI())).append("</code>).</p>\n")
                .append("<table>\n<tr><th>Title</th><th>Publisher</th><th>Version</th><th>Items</th><th>Imported</th>")
                .append("<th>Source</th><th>Content hash</th><th>Versions</th><th>Status</th></tr>\n");
        for (CatalogEntry e : registry.list()) {
            Instant w = withdrawn.get(e.graph());
            sb.append("<tr><td><a href=\"").append(esc(page(e))).append("\">").append(esc(e.title() == null ? e.identifier() : e.title()))
                    .append("</a><br><code>").append(esc(e.identifier())).append("</code></td>")
                    .append("<td>").append(esc(e.publisher())).append("</td>")
                    .append("<td>").append(esc(e.frameworkVersion())).append("</td>")
                    .append("<td class=\"n\">").append(e.items()).append("</td>")
                    .append("<td>").append(esc(e.importedAt().toString())).append("</td>")
                    .append("<td>").append(esc(e.source())).append("</td>")
                    .append("<td><code>").append(esc(e.contentHash())).append("</code></td><td>");
            List<Version> versions = History.versions(registry, e);
            for (int i = 0; i < versions.size(); i++) {
                Version v = versions.get(i);
                if (i > 0) sb.append(", ");
                sb.append("<span title=\"").append(esc(String.valueOf(v.importedAt()))).append("\">v").append(v.number()).append("</span>");
                if (v.previous() != null && v.contentKept() && v.number() > 1)
                    sb.append(" (<a href=\"").append(esc(self(e))).append("/diff?to=").append(v.number()).append("&amp;format=text\">diff</a>)");
            }
            sb.append("</td><td").append(w == null ? ">current" : " class=\"withdrawn\">withdrawn " + esc(w.toString())).append("</td></tr>\n");
        }
        return sb.append("</table>\n</body></html>\n").toString();
    }

    private static String esc(String s) { return org.skillgraph.server.Http.htmlEscape(s); }
}
