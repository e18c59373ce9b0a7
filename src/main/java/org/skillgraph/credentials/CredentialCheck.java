package org.skillgraph.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.skillgraph.store.Registry;

import java.text.Normalizer;
import java.util.*;

import static org.skillgraph.credentials.AlignmentResolver.F;
import static org.skillgraph.credentials.AlignmentResolver.put;

/**
 * Checks the alignments of an Open Badges 2.0/3.0, Endorsement or CLR 2.0 credential against the
 * registry: parses it as JSON-LD with the shipped contexts ({@link CredentialParser}), finds every
 * alignment ({@link AlignmentFinder}) and resolves each target ({@link AlignmentResolver}) in one read
 * transaction. Never stores anything; never verifies proofs or signatures.
 * <p>
 * The answer ({@code check}):
 * <pre>
 * {"credential": {"type": [...], "id": ..., "name": ...},
 *  "proofChecked": false, "note": "signatures/proofs are not verified",
 *  "alignments": [{"path": ..., "targetUrl": ..., "given": {...}, "achievement": {...},
 *                  "status": "resolved|external|unknown", "matchedBy": ..., "reason": ...,
 *                  "mismatches": [{"field": "targetCode", "given": ..., "stored": ...}],
 *                  "item": {...}, "framework": {...}, "ancestors": [...], "neighbours": [...],
 *                  "referenceAlignments": [...],                     (resolved)
 *                  "publisher": host, "harvestSource": null}],        (external)
 *  "nestedCredentials": [...], "associations": [...], "summary": {...}}
 * </pre>
 */
public final class CredentialCheck {
    /** Most alignments one credential may carry. */
    public static final int MAX_ALIGNMENTS = 10_000;
    /** Most URIs one batch resolution may ask for. */
    public static final int MAX_URIS = 1_000;
    public static final String NOTE = "signatures/proofs are not verified";

    private final Registry registry;
    private final HarvestSources harvest;

    public CredentialCheck(Registry registry) { this(registry, HarvestSources.NONE); }

    public CredentialCheck(Registry registry, HarvestSources harvest) {
        this.registry = registry;
        this.harvest = harvest == null ? HarvestSources.NONE : harvest;
    }

    /**
     * Checks one credential. {@code base} is the registry's public address (ends with '/', may be
     * null): targets under it are looked up as the registry's own {@code /uri/} addresses.
     */
    public ObjectNode check(byte[] body, String source, String base) {
        CredentialParser.Parsed parsed = CredentialParser.parse(body, source);
        AlignmentFinder.Found found = AlignmentFinder.find(parsed.expanded(), MAX_ALIGNMENTS, source);
        return registry.read(dsg -> report(found, new AlignmentResolver(new RegistryLookup(dsg), base, harvest)));
    }

    private ObjectNode report(AlignmentFinder.Found found, AlignmentResolver resolver) {
        ObjectNode out = F.objectNode();
        out.set("credential", ref(found.credential(), false));
        out.put("proofChecked", false);
        out.put("note", NOTE);
        ArrayNode list = out.putArray("alignments");
        Counts counts = new Counts();
        for (AlignmentFinder.Alignment a : found.alignments()) {
            ObjectNode o = F.objectNode();
            o.put("path", a.path());
            o.put("targetUrl", a.targetUrl());
            ObjectNode given = o.putObject("given");
            put(given, "targetCode", a.targetCode());
            put(given, "targetName", a.targetName());
            put(given, "targetFramework", a.targetFramework());
            put(given, "targetType", a.targetType());
            put(given, "targetDescription", a.targetDescription());
            if (a.achievement() != null) o.set("achievement", ref(a.achievement(), true));
            if (a.credential() != null && found.credential() != null && !Objects.equals(a.credential().path(), found.credential().path()))
                o.set("inCredential", ref(a.credential(), true));
            AlignmentResolver.Resolution r = resolver.resolve(a.targetUrl(), a.targetType());
            fill(o, r, mismatches(a.targetCode(), a.targetName(), a.targetFramework(), a.targetType(), r.facts()));
            counts.add(o);
            list.add(o);
        }
        if (!found.nestedCredentials().isEmpty()) {
            ArrayNode nested = out.putArray("nestedCredentials");
            for (AlignmentFinder.Ref r : found.nestedCredentials()) nested.add(ref(r, true));
        }
        if (!found.associations().isEmpty()) {
            ArrayNode as = out.putArray("associations");
            for (AlignmentFinder.Association a : found.associations()) {
                ObjectNode o = as.addObject();
                o.put("path", a.path());
                put(o, "associationType", a.associationType());
                put(o, "sourceId", a.sourceId());
                put(o, "targetId", a.targetId());
                AlignmentFinder.Ref s = a.sourceId() == null ? null : found.achievements().get(a.sourceId());
                AlignmentFinder.Ref t = a.targetId() == null ? null : found.achievements().get(a.targetId());
                if (s != null) put(o, "sourceName", s.name());
                if (t != null) put(o, "targetName", t.name());
                o.put("sourceInCredential", s != null);
                o.put("targetInCredential", t != null);
            }
        }
        ObjectNode summary = counts.json();
        summary.put("nestedCredentials", found.nestedCredentials().size());
        summary.put("associations", found.associations().size());
        summary.put("achievements", found.achievements().size());
        out.set("summary", summary);
        return out;
    }

    /**
     * Resolves a list of targets: each entry a URI string, or an object with {@code targetUrl} and
     * optionally targetCode, targetName, targetFramework, targetType (then mismatches are reported too).
     */
    public ObjectNode resolveAll(List<JsonNode> entries, String base) {
        if (entries.size() > MAX_URIS)
            throw new CredentialRejectedException(413, "too_many_uris", "request",
                    entries.size() + " URIs is over the limit of " + MAX_URIS + " per request; send them in parts");
        return registry.read(dsg -> {
            AlignmentResolver resolver = new AlignmentResolver(new RegistryLookup(dsg), base, harvest);
            ObjectNode out = F.objectNode();
            ArrayNode results = out.putArray("results");
            Counts counts = new Counts();
            int i = 0;
            for (JsonNode e : entries) {
                ObjectNode o = F.objectNode();
                String url, code = null, name = null, framework = null, type = null;
                if (e.isTextual()) url = e.asText();
                else if (e.isObject()) {
                    url = text(e, "targetUrl");
                    if (url == null) url = text(e, "uri");
                    code = text(e, "targetCode");
                    name = text(e, "targetName");
                    framework = text(e, "targetFramework");
                    type = text(e, "targetType");
                } else {
                    throw new CredentialRejectedException(400, "bad_request", "request", "uris[" + i + "]",
                            "each entry must be a URI string or an object with targetUrl", null, null);
                }
                o.put("targetUrl", url);
                AlignmentResolver.Resolution r = resolver.resolve(url, type);
                fill(o, r, mismatches(code, name, framework, type, r.facts()));
                counts.add(o);
                results.add(o);
                i++;
            }
            out.set("summary", counts.json());
            return out;
        });
    }

    private static String text(JsonNode o, String f) {
        JsonNode v = o.get(f);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static void fill(ObjectNode o, AlignmentResolver.Resolution r, ArrayNode mismatches) {
        o.put("status", r.status());
        put(o, "matchedBy", r.matchedBy());
        put(o, "reason", r.reason());
        o.set("mismatches", mismatches);
        if (r.details() != null) o.setAll(r.details());
        if (r.status().equals("external")) {
            put(o, "publisher", r.publisher());
            o.put("harvestSource", r.harvestSource());
        }
    }

    private static ObjectNode ref(AlignmentFinder.Ref r, boolean withPath) {
        ObjectNode o = F.objectNode();
        ArrayNode t = o.putArray("type");
        if (r != null) for (String s : r.type()) t.add(s);
        o.put("id", r == null ? null : r.id());
        o.put("name", r == null ? null : r.name());
        if (withPath && r != null) o.put("path", r.path());
        return o;
    }

    // ---------------------------------------------------------------------------------------------
    // Mismatches

    /** Where the stated fields disagree with the stored entity (none when it did not resolve). */
    static ArrayNode mismatches(String code, String name, String framework, String type, ItemFacts f) {
        ArrayNode out = F.arrayNode();
        if (f == null) return out;
        if (code != null && !code.isBlank()) {
            boolean ok = f.code() != null ? same(code, f.code()) : f.identifier() != null && same(code, f.identifier());
            if (!ok && f.identifier() != null && same(code, f.identifier())) ok = true; // CASE examples use the identifier as the code
            if (!ok) add(out, "targetCode", code, f.code() != null ? f.code() : f.identifier());
        }
        if (name != null && !name.isBlank()) {
            boolean ok = sameText(name, f.fullStatement()) || sameText(name, f.abbreviatedStatement()) || sameText(name, f.title());
            if (!ok) add(out, "targetName", name, f.name());
        }
        if (framework != null && !framework.isBlank()) {
            boolean ok = sameText(framework, f.frameworkTitle()) || same(framework, f.frameworkIdentifier()) || same(framework, f.frameworkUri());
            if (!ok) add(out, "targetFramework", framework, f.frameworkTitle());
        }
        if (type != null && !type.isBlank()) {
            String stored = f.caseType();
            if (stored == null || !type.trim().equals(stored)) add(out, "targetType", type, stored);
        }
        return out;
    }

    private static void add(ArrayNode out, String field, String given, String stored) {
        ObjectNode m = out.addObject();
        m.put("field", field);
        m.put("given", given);
        m.put("stored", stored);
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && a.trim().equalsIgnoreCase(b.trim());
    }

    /** Texts compared without regard to case, runs of white space, Unicode form or a final full stop. */
    static boolean sameText(String a, String b) {
        if (a == null || b == null) return false;
        return norm(a).equals(norm(b));
    }

    private static String norm(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFC).trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        while (n.endsWith(".")) n = n.substring(0, n.length() - 1).trim();
        return n;
    }

    private static final class Counts {
        int total, resolved, external, unknown, withMismatches, mismatches;

        void add(ObjectNode o) {
            total++;
            switch (o.get("status").asText()) {
                case "resolved" -> resolved++;
                case "external" -> external++;
                default -> unknown++;
            }
            int m = o.get("mismatches").size();
            mismatches += m;
            if (m > 0) withMismatches++;
        }

        ObjectNode json() {
            ObjectNode s = F.objectNode();
            s.put("alignments", total);
            s.put("resolved", resolved);
            s.put("external", external);
            s.put("unknown", unknown);
            s.put("withMismatches", withMismatches);
            s.put("mismatches", mismatches);
            return s;
        }
    }
}
