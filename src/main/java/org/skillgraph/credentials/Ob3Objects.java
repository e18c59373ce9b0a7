package org.skillgraph.credentials;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.skillgraph.store.Registry;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import static org.skillgraph.credentials.AlignmentResolver.F;
import static org.skillgraph.credentials.AlignmentResolver.put;

/**
 * Any stored entity as an Open Badges 3.0 {@code Alignment} and as an OB 3.0 {@code Achievement}
 * skeleton, so that issuers copy correct alignment data instead of typing it. {@code targetUrl} is
 * always the entity's canonical URI (its IRI), targetCode its humanCodingScheme, targetName its
 * fullStatement (else title, else abbreviatedStatement), targetFramework its framework's title and
 * targetType its CASE class (CFItem for items). The documents name the OB 3.0.3 context and read as
 * JSON-LD with the shipped contexts.
 */
public final class Ob3Objects {
    private Ob3Objects() {}

    /** The stored entity with this IRI, or else this identifier (a canonical URI wins). */
    public static Optional<ItemFacts> facts(Registry registry, String uriOrIdentifier, String base) {
        if (uriOrIdentifier == null || uriOrIdentifier.isBlank()) return Optional.empty();
        return registry.read(dsg -> {
            RegistryLookup lookup = new RegistryLookup(dsg);
            AlignmentResolver resolver = new AlignmentResolver(lookup, base, HarvestSources.NONE);
            Optional<RegistryLookup.Entity> e = lookup.byIri(uriOrIdentifier);
            if (e.isEmpty() || !e.get().defined()) {
                Optional<RegistryLookup.Entity> byId = lookup.byIdentifier(uriOrIdentifier);
                if (byId.isPresent() && (e.isEmpty() || byId.get().defined())) e = byId;
            }
            if (e.isEmpty()) {
                AlignmentResolver.Resolution r = resolver.resolve(uriOrIdentifier, null);
                return Optional.ofNullable(r.status().equals("resolved") ? r.facts() : null);
            }
            return Optional.of(resolver.facts(e.get()));
        });
    }

    /** The OB 3.0 Alignment of an entity (no @context: for use inside an achievement). */
    public static ObjectNode alignment(ItemFacts f) {
        ObjectNode o = F.objectNode();
        o.putArray("type").add("Alignment");
        o.put("targetUrl", f.iri());
        put(o, "targetName", f.name());
        put(o, "targetCode", f.code());
        put(o, "targetFramework", f.frameworkTitle());
        put(o, "targetType", f.caseType() != null ? f.caseType() : "CFItem");
        if (f.abbreviatedStatement() != null && f.fullStatement() != null && !f.abbreviatedStatement().equals(f.fullStatement()))
            o.put("targetDescription", f.abbreviatedStatement());
        return o;
    }

    /** The Alignment as a JSON-LD document of its own (with the VC 2.0 and OB 3.0.3 contexts). */
    public static ObjectNode alignmentDocument(ItemFacts f) {
        ObjectNode o = F.objectNode();
        o.set("@context", contexts());
        o.setAll(alignment(f));
        return o;
    }

    /**
     * An OB 3.0 Achievement skeleton aligned to the entity: the issuer replaces {@code id} (a stable
     * {@code urn:uuid:} derived from the entity's URI) with its own achievement URL and adds creator,
     * image and criteria as it wishes.
     */
    public static ObjectNode achievement(ItemFacts f) {
        ObjectNode o = F.objectNode();
        o.set("@context", contexts());
        o.put("id", "urn:uuid:" + UUID.nameUUIDFromBytes(("skillgraph:achievement:" + f.iri()).getBytes(StandardCharsets.UTF_8)));
        o.putArray("type").add("Achievement");
        o.put("achievementType", "Competency");
        String name = f.abbreviatedStatement() != null ? f.abbreviatedStatement() : f.name();
        put(o, "name", name != null ? name : f.iri());
        put(o, "description", f.name() != null ? f.name() : f.iri());
        o.putObject("criteria").put("narrative", "Demonstrates " + (f.code() != null ? f.code() + ": " : "")
                + (f.name() != null ? f.name() : f.iri()));
        put(o, "humanCode", f.code());
        o.putArray("alignment").add(alignment(f));
        return o;
    }

    private static ArrayNode contexts() {
        ArrayNode a = F.arrayNode();
        a.add(Contexts.VC2);
        a.add(Contexts.OB3);
        return a;
    }
}
