import org.skillgraph.cli.AlignCommand;
import org.skillgraph.cli.EscoCommand;
import org.skillgraph.cli.Main;
import org.skillgraph.cli.OnetCommand;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * `skillgraph` as built, with the onet, esco and align commands added when the jar's Main does
 * not register them yet. Run as a single-file program: java -cp skillgraph.jar Launcher.java ARGS.
 */
public class Launcher {
    public static void main(String[] args) {
        CommandLine cl = Main.commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (!cl.getSubcommands().containsKey("onet")) cl.addSubcommand(new OnetCommand());
        if (!cl.getSubcommands().containsKey("esco")) cl.addSubcommand(new EscoCommand());
        if (!cl.getSubcommands().containsKey("align")) cl.addSubcommand(new AlignCommand());
        System.exit(cl.execute(args));
    }
}
