package org.skillgraph.cli;

import org.skillgraph.error.InputRejectedException;
import org.skillgraph.error.NotFoundException;
import org.skillgraph.error.StoreUnavailableException;
import org.skillgraph.error.ValidationFailedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code skillgraph} command: one subcommand per verb. Exit codes are mapped here only. */
@Command(name = "skillgraph", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Linked-data skills registry: CASE competency frameworks as RDF, validated, stored and queried.",
        subcommands = {ImportCommand.class, ValidateCommand.class, ConvertCommand.class, ExportCommand.class,
                ListCommand.class, DiffCommand.class, QueryCommand.class, ServeCommand.class,
                OnetCommand.class, EscoCommand.class, AlignCommand.class, RecommendCommand.class, CheckCredentialCommand.class, ExplainCommand.class, TemplateCommand.class,
                HarvestCommand.class, SourceCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Success. */
    public static final int OK = 0;
    /** The input was rejected (nothing stored), what was asked for does not exist, or the external store did not answer. */
    public static final int REJECTED = 1;
    /** Wrong usage: unknown option, missing argument. */
    public static final int USAGE = 2;
    /** A fault of skillgraph itself. */
    public static final int INTERNAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args));
    }

    /** The command line with our output streams and error mapping; tests call this. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            if (ex instanceof ValidationFailedException v) {
                e.print(v.report().toText());
                e.println("rejected: " + v.getMessage());
                return REJECTED;
            }
            if (ex instanceof InputRejectedException || ex instanceof NotFoundException) {
                e.println("rejected: " + ex.getMessage());
                return REJECTED;
            }
            if (ex instanceof StoreUnavailableException) {
                e.println("error: " + ex.getMessage());
                return REJECTED;
            }
            if (ex instanceof IllegalArgumentException) {
                e.println("error: " + ex.getMessage());
                return USAGE;
            }
            e.println("internal error: " + ex);
            if (System.getenv("SKILLGRAPH_DEBUG") != null) ex.printStackTrace(e);
            return INTERNAL;
        });
        return cl;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[]{"skillgraph " + (v == null ? "dev" : v)};
        }
    }
}
