package org.skillgraph.testutil;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A small CASE JSON package written in a few lines, for tests: items by code and statement,
 * associations by code ("A.1", "isChildOf", "A"; the code "DOC" is the framework document).
 * Identifiers are name-based UUIDs from the framework name and the code.
 */
public final class MiniCase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "https://case.example.org/uri/";
    private static final String TIME = "2025-01-01T00:00:00Z";

    private final String name;
    private final ObjectNode document = JSON.createObjectNode();
    private final ArrayNode items = JSON.createArrayNode();
    private final ArrayNode associations = JSON.createArrayNode();
    private final Map<String, String> titles = new LinkedHashMap<>();

    public MiniCase(String name) {
        this.name = name;
        document.put("identifier", id("DOC"));
        document.put("uri", BASE + id("DOC"));
        document.put("creator", "Tests");
        document.put("title", name);
        document.put("lastChangeDateTime", TIME);
        titles.put("DOC", name);
    }

    /** Adds the citation fields (officialSourceURL and publisher). */
    public MiniCase cited() {
        document.put("officialSourceURL", "https://case.example.org/frameworks/" + id("DOC"));
        document.put("publisher", "Tests");
        return this;
    }

    public MiniCase item(String code, String statement) {
        ObjectNode i = items.addObject();
        i.put("identifier", id(code));
        i.put("uri", BASE + id(code));
        i.put("fullStatement", statement);
        i.put("humanCodingScheme", code);
        i.put("lastChangeDateTime", TIME);
        i.set("CFDocumentURI", link("DOC"));
        titles.put(code, statement);
        return this;
    }

    /** An item under a parent (a code, or "DOC"), with its isChildOf association. */
    public MiniCase child(String code, String statement, String parent) {
        return item(code, statement).association(code, "isChildOf", parent);
    }

    public MiniCase association(String origin, String type, String destination) {
        ObjectNode a = associations.addObject();
        String aid = id(origin + " " + type + " " + destination);
        a.put("identifier", aid);
        a.put("uri", BASE + aid);
        a.put("associationType", type);
        a.set("originNodeURI", link(origin));
        a.set("destinationNodeURI", link(destination));
        a.put("lastChangeDateTime", TIME);
        a.set("CFDocumentURI", link("DOC"));
        return this;
    }

    private ObjectNode link(String code) {
        ObjectNode l = JSON.createObjectNode();
        l.put("title", titles.getOrDefault(code, code));
        l.put("identifier", id(code));
        l.put("uri", BASE + id(code));
        return l;
    }

    public String id(String code) {
        return UUID.nameUUIDFromBytes((name + "|" + code).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public String json() {
        ObjectNode root = JSON.createObjectNode();
        root.set("CFDocument", document);
        root.set("CFItems", items);
        root.set("CFAssociations", associations);
        return root.toPrettyString();
    }

    /** Writes the package to {@code dir/name.json} and returns the file. */
    public Path write(Path dir) {
        try {
            Path p = dir.resolve(name.replaceAll("[^A-Za-z0-9]+", "-") + ".json");
            Files.writeString(p, json());
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
