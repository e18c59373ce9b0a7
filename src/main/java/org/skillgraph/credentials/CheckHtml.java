package org.skillgraph.credentials;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/** The check's answer as a page for people. Everything from the credential or the store is escaped. */
public final class CheckHtml {
    private CheckHtml() {}

    public static String render(JsonNode report, String title) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append("</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}")
                .append("table{border-collapse:collapse}td,th{padding:.2rem .6rem;text-align:left;vertical-align:top}")
                .append(".resolved{color:#11682c}.external{color:#8a5a00}.unknown{color:#a11}")
                .append(".alignment{border:1px solid #ccc;border-radius:6px;padding:.6rem 1rem;margin:1rem 0}")
                .append("code{font-size:.9em;word-break:break-all}.mismatch{background:#fff3f3}")
                .append("</style></head><body>\n");
        b.append("<h1>").append(esc(title)).append("</h1>\n");
        JsonNode c = report.path("credential");
        if (!c.isMissingNode()) {
            b.append("<p><strong>").append(esc(text(c, "name", "(unnamed credential)"))).append("</strong> ")
                    .append(esc(join(c.path("type")))).append(" <code>").append(esc(text(c, "id", ""))).append("</code></p>\n");
        }
        b.append("<p><em>").append(esc(text(report, "note", CredentialCheck.NOTE))).append("</em></p>\n");
        JsonNode s = report.path("summary");
        b.append("<p>").append(s.path("alignments").asInt()).append(" alignments: ")
                .append("<span class=\"resolved\">").append(s.path("resolved").asInt()).append(" resolved</span>, ")
                .append("<span class=\"external\">").append(s.path("external").asInt()).append(" external</span>, ")
                .append("<span class=\"unknown\">").append(s.path("unknown").asInt()).append(" unknown</span>; ")
                .append(s.path("withMismatches").asInt()).append(" with mismatches.</p>\n");
        JsonNode list = report.has("alignments") ? report.get("alignments") : report.path("results");
        for (JsonNode a : list) alignment(b, a);
        JsonNode as = report.path("associations");
        if (as.isArray() && !as.isEmpty()) {
            b.append("<h2>Associations between achievements</h2>\n<ul>\n");
            for (JsonNode x : as) {
                b.append("<li>").append(esc(text(x, "sourceName", text(x, "sourceId", "?")))).append(" <em>")
                        .append(esc(text(x, "associationType", "?"))).append("</em> ")
                        .append(esc(text(x, "targetName", text(x, "targetId", "?")))).append("</li>\n");
            }
            b.append("</ul>\n");
        }
        b.append("</body></html>\n");
        return b.toString();
    }

    private static void alignment(StringBuilder b, JsonNode a) {
        String status = text(a, "status", "unknown");
        b.append("<div class=\"alignment\">\n<p><span class=\"").append(esc(status.toLowerCase(Locale.ROOT))).append("\"><strong>")
                .append(esc(status)).append("</strong></span> ");
        link(b, text(a, "targetUrl", null));
        if (a.hasNonNull("path")) b.append(" <small>at <code>").append(esc(a.get("path").asText())).append("</code></small>");
        b.append("</p>\n");
        JsonNode ach = a.path("achievement");
        if (ach.hasNonNull("name")) b.append("<p>In achievement ").append(esc(ach.get("name").asText())).append("</p>\n");
        if (a.hasNonNull("reason")) b.append("<p>").append(esc(a.get("reason").asText())).append("</p>\n");
        JsonNode item = a.path("item");
        if (item.isObject()) {
            b.append("<p>Stored: ").append(esc(text(item, "humanCodingScheme", ""))).append(' ')
                    .append(esc(text(item, "fullStatement", text(item, "title", "")))).append(" <small>(")
                    .append(esc(text(item, "type", "entity"))).append(" in ")
                    .append(esc(text(a.path("framework"), "title", "an untitled framework"))).append(")</small>");
            if (item.hasNonNull("registryUrl")) {
                b.append(" &middot; ");
                link(b, item.get("registryUrl").asText());
            }
            b.append("</p>\n");
        }
        JsonNode mm = a.path("mismatches");
        if (mm.isArray() && !mm.isEmpty()) {
            b.append("<table class=\"mismatch\"><tr><th>field</th><th>in the credential</th><th>stored</th></tr>\n");
            for (JsonNode m : mm) {
                b.append("<tr><td>").append(esc(text(m, "field", ""))).append("</td><td>").append(esc(text(m, "given", "")))
                        .append("</td><td>").append(esc(text(m, "stored", "(none)"))).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        JsonNode anc = a.path("ancestors");
        if (anc.isArray() && !anc.isEmpty()) {
            b.append("<p>Under: ");
            boolean first = true;
            for (JsonNode x : anc) {
                if (!first) b.append(" &lt; ");
                first = false;
                b.append(esc(text(x, "humanCodingScheme", text(x, "name", text(x, "uri", "")))));
            }
            b.append("</p>\n");
        }
        JsonNode nb = a.path("neighbours");
        if (nb.isArray() && !nb.isEmpty()) {
            b.append("<ul>\n");
            for (JsonNode x : nb) b.append("<li>").append(esc(text(x, "words", ""))).append("</li>\n");
            b.append("</ul>\n");
        }
        JsonNode refs = a.path("referenceAlignments");
        if (refs.isArray() && !refs.isEmpty()) {
            b.append("<ul>\n");
            for (JsonNode x : refs) {
                b.append("<li>").append(esc(text(x, "relation", ""))).append(' ').append(esc(text(x, "scheme", ""))).append(' ');
                link(b, text(x, "uri", null));
                if (x.hasNonNull("label")) b.append(' ').append(esc(x.get("label").asText()));
                b.append("</li>\n");
            }
            b.append("</ul>\n");
        }
        b.append("</div>\n");
    }

    private static void link(StringBuilder b, String url) {
        if (url == null) {
            b.append("(no targetUrl)");
            return;
        }
        String l = url.toLowerCase(Locale.ROOT);
        if (l.startsWith("http://") || l.startsWith("https://"))
            b.append("<a href=\"").append(esc(url)).append("\" rel=\"nofollow\"><code>").append(esc(url)).append("</code></a>");
        else b.append("<code>").append(esc(url)).append("</code>");
    }

    private static String text(JsonNode o, String f, String dflt) {
        JsonNode v = o == null ? null : o.get(f);
        return v == null || v.isNull() ? dflt : v.asText();
    }

    private static String join(JsonNode arr) {
        StringBuilder sb = new StringBuilder();
        if (arr.isArray()) for (JsonNode t : arr) sb.append(sb.length() == 0 ? "" : ", ").append(t.asText());
        return sb.toString();
    }

    static String esc(String s) { return org.skillgraph.server.Http.htmlEscape(s); }
}
