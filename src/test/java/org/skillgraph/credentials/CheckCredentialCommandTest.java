package org.skillgraph.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillgraph.cli.CheckCredentialCommand;
import org.skillgraph.store.Registry;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class CheckCredentialCommandTest {
    @TempDir Path tmp;

    private record Run(int code, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = new CommandLine(new CheckCredentialCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void printsTheSameJson() throws Exception {
        Path store = tmp.resolve("store");
        try (Registry r = Registry.openTdb2(store)) {
            Fixtures.withSamples(r);
        }
        Run ok = run("--store", store.toString(), Fixtures.path("adapted/ob3-aligned.json").toString());
        assertEquals(0, ok.code(), ok.err());
        JsonNode j = new ObjectMapper().readTree(ok.out());
        assertEquals(3, j.at("/summary/resolved").asInt());
        assertEquals("signatures/proofs are not verified", j.get("note").asText());
        assertEquals("DAC.1.1", j.at("/alignments/0/item/humanCodingScheme").asText());

        Run html = run("--store", store.toString(), "--html", Fixtures.path("adapted/clr-nested.json").toString());
        assertEquals(0, html.code(), html.err());
        assertTrue(html.out().startsWith("<!doctype html>"));

        Run ctx = run("--store", store.toString(), Fixtures.path("bad/unknown-context.json").toString());
        assertEquals(1, ctx.code());
        assertTrue(ctx.err().contains("https://evil.example.com/contexts/tracking-v1.jsonld"), ctx.err());
        Run notJson = run("--store", store.toString(), Fixtures.path("bad/not-json.txt").toString());
        assertEquals(1, notJson.code());
        assertTrue(notJson.err().startsWith("rejected: "), notJson.err());
        assertEquals(1, run("--store", store.toString(), tmp.resolve("missing.json").toString()).code());
    }
}
