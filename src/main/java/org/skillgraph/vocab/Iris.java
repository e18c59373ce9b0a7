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

    /** The named graph that holds the harvest sources. */
    public static final Node SOURCES_GRAPH = NodeFactory.createURI("urn:skillgraph:sources");

    /** A harvest source, named by a digest of its URL (the URL itself is its dcat:endpointURL). */
    public static Node harvestSource(String url) {
        return NodeFactory.createURI("urn:skillgraph:source:" + sourceId(url));
    }

    /** The short id of a harvest source: the first 12 hex digits of the SHA-256 of its URL. */
    public static String sourceId(String url) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The harvest (a prov:Activity) that produced one version of a framework. */
    public static Node harvestActivity(String documentIdentifier, long version) {
        return NodeFactory.createURI(frameworkVersion(documentIdentifier, version).getURI() + ":harvest");
    }

    /** The IRI of a CASE entity given its uri and identifier (either may be null, not both). */
    public static Node entity(String uri, String identifier) {
        if (uri != null && isAbsolute(uri)) return NodeFactory.createURI(uri);
        if (identifier == null) throw new IllegalArgumentException("no identifier and no absolute uri");
        if (UUID.matcher(identifier).matches()) return NodeFactory.createURI("urn:uuid:" + identifier.toLowerCase());
        return NodeFactory.createURI("urn:skillgraph:id:" + URLEncoder.encode(identifier, StandardCharsets.UTF_8));
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
