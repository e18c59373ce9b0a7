package org.skillgraph.store;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.diff.JobRoleV2;
import org.skillgraph.error.NotFoundException;
import org.skillgraph.pipeline.Pipeline;
import org.skillgraph.pipeline.Source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Version records and kept version content: on disk beside TDB2, bounded, and never in the query graphs. */
class HistoryTest {
    @TempDir Path dir;
    final Pipeline pipeline = new Pipeline();

    /** Three distinct versions of the job role: v1, v2 and v1 again (a new version with v1's content). */
    void importThree(Registry r) throws IOException {
        Path v2 = JobRoleV2.write(dir);
        pipeline.importInto(r, Source.file(JobRoleV2.v1()), n -> {});
        pipeline.importInto(r, Source.file(v2), n -> {});
        pipeline.importInto(r, Source.file(v2), n -> {}); // unchanged: no new version
        pipeline.importInto(r, Source.file(JobRoleV2.v1()), n -> {});
    }

    static List<Path> snapshotFiles(Path store) throws IOException {
        Path versions = store.resolve("versions");
        if (!Files.isDirectory(versions)) return List.of();
        try (Stream<Path> s = Files.list(versions)) { return s.sorted().toList(); }
    }

    @Test
    void versionsAreListedNewestFirstWithTheirContentKeptOnDisk() throws IOException {
        Path store = dir.resolve("store");
        try (Registry r = Registry.openTdb2(store)) {
            importThree(r);
            CatalogEntry e = r.find(JobRoleV2.ID);
            assertEquals(3, e.importVersion());
            List<Version> versions = History.versions(r, e);
            assertEquals(List.of(3L, 2L, 1L), versions.stream().map(Version::number).toList());
            assertEquals(versions.get(2).contentHash(), versions.get(0).contentHash(), "v3 has v1's content");
            assertNotEquals(versions.get(1).contentHash(), versions.get(0).contentHash());
            assertNull(versions.get(0).replacedAt());
            assertNotNull(versions.get(1).replacedAt());
            assertEquals(2L, versions.get(0).previous());
            assertNull(versions.get(2).previous());
            assertTrue(versions.stream().allMatch(Version::contentKept));
            assertEquals(26, versions.get(1).items(), "v2 has one item removed and one added: " + versions.get(1));
            // Two distinct contents, so two files, named by content hash.
            assertEquals(2, snapshotFiles(store).size(), snapshotFiles(store).toString());
            assertTrue(snapshotFiles(store).get(0).getFileName().toString().matches("h128-[0-9a-f]{32}\\.nt\\.gz"));
            // Queries over the union default graph see only the current version's items.
            long items = r.read(ds -> {
                try (QueryExecution qe = r.query(QueryFactory.create(
                        "PREFIX sg: <https://w3id.org/skillgraph/ns#> SELECT (COUNT(DISTINCT ?i) AS ?n) { ?i a sg:Competency }"))) {
                    return qe.execSelect().next().getLiteral("n").getLong();
                }
            });
            assertEquals(e.items(), items);
            // The kept content is the content that was imported.
            assertEquals(versions.get(1).contentHash(), Registry.contentHash(History.content(r, e, versions.get(1))));
        }
        // Reopened: still there.
        try (Registry r = Registry.openTdb2(store)) {
            CatalogEntry e = r.find(JobRoleV2.ID);
            assertEquals(3, History.versions(r, e).size());
            assertTrue(History.versions(r, e).stream().allMatch(Version::contentKept));
        }
    }

    @Test
    void onlyTheLastNVersionsAreKept() throws IOException {
        Path store = dir.resolve("store");
        try (Registry r = Registry.openTdb2(store, 1)) {
            importThree(r);
            CatalogEntry e = r.find(JobRoleV2.ID);
            List<Version> versions = History.versions(r, e);
            assertEquals(List.of(true, false, true), versions.stream().map(Version::contentKept).toList(),
                    "v3 is kept (its content is v1's, so v1 is too); v2 is not");
            assertEquals(1, snapshotFiles(store).size());
            NotFoundException gone = assertThrows(NotFoundException.class, () -> History.content(r, e, versions.get(1)));
            assertTrue(gone.getMessage().contains("is no longer kept (the registry keeps the content of the last versions of each framework only; now the last 1, see --keep-versions)"), gone.getMessage());
            // Removing the framework drops its kept content; the version records stay.
            r.remove(JobRoleV2.ID);
            assertEquals(List.of(), snapshotFiles(store));
        }
    }

    @Test
    void keepingNoVersionsWritesNoFilesAndStillComparesNothingButTheCurrentOne() throws IOException {
        Path store = dir.resolve("store");
        try (Registry r = Registry.openTdb2(store, 0)) {
            importThree(r);
            assertEquals(List.of(), snapshotFiles(store));
            CatalogEntry e = r.find(JobRoleV2.ID);
            List<Version> versions = History.versions(r, e);
            assertEquals(List.of(true, false, false), versions.stream().map(Version::contentKept).toList());
            assertEquals(e.contentHash(), Registry.contentHash(History.content(r, e, versions.get(0))), "the current version comes from its graph");
        }
        assertThrows(IllegalArgumentException.class, () -> Registry.openTdb2(dir.resolve("other"), -1));
    }

    @Test
    void inMemoryStoresKeepVersionsInMemory() throws IOException {
        try (Registry r = Registry.inMemory()) {
            importThree(r);
            CatalogEntry e = r.find(JobRoleV2.ID);
            List<Version> versions = History.versions(r, e);
            assertTrue(versions.stream().allMatch(Version::contentKept));
            assertEquals(versions.get(1).contentHash(), Registry.contentHash(History.content(r, e, versions.get(1))));
        }
    }
}
