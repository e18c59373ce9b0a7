package org.skillgraph.diff;

import org.apache.jena.graph.Graph;
import org.skillgraph.casejson.CasePackage;
import org.skillgraph.casejson.CaseWriter;
import org.skillgraph.error.InputRejectedException;
import org.skillgraph.mapping.RdfToCase;
import org.skillgraph.store.CatalogEntry;
import org.skillgraph.store.History;
import org.skillgraph.store.Registry;
import org.skillgraph.store.Version;

/** Compares two stored versions of a framework: the one code path of {@code skillgraph diff} and the HTTP API. */
public final class Diffs {
    private Diffs() {}

    /**
     * The changes from version {@code from} to version {@code to} (numbers as the catalog lists
     * them) of the framework whose identifier, document IRI or graph IRI is {@code framework}.
     * {@code to} defaults to the current version, {@code from} to the version before {@code to}.
     */
    public static FrameworkDiff compare(Registry registry, String framework, Long from, Long to) {
        CatalogEntry e = registry.find(framework);
        Version b = History.version(registry, e, to == null ? e.importVersion() : to);
        Long fromNumber = from != null ? from : b.previous();
        if (fromNumber == null)
            throw new InputRejectedException(framework, "from", "version " + b.number() + " is the first version of '"
                    + e.identifier() + "'; there is no earlier version to compare it with");
        Version a = History.version(registry, e, fromNumber);
        return FrameworkDiff.of(e.identifier(), side(a), read(registry, e, a), side(b), read(registry, e, b));
    }

    private static FrameworkDiff.Side side(Version v) {
        return new FrameworkDiff.Side(v.number(), v.importedAt(), v.contentHash());
    }

    private static CasePackage read(Registry registry, CatalogEntry e, Version v) {
        Graph g = History.content(registry, e, v);
        return RdfToCase.toCase(g, RdfToCase.findDocument(g), CaseWriter.V1_1);
    }
}
