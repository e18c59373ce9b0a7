package org.skillgraph.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.skillgraph.mapping.Directions;
import org.skillgraph.store.Explainer;
import org.skillgraph.store.Explainer.End;
import org.skillgraph.store.Explainer.Explanation;
import org.skillgraph.store.Explainer.Stated;
import org.skillgraph.store.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "explain", description = {
        "Say an item's associations (or one association) in words, both ways, with both statements:",
        "  DA-3.2 \"Write SQL to join tables\" is part of JR-1.4 \"Prepare data sets for analysis\"",
        "Every stored framework is searched, so associations stated by other frameworks show too."})
final class ExplainCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin StoreOptions store;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ITEM|ASSOCIATION", description = "Identifier, URI or humanCodingScheme code.")
    String what;

    @Option(names = "--framework", paramLabel = "ID|URI", description = "Look only in this framework (when a code is used by several).")
    String framework;

    @Option(names = "--format", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Override
    public Integer call() throws Exception {
        if (!List.of("text", "json").contains(format))
            throw new IllegalArgumentException("--format must be text or json, not '" + format + "'");
        Explanation x;
        try (Registry registry = store.open()) {
            x = new Explainer(registry).explain(what, framework);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json(x)));
        else text(out, x);
        out.flush();
        return Main.OK;
    }

    private static void text(PrintWriter out, Explanation x) {
        if (x.kind().equals("association")) {
            Stated s = x.associations().get(0);
            out.println("association " + (s.identifier() != null ? s.identifier() : s.iri()) + " (" + s.type()
                    + (s.statedIn() != null ? ", stated in \"" + s.statedIn() + "\"" : "") + ")");
            out.println("  " + s.sentence());
            out.println("  read from the destination: " + s.inverseSentence());
            return;
        }
        End self = x.subject();
        out.println(self.named() + (self.framework() != null ? " (" + self.framework() + ")" : ""));
        out.println("  " + self.iri());
        List<Stated> from = x.associations().stream().filter(Stated::outgoing).toList();
        List<Stated> to = x.associations().stream().filter(s -> !s.outgoing()).toList();
        String me = self.code() != null ? self.code() : "this item";
        out.printf("%nFrom %s (%d):%n", me, from.size());
        if (from.isEmpty()) out.println("  none");
        for (Stated s : from) out.println("  " + s.sentence() + "  [" + s.type() + other(s.destination(), self) + "]");
        out.printf("%nTo %s (%d):%n", me, to.size());
        if (to.isEmpty()) out.println("  none");
        for (Stated s : to) {
            out.println("  " + s.sentence() + "  [" + s.type() + other(s.origin(), self) + "]");
            out.println("    read from " + me + ": " + Directions.inverseSentence(s.type(), codeOf(s.origin()), codeOf(s.destination())));
        }
    }

    /** Where the other end is, when that is not the item's own framework. */
    private static String other(End e, End self) {
        return e.framework() != null && !e.framework().equals(self.framework()) ? "; " + codeOf(e) + " is in \"" + e.framework() + "\"" : "";
    }

    /** The code alone, else the whole name. */
    private static String codeOf(End e) {
        return e.code() != null ? e.code() : e.named();
    }

    private static ObjectNode json(Explanation x) {
        ObjectNode root = JSON.createObjectNode();
        root.put("kind", x.kind());
        root.set("subject", end(x.subject()));
        ArrayNode list = root.putArray("associations");
        for (Stated s : x.associations()) {
            ObjectNode o = list.addObject();
            o.put("identifier", s.identifier());
            o.put("uri", s.iri());
            o.put("associationType", s.type());
            o.put("direction", s.outgoing() ? "outgoing" : "incoming");
            o.put("sentence", s.sentence());
            o.put("inverseSentence", s.inverseSentence());
            o.put("statedIn", s.statedIn());
            o.set("origin", end(s.origin()));
            o.set("destination", end(s.destination()));
        }
        return root;
    }

    private static ObjectNode end(End e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("uri", e.iri());
        o.put("identifier", e.identifier());
        o.put("humanCodingScheme", e.code());
        o.put("statement", e.statement());
        o.put("framework", e.framework());
        return o;
    }
}
