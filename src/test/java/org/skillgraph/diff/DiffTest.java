package org.skillgraph.diff;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.cli.Main;
import org.skillgraph.error.InputRejectedException;
import org.skillgraph.error.NotFoundException;
import org.skillgraph.pipeline.Pipeline;
import org.skillgraph.pipeline.Source;
import org.skillgraph.store.Registry;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Two imports of the sample job role that differ in known ways, compared through the store and the CLI. */
class DiffTest {
    @TempDir Path dir;

    static List<String> ids(List<FrameworkDiff.Entry> entries) { return entries.stream().map(FrameworkDiff.Entry::identifier).toList(); }

    @Test
    void findsExactlyTheChangesMadeBetweenTwoImports() throws Exception {
        Path v2 = JobRoleV2.write(dir);
        try (Registry r = Registry.openTdb2(dir.resolve("store"))) {
            Pipeline p = new Pipeline();
            p.importInto(r, Source.file(JobRoleV2.v1()), n -> {});
            p.importInto(r, Source.file(v2), n -> {});
            FrameworkDiff d = Diffs.compare(r, JobRoleV2.ID, null, null);
            assertEquals(1, d.from().version());
            assertEquals(2, d.to().version());
            assertEquals(List.of("description"), d.document().stream().map(FrameworkDiff.FieldChange::field).toList());
            assertEquals(JobRoleV2.DESCRIPTION, d.document().get(0).to().asText());
            assertEquals(List.of(JobRoleV2.DA_5_4), ids(d.itemsAdded()));
            assertEquals(List.of(JobRoleV2.DA_5_3), ids(d.itemsRemoved()));
            assertEquals(1, d.itemsChanged().size(), d.toText());
            FrameworkDiff.Changed c = d.itemsChanged().get(0);
            assertEquals(JobRoleV2.DA_1_1, c.identifier());
            assertEquals(List.of("fullStatement"), c.fields().stream().map(FrameworkDiff.FieldChange::field).toList());
            assertEquals(JobRoleV2.DA_1_1_STATEMENT, c.fields().get(0).to().asText());
            assertTrue(c.fields().get(0).from().asText().startsWith("Extract data from relational databases and data warehouses"));
            assertEquals(List.of(JobRoleV2.NEW_ASSOCIATION), ids(d.associationsAdded()));
            assertEquals(1, d.associationsRemoved().size());
            assertTrue(d.associationsRemoved().get(0).label().startsWith("isChildOf "), d.associationsRemoved().toString());
            assertTrue(d.associationsChanged().isEmpty(), d.toText());

            // The other way round: everything flips.
            FrameworkDiff back = Diffs.compare(r, JobRoleV2.ID, 2L, 1L);
            assertEquals(List.of(JobRoleV2.DA_5_3), ids(back.itemsAdded()));
            assertEquals(List.of(JobRoleV2.DA_5_4), ids(back.itemsRemoved()));

            // A version with itself: nothing.
            assertTrue(Diffs.compare(r, JobRoleV2.ID, 1L, 1L).isEmpty());
            assertThrows(NotFoundException.class, () -> Diffs.compare(r, JobRoleV2.ID, 7L, 2L));
            assertThrows(NotFoundException.class, () -> Diffs.compare(r, "no-such-framework", null, null));
            InputRejectedException first = assertThrows(InputRejectedException.class, () -> Diffs.compare(r, JobRoleV2.ID, null, 1L));
            assertTrue(first.getMessage().contains("first version"), first.getMessage());
        }
    }

    @Test
    void theCommandPrintsTextAndJson() throws Exception {
        Path v2 = JobRoleV2.write(dir);
        String store = dir.resolve("store").toString();
        assertEquals(0, run("import", "--store", store, JobRoleV2.v1().toString()));
        assertEquals(0, run("import", "--store", store, v2.toString()));
        Result text = run2("diff", "--store", store, JobRoleV2.ID);
        assertEquals(0, text.code, text.err);
        assertTrue(text.out.startsWith("framework " + JobRoleV2.ID + ": version 1 ("), text.out);
        assertTrue(text.out.contains("items: 1 added, 1 removed, 1 changed"), text.out);
        assertTrue(text.out.contains("  + DA.5.4 Present findings to non-specialist audiences."), text.out);
        assertTrue(text.out.contains("  - DA.5.3 Interpret data"), text.out);
        assertTrue(text.out.contains("      fullStatement: \"Extract data from relational databases and data"), text.out);
        assertTrue(text.out.contains("associations: 1 added, 1 removed, 0 changed"), text.out);

        Result json = run2("diff", "--store", store, JobRoleV2.ID, "--from", "1", "--to", "2", "--format", "json");
        assertEquals(0, json.code, json.err);
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out);
        assertEquals(1, tree.at("/summary/itemsAdded").asInt());
        assertEquals("DA.5.4 Present findings to non-specialist audiences.", tree.at("/items/added/0/label").asText());
        assertEquals("fullStatement", tree.at("/items/changed/0/fields/0/field").asText());

        Result missing = run2("diff", "--store", store, JobRoleV2.ID, "--from", "5");
        assertEquals(Main.REJECTED, missing.code);
        assertTrue(missing.err.contains("has no version 5 (versions: 1, 2)"), missing.err);
        Result format = run2("diff", "--store", store, JobRoleV2.ID, "--format", "xml");
        assertEquals(Main.USAGE, format.code, format.err);
    }

    record Result(int code, String out, String err) {}

    static Result run2(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = Main.commandLine(new PrintWriter(o, true), new PrintWriter(e, true)).execute(args);
        return new Result(code, o.toString(), e.toString());
    }

    static int run(String... args) {
        Result r = run2(args);
        assertEquals(0, r.code, r.err);
        return r.code;
    }
}
