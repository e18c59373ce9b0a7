package org.skillgraph.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Mints every IRI skillgraph makes. Entities keep the publisher's {@code uri} when it is an
 * absolute IRI; otherwise they are named {@code urn:uuid:{identifier}}. Graph and catalog names
 * are URNs, independent of the host a registry runs on.
 */
public final class Iris {
    private Iris() {}

    public static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The named graph that holds the catalog of frameworks. */
    public static final Node CATALOG_GRAPH = NodeFactory.createURI("urn:skillgraph:catalog");
    /** The catalog itself (a dcat:Catalog), inside the catalog graph. */
    public static final Node CATALOG = NodeFactory.createURI("urn:skillgraph:catalog#registry");

    /** The IRI of a CASE entity given its uri and identifier (either may be null, not both). */
    public static Node entity(String uri, String identifier) {
        if (uri != null && isAbsolute(uri)) return NodeFactory.createURI(uri);
        if (identifier == null) throw new IllegalArgumentException("no identifier and no absolute uri");
        if (UUID.matcher(identifier).matches()) return NodeFactory.createURI("urn:uuid:" + identifier.toLowerCase());
        return NodeFactory.createURI("urn:skillgraph:id:" + URLEncoder.encode(identifier, StandardCharsets.UTF_8));
    }

    /** The namespace of {@link #stableIdentifier}: fixed, so the same names give the same UUIDs everywhere. */
    private static final java.util.UUID SHEET_NAMESPACE = java.util.UUID.fromString("6f1c9a52-3d0e-4b8e-9c41-5a7d2e8b0f13");

    /**
     * A name-based (version 5, SHA-1) UUID for an entity that was given no identifier, e.g. a
     * spreadsheet row: the same framework and key always give the same identifier, hence the same IRI.
     */
    public static String stableIdentifier(String framework, String key) {
        try {
            java.security.MessageDigest sha1 = java.security.MessageDigest.getInstance("SHA-1");
            java.nio.ByteBuffer ns = java.nio.ByteBuffer.allocate(16)
                    .putLong(SHEET_NAMESPACE.getMostSignificantBits()).putLong(SHEET_NAMESPACE.getLeastSignificantBits());
            sha1.update(ns.array());
            sha1.update((framework + "\n" + key).getBytes(StandardCharsets.UTF_8));
            byte[] h = sha1.digest();
            h[6] = (byte) ((h[6] & 0x0f) | 0x50);
            h[8] = (byte) ((h[8] & 0x3f) | 0x80);
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(h, 0, 16);
            return new java.util.UUID(b.getLong(), b.getLong()).toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean isAbsolute(String iri) {
        if (iri.isEmpty() || iri.chars().anyMatch(c -> c <= ' ' || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '\\' || c == '^' || c == '`'))
            return false;
        try {
            return IRIx.create(iri).isAbsolute();
        } catch (IRIException e) {
            return false;
        }
    }

    /** The named graph of the framework whose CFDocument has this identifier. */
    public static Node frameworkGraph(String documentIdentifier) {
        return NodeFactory.createURI("urn:skillgraph:framework:" + URLEncoder.encode(documentIdentifier, StandardCharsets.UTF_8));
    }

    /** One imported version of a framework, described in the catalog. */
    public static Node frameworkVersion(String documentIdentifier, long version) {
        return NodeFactory.createURI(frameworkGraph(documentIdentifier).getURI() + ":v" + version);
    }
}
