package org.skillgraph.cli;

import org.skillgraph.store.CatalogEntry;
import org.skillgraph.store.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "list", description = "List the stored frameworks with their sizes.")
final class ListCommand implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Registry registry = store.open()) {
            List<CatalogEntry> entries = registry.list();
            if (entries.isEmpty()) {
                out.println("no frameworks in " + store.describe());
                return Main.OK;
            }
            String fmt = "%-38s %-44s %7s %7s %8s %4s  %s%n";
            out.printf(fmt, "IDENTIFIER", "TITLE", "ITEMS", "ASSOCS", "TRIPLES", "VER", "IMPORTED");
            for (CatalogEntry e : entries)
                out.printf(fmt, e.identifier(), cut(e.title(), 44), e.items(), e.associations(), e.triples(),
                        e.importVersion(), e.importedAt().toString().substring(0, 19) + "Z");
        }
        return Main.OK;
    }

    private static String cut(String s, int n) {
        if (s == null) return "";
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
