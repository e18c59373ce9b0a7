package org.skillgraph.cli;

import org.skillgraph.casejson.Repair;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints repairs grouped by kind, with a count and the first place each happened. */
final class Repairs {
    private Repairs() {}

    static void summarize(List<Repair> repairs, PrintWriter err) {
        Map<String, Repair> first = new LinkedHashMap<>();
        Map<String, Integer> count = new LinkedHashMap<>();
        for (Repair r : repairs) {
            String kind = r.message().replaceAll("'[^']*'|\"[^\"]*\"", "…");
            first.putIfAbsent(kind, r);
            count.merge(kind, 1, Integer::sum);
        }
        first.forEach((kind, r) -> err.printf("  repaired %dx: %s (first at %s)%n", count.get(kind), r.message(), r.pointer()));
    }
}
