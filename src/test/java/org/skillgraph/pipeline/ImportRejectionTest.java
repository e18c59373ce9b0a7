package org.skillgraph.pipeline;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.skillgraph.error.InputRejectedException;
import org.skillgraph.error.ValidationFailedException;
import org.skillgraph.store.Registry;
import org.skillgraph.testutil.StoreDump;
import org.skillgraph.testutil.TestData;
import org.skillgraph.validate.Finding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Broken inputs give a clear error and leave the store exactly as it was. */
class ImportRejectionTest {
    @TempDir Path dir;
    Registry registry;
    final Pipeline pipeline = new Pipeline();

    @BeforeEach
    void storeTwoFrameworks() {
        registry = Registry.openTdb2(dir.resolve("store"));
        pipeline.importInto(registry, Source.file(TestData.sample("data-analytics-certificate.json")), n -> {});
        pipeline.importInto(registry, Source.file(TestData.sample("data-analyst-job-role.json")), n -> {});
    }

    @org.junit.jupiter.api.AfterEach
    void close() { registry.close(); }

    private List<String> dump() { return StoreDump.quads(registry); }

    private static Source broken(String name) throws Exception {
        Path p = Path.of(ImportRejectionTest.class.getResource("/broken/" + name).toURI());
        return Source.file(p);
    }

    @ParameterizedTest
    @ValueSource(strings = {"truncated.json", "empty.json", "not-case.json", "top-level-array.json", "deep-nesting.json",
            "items-not-array.json", "wrong-type-statement.json", "wrong-type-sequence.json",
            "missing-required.json", "ischildof-cycle.json", "duplicate-identifier.json"})
    void rejectedImportChangesNothing(String name) throws Exception {
        List<String> before = dump();
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> pipeline.importInto(registry, broken(name), n -> {}));
        assertTrue(e.getMessage().contains(name), e.getMessage());
        assertEquals(before, dump(), "store changed after rejecting " + name);
    }

    @Test
    void missingRequiredFieldsAreNamedWithTheirPlaceInTheFile() throws Exception {
        ValidationFailedException e = assertThrows(ValidationFailedException.class,
                () -> pipeline.importInto(registry, broken("missing-required.json"), n -> {}));
        List<Finding> v = e.report().findings().stream().filter(Finding::isViolation).toList();
        assertTrue(v.stream().anyMatch(f -> "fullStatement".equals(f.field()) && "/CFItems/4".equals(f.pointer())), v.toString());
        assertTrue(v.stream().anyMatch(f -> "lastChangeDateTime".equals(f.field()) && "/CFItems/5".equals(f.pointer())), v.toString());
    }

    @Test
    void cycleIsReportedOnAnItemInIt() throws Exception {
        ValidationFailedException e = assertThrows(ValidationFailedException.class,
                () -> pipeline.importInto(registry, broken("ischildof-cycle.json"), n -> {}));
        assertTrue(e.report().toText().toLowerCase().contains("cycle"), e.report().toText());
    }

    @Test
    void twoEntitiesWithOneIdentifierAreAViolation() throws Exception {
        ValidationFailedException e = assertThrows(ValidationFailedException.class,
                () -> pipeline.importInto(registry, broken("duplicate-identifier.json"), n -> {}));
        assertTrue(e.report().toText().contains("duplicate identifier"), e.report().toText());
    }

    @Test
    void theStoredVersionStillExportsAfterARejection() throws Exception {
        assertThrows(InputRejectedException.class, () -> pipeline.importInto(registry, broken("ischildof-cycle.json"), n -> {}));
        assertEquals(2, registry.list().size());
        assertTrue(Files.exists(dir.resolve("store")));
        assertEquals(1, registry.list().stream().filter(x -> x.title().equals("Data Analytics Certificate")).count());
    }
}
