package org.skillgraph.cli;

import org.apache.jena.query.*;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shared.PrefixMapping;
import org.skillgraph.error.InputRejectedException;
import org.skillgraph.store.Registry;
import org.skillgraph.vocab.SG;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "query", description = {
        "Run a SPARQL query over the store. The default graph is the union of all frameworks;",
        "GRAPH <urn:skillgraph:framework:ID> names one, GRAPH <urn:skillgraph:catalog> the catalog.",
        "The prefixes sg, skos, dct, dcat, prov, ceasn, schema, xsd, rdf and void are predefined.",
        "SERVICE reaches only the endpoints given with --federate."})
final class QueryCommand implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Mixin FederationOptions federation;
    @Spec CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    QueryText text;

    static final class QueryText {
        @Parameters(paramLabel = "QUERY", description = "The SPARQL query.")
        String query;
        @Option(names = {"-f", "--file"}, paramLabel = "FILE.rq", description = "Read the query from a file.")
        Path file;
    }

    @Option(names = "--format", defaultValue = "table", description = "table, csv, tsv or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Override
    public Integer call() throws IOException {
        String sparql = text.file != null ? Files.readString(text.file) : text.query;
        String source = text.file != null ? text.file.toString() : "query";
        Query q;
        try {
            Query parsed = new Query();
            parsed.setPrefixMapping(PrefixMapping.Factory.create().setNsPrefixes(SG.PREFIXES));
            q = QueryFactory.parse(parsed, sparql, null, Syntax.syntaxARQ);
        } catch (QueryParseException e) {
            throw new InputRejectedException(source, "line " + e.getLine() + ", column " + e.getColumn(), "SPARQL syntax error: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Registry registry = store.open()) {
            federation.policy().install(registry.dataset().getContext());
            registry.read(dsg -> {
                try (QueryExecution qe = registry.query(q)) {
                    ByteArrayOutputStream buf = new ByteArrayOutputStream();
                    if (q.isSelectType()) {
                        ResultSet rs = qe.execSelect();
                        switch (format) {
                            case "csv" -> ResultSetFormatter.outputAsCSV(buf, rs);
                            case "tsv" -> ResultSetFormatter.outputAsTSV(buf, rs);
                            case "json" -> ResultSetFormatter.outputAsJSON(buf, rs);
                            case "table" -> ResultSetFormatter.out(buf, rs, q.getPrefixMapping());
                            default -> throw new IllegalArgumentException("--format must be table, csv, tsv or json");
                        }
                    } else if (q.isAskType()) {
                        boolean b = qe.execAsk();
                        if (format.equals("json")) ResultSetFormatter.outputAsJSON(buf, b);
                        else buf.writeBytes((b ? "true\n" : "false\n").getBytes(StandardCharsets.UTF_8));
                    } else {
                        var m = q.isConstructType() ? qe.execConstruct() : qe.execDescribe();
                        m.setNsPrefixes(SG.PREFIXES);
                        RDFDataMgr.write(buf, m, format.equals("json") ? RDFFormat.JSONLD11 : RDFFormat.TURTLE_BLOCKS);
                    }
                    out.print(buf.toString(StandardCharsets.UTF_8));
                    out.flush();
                }
                return null;
            });
        } catch (QueryDeniedException | org.apache.jena.sparql.engine.http.QueryExceptionHTTP e) {
            // A SERVICE that is not allowed, or a federated endpoint that failed or timed out.
            throw new InputRejectedException(source, null, e.getMessage());
        }
        return Main.OK;
    }
}
