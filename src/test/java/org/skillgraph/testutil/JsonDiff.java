package org.skillgraph.testutil;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.*;

/**
 * Differences between two JSON trees as JSON pointers into the first. Key order is ignored;
 * arrays of objects with an "identifier" are matched by identifier (order ignored), other arrays
 * element by element. Numbers compare by value.
 */
public final class JsonDiff {
    private JsonDiff() {}

    public static List<String> diff(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        walk("", expected, actual, out);
        return out;
    }

    private static void walk(String at, JsonNode a, JsonNode b, List<String> out) {
        if (a == null || b == null) {
            if (a != b) out.add(at);
            return;
        }
        if (a.isNumber() && b.isNumber()) {
            if (a.decimalValue().compareTo(b.decimalValue()) != 0) out.add(at);
            return;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> keys = new TreeSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) walk(at + "/" + k.replace("~", "~0").replace("/", "~1"), a.get(k), b.get(k), out);
            return;
        }
        if (a.isArray() && b.isArray()) {
            if (byIdentifier(a) && byIdentifier(b)) {
                Map<String, JsonNode> bs = new HashMap<>();
                b.forEach(x -> bs.put(x.get("identifier").asText(), x));
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < a.size(); i++) {
                    String id = a.get(i).get("identifier").asText();
                    seen.add(id);
                    walk(at + "/" + i, a.get(i), bs.get(id), out);
                }
                for (String id : bs.keySet()) if (!seen.contains(id)) out.add(at + "/+" + id);
                return;
            }
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) walk(at + "/" + i, a.get(i), b.get(i), out);
            return;
        }
        if (!a.equals(b)) out.add(at);
    }

    private static boolean byIdentifier(JsonNode arr) {
        if (arr.isEmpty()) return false;
        for (JsonNode x : arr) if (!x.isObject() || !x.hasNonNull("identifier")) return false;
        return true;
    }

    /** A difference is explained by a repair at the same place, inside it, or above it. */
    public static boolean covered(String path, Collection<String> repairPointers) {
        for (String r : repairPointers)
            if (path.equals(r) || path.startsWith(r + "/") || r.startsWith(path + "/")) return true;
        return false;
    }
}
