package org.skillgraph.server.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.skillgraph.casejson.CaseEntity;
import org.skillgraph.casejson.EntityType;
import org.skillgraph.casejson.Field;
import org.skillgraph.casejson.Link;
import org.skillgraph.mapping.RdfToCase;
import org.skillgraph.mapping.Directions;
import org.skillgraph.vocab.SG;

import java.math.BigDecimal;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.skillgraph.server.Http.htmlEscape;

/**
 * The HTML page of one entity: what it says (statement, code, type, framework), where it sits
 * (parents, children), every association that starts or ends at it, phrased in plain words from
 * the ontology ("DA.1.2 is an exact match of DAC.2.3 (Data Analytics Certificate)"), alignments
 * to external concepts (O*NET, ESCO) when the store has them, all its CASE fields, and links to
 * the other formats. Self-contained: one template with inline CSS, no scripts, no external assets.
 * Every value is escaped; only http(s) IRIs become links.
 */
final class EntityPage {
    /** At most this many rows in one list of associations; the rest are counted, not shown. */
    static final int MAX_LIST = 1_000;

    private static final Pattern ONET = Pattern.compile("^https?://(?:www\\.)?(?:onetonline\\.org|onetcenter\\.org|services\\.onetcenter\\.org)/.*?([0-9]{2}-[0-9]{4}\\.[0-9]{2})");
    private static final Pattern LANG = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");
    private static final Node RDFS_LABEL = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label");
    private static final Node DESCRIPTION = SG.sg("description");
    private static final Node LANGUAGE = SG.sg("language");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final class Holder {
        static final Template TEMPLATE = Template.resource("/web/entity.html");
    }

    /** The other end of a link, described from the union of the store's graphs. */
    record End(Node node, String identifier, String code, String text, Node framework, String frameworkTitle,
               String href, boolean stored) {
        String iri() { return node.isURI() ? node.getURI() : node.toString(); }

        /** A short name: the code, else the statement or title, else the identifier or IRI. */
        String name() {
            if (code != null && !code.isBlank()) return code;
            if (text != null && !text.isBlank()) return shorten(text, 90);
            return identifier != null ? identifier : iri();
        }
    }

    /** One association that starts or ends at the entity. */
    record Assoc(Node node, String identifier, String type, End origin,
                 End destination, boolean outgoing, Long sequence, String notes, String grouping) {}

    /** One SKOS mapping triple from or to the entity. */
    record Alignment(Node property, End other, boolean outgoing) {}

    private final StoreView v;
    private final Resolver.Resolved r;
    private final String base;
    private final Labels labels = Labels.get();
    private final Map<Node, End> ends = new HashMap<>();

    EntityPage(StoreView v, Resolver.Resolved r, String base) {
        this.v = v;
        this.r = r;
        this.base = base;
    }

    /** The page; {@code alternates} maps every format to its address. */
    String render(Map<Format, String> alternates) {
        End self = end(r.node());
        CaseEntity entity = r.type() == null ? null : RdfToCase.entity(EntityJson.local(v, r), r.document(), r.node(), r.type());
        End framework = r.document() != null && !r.document().equals(r.node()) ? end(r.document()) : null;

        List<Assoc> out = associations(true);
        List<Assoc> in = associations(false);
        boolean outCut = out.size() > MAX_LIST, inCut = in.size() > MAX_LIST;
        if (outCut) out = out.subList(0, MAX_LIST);
        if (inCut) in = in.subList(0, MAX_LIST);
        List<Assoc> parents = new ArrayList<>(), children = new ArrayList<>(), outOther = new ArrayList<>(), inOther = new ArrayList<>();
        for (Assoc a : out) (isChildOf(a) ? parents : outOther).add(a);
        for (Assoc a : in) (isChildOf(a) ? children : inOther).add(a);
        children.sort(Comparator.comparing((Assoc a) -> a.sequence() == null ? Long.MAX_VALUE : a.sequence())
                .thenComparing(a -> a.origin().name(), EntityPage::naturalOrder));
        parents.sort(Comparator.comparing(a -> a.destination().name(), EntityPage::naturalOrder));
        Comparator<Assoc> byType = Comparator.comparing((Assoc a) -> typeRank(a.type()))
                .thenComparing(a -> (a.outgoing() ? a.destination() : a.origin()).name(), EntityPage::naturalOrder);
        outOther.sort(byType);
        inOther.sort(byType);
        List<Alignment> alignments = alignments();

        Assoc itself = r.type() == EntityType.ASSOCIATION ? association(r.graph(), r.node(), true) : null;

        StringBuilder c = new StringBuilder(16_384);
        crumbs(c, framework, self);
        heading(c, self, itself);
        if (!r.defined()) {
            c.append("<p class=\"note\" role=\"note\">This is not an entity that any framework in this registry defines: ");
            c.append(framework != null ? "the framework " + link(framework, false) + " links to it" : "a framework links to it");
            c.append(" and keeps only what the link said about it.");
            if (Urls.followable(self.iri())) c.append(" Its publisher may describe it at <a href=\"").append(esc(self.iri())).append("\">").append(esc(self.iri())).append("</a>.");
            c.append("</p>\n");
        }
        summary(c, self, framework, itself);
        if (r.type() == EntityType.DOCUMENT) catalog(c);
        if (r.type() != EntityType.ASSOCIATION) {
            hierarchy(c, self, parents, children, inCut);
            relations(c, outOther, inOther, outCut, inCut);
        }
        if (!alignments.isEmpty()) alignmentsSection(c, self, alignments);
        if (entity != null) details(c, entity);
        others(c);
        formats(c, alternates);

        String title = self.code() != null && self.text() != null ? self.code() + " " + shorten(self.text(), 80) : self.name();
        StringBuilder head = new StringBuilder();
        if (Urls.followable(self.iri())) head.append("<link rel=\"canonical\" href=\"").append(esc(self.iri())).append("\">\n");
        alternates.forEach((f, href) -> head.append("<link rel=\"alternate\" type=\"").append(f.mediaType())
                .append("\" href=\"").append(esc(href)).append("\" title=\"").append(esc(f.label())).append("\">\n"));
        String footer = "Identifier <code>" + esc(r.identifier()) + "</code> &middot; "
                + (framework != null ? "in " + esc(framework.name()) + " &middot; " : "")
                + "served by the skillgraph registry";
        return Holder.TEMPLATE.render(Map.of("lang", "en", "title", esc(title + " | skillgraph"), "head", head.toString(),
                "base", esc(base), "content", c.toString(), "footer", footer));
    }

    /** A page for an error (404, 406...): a heading and a paragraph of already escaped HTML. */
    static String error(String base, String heading, String html) {
        String content = "<h1>" + esc(heading) + "</h1>\n" + html + "\n";
        return Holder.TEMPLATE.render(Map.of("lang", "en", "title", esc(heading + " | skillgraph"), "head", "",
                "base", esc(base), "content", content, "footer", "served by the skillgraph registry"));
    }

    // ----------------------------------------------------------------------------------------
    // Sections

    private void crumbs(StringBuilder c, End framework, End self) {
        c.append("<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><ol><li><a href=\"").append(esc(base)).append("\">Registry</a></li>");
        if (framework != null) c.append("<li>").append(link(framework, false)).append("</li>");
        c.append("<li aria-current=\"page\">").append(esc(self.name())).append("</li></ol></nav>\n");
    }

    private void heading(StringBuilder c, End self, Assoc itself) {
        c.append("<p class=\"kind\">").append(esc(kind())).append("</p>\n");
        String lang = language();
        switch (r.type() == null ? EntityType.CONCEPT : r.type()) {
            case ITEM -> {
                String shortText = v.literal(r.graph(), r.node(), SG.abbreviatedStatement);
                String full = v.literal(r.graph(), r.node(), SG.fullStatement);
                c.append("<h1>");
                if (self.code() != null) c.append("<span class=\"code\">").append(esc(self.code())).append("</span> ");
                c.append("<span").append(lang).append(">").append(esc(shortText != null ? shortText : shorten(full != null ? full : self.name(), 120))).append("</span></h1>\n");
                if (full != null) c.append("<p class=\"statement\"").append(lang).append(">").append(esc(full)).append("</p>\n");
            }
            case ASSOCIATION -> {
                c.append("<h1>").append(itself != null ? sentence(itself, false) : esc(self.name())).append("</h1>\n");
                if (itself != null && itself.notes() != null) c.append("<p class=\"statement\">").append(esc(itself.notes())).append("</p>\n");
            }
            default -> {
                String title = v.literal(r.graph(), r.node(), SG.title);
                c.append("<h1").append(lang).append(">").append(esc(title != null ? title : self.name())).append("</h1>\n");
                String description = v.literal(r.graph(), r.node(), DESCRIPTION);
                if (description != null) c.append("<p class=\"statement\"").append(lang).append(">").append(esc(description)).append("</p>\n");
            }
        }
    }

    private void summary(StringBuilder c, End self, End framework, Assoc itself) {
        c.append("<h2 id=\"summary\">Summary</h2>\n<dl class=\"facts\">\n");
        if (framework != null) fact(c, "Framework", link(framework, false));
        if (r.type() == EntityType.ITEM) {
            if (self.code() != null) fact(c, "Code", "<span class=\"code\">" + esc(self.code()) + "</span>");
            String typeName = v.literal(r.graph(), r.node(), SG.itemTypeName);
            if (typeName != null) fact(c, "Item type", esc(typeName));
        }
        if (itself != null) {
            String forward = Directions.forward(itself.type()), inverse = Directions.inverse(itself.type());
            fact(c, "Type", "<code>" + esc(itself.type()) + "</code> &mdash; " + esc(forward)
                    + (inverse.equals(forward) ? "" : " (read from the destination: " + esc(inverse) + ")"));
            fact(c, "Reads as", sentence(itself, false));
            fact(c, "Origin", link(itself.origin(), true));
            fact(c, "Destination", link(itself.destination(), true));
            if (itself.sequence() != null) fact(c, "Sequence number", esc(itself.sequence().toString()));
            if (itself.grouping() != null) fact(c, "Grouping", esc(itself.grouping()));
        }
        fact(c, "Identifier", "<code>" + esc(r.identifier()) + "</code>");
        fact(c, "IRI", iriHtml(self.iri()));
        String changed = v.literal(r.graph(), r.node(), SG.lastChangeDateTime);
        if (changed != null) fact(c, "Last changed", "<time>" + esc(changed) + "</time>");
        c.append("</dl>\n");
    }

    private void catalog(StringBuilder c) {
        Optional<StoreView.GraphFacts> f = v.facts(r.graph());
        if (f.isEmpty()) return;
        StoreView.GraphFacts g = f.get();
        c.append("<h2 id=\"catalog\">In this registry</h2>\n<dl class=\"facts\">\n");
        if (g.items() != null) fact(c, "Items", esc(g.items().toString()));
        if (g.associations() != null) fact(c, "Associations", esc(g.associations().toString()));
        if (g.publisher() != null) fact(c, "Publisher", esc(g.publisher()));
        if (g.version() != null) fact(c, "Version", esc(g.version()));
        if (g.importedAt() != null) fact(c, "Imported", "<time datetime=\"" + esc(g.importedAt().toString()) + "\">" + esc(g.importedAt().toString()) + "</time>"
                + (g.importVersion() != null ? " (import " + esc(g.importVersion().toString()) + ")" : ""));
        if (g.source() != null) fact(c, "Source", Urls.followable(g.source()) ? "<a href=\"" + esc(g.source()) + "\">" + esc(g.source()) + "</a>" : esc(g.source()));
        if (g.hash() != null) fact(c, "Content hash", "<code>" + esc(g.hash()) + "</code>");
        String id = g.identifier() != null ? g.identifier() : r.identifier();
        fact(c, "Whole framework", "<a href=\"" + esc(base + "ims/case/v1p1/CFPackages/" + Urls.segment(id)) + "\">CASE package (JSON)</a>");
        c.append("</dl>\n");
    }

    private void hierarchy(StringBuilder c, End self, List<Assoc> parents, List<Assoc> children, boolean cut) {
        if (!(parents.isEmpty() && r.type() == EntityType.DOCUMENT)) {
            c.append("<h2 id=\"parents\">Parents</h2>\n");
            if (parents.isEmpty()) c.append("<p>None.</p>\n");
            else {
                c.append("<ul class=\"rel\">\n");
                for (Assoc a : parents) {
                    c.append("<li>").append(sentence(a, true)).append(via(a));
                    text(c, a.destination());
                    c.append("</li>\n");
                }
                c.append("</ul>\n");
            }
        }
        c.append("<h2 id=\"children\">Children <span class=\"fw\">(").append(children.size()).append(cut ? "+" : "").append(")</span></h2>\n");
        if (children.isEmpty()) {
            c.append("<p>None.</p>\n");
            return;
        }
        c.append("<p>Each of these ").append(esc(Directions.forward("isChildOf"))).append(" <span class=\"self\">").append(esc(self.name()))
                .append("</span>, in the framework&rsquo;s order:</p>\n<ol class=\"rel\">\n");
        for (Assoc a : children) {
            c.append("<li>").append(link(a.origin(), true)).append(via(a));
            text(c, a.origin());
            c.append("</li>\n");
        }
        c.append("</ol>\n");
        if (cut) c.append("<p class=\"more\">Only the first ").append(MAX_LIST).append(" are listed; ask the SPARQL endpoint for the rest.</p>\n");
    }

    private void relations(StringBuilder c, List<Assoc> out, List<Assoc> in, boolean outCut, boolean inCut) {
        c.append("<h2 id=\"associations\">Associations</h2>\n");
        if (out.isEmpty() && in.isEmpty()) {
            c.append("<p>No associations other than the hierarchy above start or end here.</p>\n");
            return;
        }
        c.append("<h3>From ").append(esc(end(r.node()).name())).append(" <span class=\"fw\">(").append(out.size()).append(")</span></h3>\n");
        assocList(c, out, outCut);
        c.append("<h3>To ").append(esc(end(r.node()).name())).append(" <span class=\"fw\">(").append(in.size()).append(")</span></h3>\n");
        assocList(c, in, inCut);
    }

    private void assocList(StringBuilder c, List<Assoc> list, boolean cut) {
        if (list.isEmpty()) {
            c.append("<p>None.</p>\n");
            return;
        }
        c.append("<ul class=\"rel\">\n");
        for (Assoc a : list) {
            c.append("<li><span class=\"relation\">").append(esc(a.outgoing() ? Directions.forward(a.type()) : Directions.inverse(a.type()))).append("</span> ")
                    .append(sentence(a, true)).append(" <span class=\"badge\" title=\"CASE association type\">").append(esc(a.type())).append("</span>")
                    .append(via(a));
            text(c, a.outgoing() ? a.destination() : a.origin());
            if (a.notes() != null) c.append("<span class=\"text\">Note: ").append(esc(a.notes())).append("</span>");
            c.append("</li>\n");
        }
        c.append("</ul>\n");
        if (cut) c.append("<p class=\"more\">Only the first ").append(MAX_LIST).append(" are listed; ask the SPARQL endpoint for the rest.</p>\n");
    }

    private void alignmentsSection(StringBuilder c, End self, List<Alignment> list) {
        c.append("<h2 id=\"alignments\">Alignments</h2>\n<ul class=\"rel\">\n");
        for (Alignment a : list) {
            String phrase = skosPhrase(a.property());
            End subject = a.outgoing() ? self : a.other(), object = a.outgoing() ? a.other() : self;
            c.append("<li>").append(alignPart(subject)).append(" ").append(esc(phrase)).append(" ").append(alignPart(object))
                    .append(" <span class=\"badge\" title=\"SKOS mapping property\">skos:").append(esc(local(a.property()))).append("</span>");
            String scheme = scheme(a.other());
            if (scheme != null) c.append(" <span class=\"badge\" title=\"Vocabulary\">").append(esc(scheme)).append("</span>");
            if (Urls.followable(a.other().iri()) && !a.other().stored())
                c.append("<span class=\"text iri\">").append(esc(a.other().iri())).append("</span>");
            c.append("</li>\n");
        }
        c.append("</ul>\n");
    }

    private void details(StringBuilder c, CaseEntity e) {
        c.append("<h2 id=\"fields\">CASE fields</h2>\n<details><summary>All fields of this ").append(esc(e.type().caseName()))
                .append("</summary>\n<dl class=\"facts\">\n");
        for (Field f : e.type().fields()) {
            Object value = e.values().get(f.json());
            if (value == null) continue;
            c.append("<dt>").append(esc(capital(labels.label(f.predicate())))).append(" <code>").append(esc(f.json())).append("</code></dt><dd>")
                    .append(value(value)).append("</dd>\n");
        }
        if (e.type() == EntityType.ASSOCIATION) {
            for (String end : List.of("originNodeURI", "destinationNodeURI")) {
                Link l = e.link(end);
                if (l != null) c.append("<dt><code>").append(end).append("</code></dt><dd>").append(value(l)).append("</dd>\n");
            }
        }
        for (Map.Entry<String, JsonNode> u : e.unknown().entrySet())
            c.append("<dt><code>").append(esc(u.getKey())).append("</code> (not a CASE field)</dt><dd>").append(value(u.getValue())).append("</dd>\n");
        c.append("</dl>\n</details>\n");
    }

    private void others(StringBuilder c) {
        if (r.others().isEmpty()) return;
        c.append("<h2 id=\"others\">Same identifier elsewhere</h2>\n<p>When several stored nodes carry one identifier, "
                + "<code>/uri/</code> shows the one that a framework defines rather than one a framework only links to, and among "
                + "definitions the one imported most recently. The registry also holds:</p>\n<ul class=\"rel\">\n");
        for (Resolver.Candidate o : r.others()) {
            Optional<StoreView.GraphFacts> f = v.facts(o.graph());
            String where = f.map(StoreView.GraphFacts::title).orElse(o.graph().toString());
            c.append("<li><a href=\"").append(esc(Urls.resolve(base, o.node().getURI()))).append("\">").append(esc(o.node().getURI()))
                    .append("</a> <span class=\"fw\">").append(o.defined() ? "defined in " : "a link target in ").append(esc(where)).append("</span></li>\n");
        }
        c.append("</ul>\n");
    }

    private void formats(StringBuilder c, Map<Format, String> alternates) {
        c.append("<h2 id=\"formats\">Other formats</h2>\n<p class=\"formats\">");
        alternates.forEach((f, href) -> {
            if (f != Format.HTML) c.append("<a href=\"").append(esc(href)).append("\" type=\"").append(f.mediaType()).append("\">").append(esc(f.label())).append("</a> ");
        });
        c.append("</p>\n<p>The same address gives each of them by content negotiation (the <code>Accept</code> header).</p>\n");
    }

    // ----------------------------------------------------------------------------------------
    // Reading

    private List<Assoc> associations(boolean outgoing) {
        List<Assoc> list = new ArrayList<>();
        for (Quad q : v.find(Node.ANY, outgoing ? SG.originNode : SG.destinationNode, r.node(), MAX_LIST + 1)) {
            Assoc a = association(q.getGraph(), q.getSubject(), outgoing);
            if (a != null) list.add(a);
        }
        return list;
    }

    private Assoc association(Node g, Node a, boolean outgoing) {
        String type = v.literal(g, a, SG.associationType);
        Node origin = v.object(g, a, SG.originNode), destination = v.object(g, a, SG.destinationNode);
        if (origin == null || destination == null) return null;
        End o = withFallback(end(origin), v.literal(g, a, SG.originNodeTitle), v.literal(g, a, SG.originNodeIdentifier));
        End d = withFallback(end(destination), v.literal(g, a, SG.destinationNodeTitle), v.literal(g, a, SG.destinationNodeIdentifier));
        Node grouping = v.object(g, a, SG.associationGrouping);
        String groupingTitle = grouping == null ? null : v.literalAnywhere(grouping, SG.title);
        return new Assoc(a, v.literal(g, a, SG.identifier), type == null ? "(no type)" : type, o, d, outgoing,
                StoreView.number(v.literal(g, a, SG.sequenceNumber)), v.literal(g, a, SG.notes), groupingTitle);
    }

    private List<Alignment> alignments() {
        List<Alignment> list = new ArrayList<>();
        for (Node p : EntityRdf.SKOS_MATCHES) {
            for (Quad q : v.find(r.node(), p, Node.ANY, MAX_LIST)) if (q.getObject().isURI()) list.add(new Alignment(p, end(q.getObject()), true));
            for (Quad q : v.find(Node.ANY, p, r.node(), MAX_LIST)) if (q.getSubject().isURI()) list.add(new Alignment(p, end(q.getSubject()), false));
        }
        return list;
    }

    private End end(Node x) {
        return ends.computeIfAbsent(x, this::readEnd);
    }

    private End readEnd(Node x) {
        String id = v.literalAnywhere(x, SG.identifier);
        String code = first(() -> v.literalAnywhere(x, SG.humanCodingScheme), () -> v.literalAnywhere(x, SG.skosNotation));
        String text = first(() -> v.literalAnywhere(x, SG.fullStatement), () -> v.literalAnywhere(x, SG.title),
                () -> v.literalAnywhere(x, SG.skosPrefLabel), () -> v.literalAnywhere(x, RDFS_LABEL), () -> v.literalAnywhere(x, SG.dctTitle));
        if (code == null && x.isURI()) {
            Matcher m = ONET.matcher(x.getURI());
            if (m.find()) code = m.group(1);
        }
        Node fw = v.objectAnywhere(x, SG.framework);
        String fwTitle = fw == null ? null : first(() -> v.literalAnywhere(fw, SG.title), () -> v.literalAnywhere(fw, SG.skosPrefLabel));
        String iri = x.isURI() ? x.getURI() : null;
        String href;
        if (id != null && Resolver.nodesWithIdentifier(v, id) == 1) href = Urls.entity(base, id);
        else href = iri != null ? Urls.resolve(base, iri) : null;
        return new End(x, id, code, text, fw, fwTitle, href, id != null);
    }

    private static End withFallback(End e, String title, String identifier) {
        if ((e.text() != null || title == null) && (e.identifier() != null || identifier == null)) return e;
        return new End(e.node(), e.identifier() != null ? e.identifier() : identifier, e.code(),
                e.text() != null ? e.text() : title, e.framework(), e.frameworkTitle(), e.href(), e.stored());
    }

    // ----------------------------------------------------------------------------------------
    // Writing

    /** "origin is part of destination", as the association was stated, with links. */
    private String sentence(Assoc a, boolean markSelf) {
        return "<span class=\"sentence\">" + part(a.origin(), markSelf) + " " + esc(Directions.forward(a.type())) + " "
                + part(a.destination(), markSelf) + "</span>";
    }

    private String part(End e, boolean markSelf) {
        if (markSelf && e.node().equals(r.node())) return "<span class=\"self\">" + esc(e.name()) + "</span>";
        return link(e, true);
    }

    /** A link to another node, followed by its framework when that is not this entity's framework. */
    private String link(End e, boolean withFramework) {
        StringBuilder sb = new StringBuilder();
        if (e.href() != null) sb.append("<a href=\"").append(esc(e.href())).append("\"");
        else sb.append("<span");
        if (e.text() != null && !e.name().equals(e.text())) sb.append(" title=\"").append(esc(shorten(e.text(), 300))).append("\"");
        sb.append(">").append(esc(e.name())).append(e.href() != null ? "</a>" : "</span>");
        if (!withFramework) return sb.toString();
        if (e.frameworkTitle() != null && !Objects.equals(e.framework(), r.document()) && !e.node().equals(r.document()))
            sb.append(" <span class=\"fw\">(").append(esc(e.frameworkTitle())).append(")</span>");
        else if (!e.stored()) {
            sb.append(" <span class=\"fw\">(not in this registry");
            if (Urls.followable(e.iri())) sb.append("; <a href=\"").append(esc(e.iri())).append("\">publisher&rsquo;s address</a>");
            sb.append(")</span>");
        }
        return sb.toString();
    }

    private String alignPart(End e) {
        if (e.node().equals(r.node())) return "<span class=\"self\">" + esc(e.name()) + "</span>";
        if (e.stored()) return link(e, true);
        String label = e.code() != null && e.text() != null ? e.code() + " " + e.text() : e.name();
        if (Urls.followable(e.iri())) return "<a href=\"" + esc(e.iri()) + "\">" + esc(label) + "</a>";
        return "<span class=\"iri\">" + esc(label) + "</span>";
    }

    private String via(Assoc a) {
        if (a.identifier() == null) return "";
        String href = Resolver.nodesWithIdentifier(v, a.identifier()) == 1 ? Urls.entity(base, a.identifier()) : Urls.resolve(base, a.node().getURI());
        return " <a class=\"via\" href=\"" + esc(href) + "\" aria-label=\"the association itself\">(association)</a>";
    }

    private void text(StringBuilder c, End e) {
        if (e.text() != null && e.code() != null) c.append("<span class=\"text\">").append(esc(e.text())).append("</span>");
    }

    private String value(Object value) {
        if (value instanceof Link l) {
            String label = l.title() != null ? l.title() : l.identifier() != null ? l.identifier() : l.uri();
            String href = null;
            if (l.identifier() != null && Resolver.nodesWithIdentifier(v, l.identifier()) == 1) href = Urls.entity(base, l.identifier());
            else if (l.uri() != null && Urls.followable(l.uri())) href = l.uri();
            return href == null ? esc(label) : "<a href=\"" + esc(href) + "\">" + esc(label) + "</a>";
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder();
            for (Object o : list) sb.append(sb.length() == 0 ? "" : ", ").append(value(o));
            return sb.toString();
        }
        if (value instanceof JsonNode j) {
            try {
                return "<pre>" + esc(JSON.writeValueAsString(j)) + "</pre>";
            } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                return esc(j.toString());
            }
        }
        if (value instanceof BigDecimal d) return esc(d.toPlainString());
        String s = String.valueOf(value);
        return Urls.followable(s) && !s.contains(" ") ? "<a href=\"" + esc(s) + "\">" + esc(s) + "</a>" : esc(s);
    }

    private static void fact(StringBuilder c, String name, String html) {
        c.append("<dt>").append(esc(name)).append("</dt><dd>").append(html).append("</dd>\n");
    }

    private String iriHtml(String iri) {
        String s = "<span class=\"iri\">" + esc(iri) + "</span>";
        return Urls.followable(iri) ? "<a href=\"" + esc(iri) + "\">" + s + "</a>" : s;
    }

    private String kind() {
        if (r.type() == null) return "Linked entity";
        return switch (r.type()) {
            case ITEM -> {
                String t = v.literal(r.graph(), r.node(), SG.itemTypeName);
                yield t != null ? t + " \u00b7 CFItem" : "CFItem";
            }
            case DOCUMENT -> "Framework \u00b7 CFDocument";
            case ASSOCIATION -> "Association \u00b7 CFAssociation";
            default -> capital(labels.label(r.type().rdfClass())) + " \u00b7 " + r.type().caseName();
        };
    }

    private String language() {
        String l = v.literal(r.graph(), r.node(), LANGUAGE);
        return l != null && LANG.matcher(l.trim()).matches() && !l.trim().equalsIgnoreCase("en") ? " lang=\"" + esc(l.trim()) + "\"" : "";
    }

    private String skosPhrase(Node p) {
        return switch (local(p)) {
            case "exactMatch" -> "is an exact match of";
            case "closeMatch" -> "is a close match of";
            case "relatedMatch" -> "is related to";
            case "broadMatch" -> "is narrower than";
            case "narrowMatch" -> "is broader than";
            default -> labels.label(p);
        };
    }

    private static String scheme(End e) {
        String iri = e.iri();
        if (ONET.matcher(iri).find()) return "O*NET";
        if (iri.startsWith("http://data.europa.eu/esco/") || iri.startsWith("https://data.europa.eu/esco/")) return "ESCO";
        return null;
    }

    private boolean isChildOf(Assoc a) { return "isChildOf".equals(a.type()); }

    private static int typeRank(String type) {
        int i = SG.ASSOCIATION_TYPES.indexOf(type);
        return i < 0 ? SG.ASSOCIATION_TYPES.size() : i;
    }

    private static String local(Node p) {
        String u = p.getURI();
        return u.substring(Math.max(u.lastIndexOf('#'), u.lastIndexOf('/')) + 1);
    }

    @SafeVarargs
    private static String first(java.util.function.Supplier<String>... options) {
        for (var o : options) {
            String s = o.get();
            if (s != null && !s.isBlank()) return s;
        }
        return null;
    }

    static String shorten(String s, int max) {
        if (s == null || s.length() <= max) return s;
        int cut = s.lastIndexOf(' ', max - 1);
        return s.substring(0, cut > max / 2 ? cut : max - 1) + "\u2026";
    }

    private static String capital(String s) {
        return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String esc(String s) { return htmlEscape(s); }

    /** Orders codes like DAC.2.10 after DAC.2.9. */
    static int naturalOrder(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i), y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int si = i, sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) i++;
                while (j < b.length() && Character.isDigit(b.charAt(j))) j++;
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", ""), nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                if (na.length() != nb.length()) return na.length() - nb.length();
                int cmp = na.compareTo(nb);
                if (cmp != 0) return cmp;
            } else {
                if (x != y) return Character.compare(x, y);
                i++;
                j++;
            }
        }
        return (a.length() - i) - (b.length() - j);
    }
}
