package org.skillgraph.cli;

import org.apache.jena.graph.NodeFactory;
import org.skillgraph.casejson.CaseEntity;
import org.skillgraph.casejson.CasePackage;
import org.skillgraph.mapping.RdfToCase;
import org.skillgraph.sheet.Template;
import org.skillgraph.store.CatalogEntry;
import org.skillgraph.store.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "template", description = {
        "Write an empty workbook for authors: instructions, the CASE sheets with notes and drop-downs, and an Alignments sheet in plain words.",
        "With --align-to, the codes and statements of a stored framework are offered in the Alignments sheet."})
final class TemplateCommand implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Spec CommandSpec spec;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.xlsx", description = "The workbook to write.")
    Path output;

    @Option(names = "--align-to", paramLabel = "FRAMEWORK", description = "A stored framework (identifier or URI) to align to.")
    String alignTo;

    @Override
    public Integer call() throws IOException {
        Template template = new Template();
        if (alignTo != null) {
            try (Registry registry = store.open()) {
                CatalogEntry e = registry.find(alignTo);
                CasePackage p = RdfToCase.toCase(registry.frameworkGraph(e), NodeFactory.createURI(e.document()), "1.1");
                List<Template.TheirItem> items = p.items().stream()
                        .sorted(Comparator.comparing((CaseEntity i) -> i.string("humanCodingScheme") == null)
                                .thenComparing(i -> String.valueOf(i.string("humanCodingScheme"))))
                        .map(i -> new Template.TheirItem(i.string("humanCodingScheme"), i.string("fullStatement"), i.identifier(), i.uri()))
                        .toList();
                template = new Template(p.document().string("title"), items);
            }
        }
        try (OutputStream out = Files.newOutputStream(output)) {
            template.write(out);
        }
        spec.commandLine().getOut().printf("wrote %s%s%n", output,
                alignTo == null ? "" : " (aligned to " + alignTo + ")");
        return Main.OK;
    }
}
