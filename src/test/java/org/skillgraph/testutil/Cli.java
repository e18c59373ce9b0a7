package org.skillgraph.testutil;

import org.skillgraph.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line in-process: exit code and what it printed. */
public record Cli(int code, String out, String err) {
    public static Cli run(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = Main.commandLine(new PrintWriter(o, true), new PrintWriter(e, true)).execute(args);
        return new Cli(code, o.toString(), e.toString());
    }
}
