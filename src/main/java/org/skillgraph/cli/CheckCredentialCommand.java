package org.skillgraph.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.skillgraph.credentials.CheckHtml;
import org.skillgraph.credentials.CredentialCheck;
import org.skillgraph.error.InputRejectedException;
import org.skillgraph.store.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code skillgraph check-credential [--store DIR] FILE}: the alignments of an Open Badges / CLR
 * credential, resolved against the registry; prints the same JSON as {@code POST /api/credentials/check}.
 */
@Command(name = "check-credential", description = {
        "Check the alignments of an Open Badges 2.0/3.0, Endorsement or CLR 2.0 credential (JSON) against the registry.",
        "Prints JSON: per alignment resolved|external|unknown, mismatches, the stored item's framework, ancestors and matches.",
        "Contexts are the official ones shipped with skillgraph (nothing is fetched); proofs are not verified; nothing is stored."})
public final class CheckCredentialCommand implements Callable<Integer> {
    /** Largest file read (the server's limit is --max-body). */
    static final long MAX_FILE = 64L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin StoreOptions store;
    @Spec CommandSpec spec;

    @Option(names = "--base-uri", paramLabel = "URL",
            description = "The registry's public address, so that targets like {URL}uri/{identifier} resolve (default: none).")
    String baseUri;

    @Option(names = "--html", description = "Write the HTML page instead of JSON.")
    boolean html;

    @Parameters(index = "0", paramLabel = "FILE", description = "The credential (JSON or JSON-LD); '-' reads standard input.")
    String file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            byte[] body = read(file);
            String base = baseUri == null || baseUri.isBlank() ? null : baseUri.endsWith("/") ? baseUri : baseUri + "/";
            ObjectNode report;
            try (Registry registry = store.open()) {
                report = new CredentialCheck(registry).check(body, file, base);
            }
            out.print(html ? CheckHtml.render(report, "Alignment check: " + file)
                    : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report) + System.lineSeparator());
            out.flush();
            return Main.OK;
        } catch (InputRejectedException e) {
            err.println("rejected: " + e.getMessage());
            return Main.REJECTED;
        } catch (IOException e) {
            err.println("rejected: " + file + ": " + e.getMessage());
            return Main.REJECTED;
        }
    }

    private static byte[] read(String file) throws IOException {
        if (file.equals("-")) return readBounded(System.in, "standard input");
        Path p = Path.of(file);
        if (!Files.isRegularFile(p)) throw new InputRejectedException(file, null, Files.exists(p) ? "not a file" : "no such file");
        if (Files.size(p) > MAX_FILE) throw new InputRejectedException(file, null, "over " + MAX_FILE + " bytes");
        try (InputStream in = Files.newInputStream(p)) {
            return readBounded(in, file);
        } catch (NoSuchFileException e) {
            throw new InputRejectedException(file, null, "no such file");
        }
    }

    private static byte[] readBounded(InputStream in, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > MAX_FILE) throw new InputRejectedException(name, null, "over " + MAX_FILE + " bytes");
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
