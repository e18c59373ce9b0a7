package org.skillgraph.pipeline;

import org.skillgraph.casejson.CasePackage;
import org.skillgraph.casejson.CaseReader;
import org.skillgraph.casejson.ReadResult;
import org.skillgraph.error.InputRejectedException;
import org.skillgraph.error.ValidationFailedException;
import org.skillgraph.mapping.CaseToRdf;
import org.skillgraph.sheet.WorkbookReader;
import org.skillgraph.mapping.FrameworkGraph;
import org.skillgraph.store.ImportResult;
import org.skillgraph.store.Registry;
import org.skillgraph.validate.ValidationReport;
import org.skillgraph.validate.Validator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * The import pipeline: read CASE JSON or a workbook (repairs recorded) -> convert to RDF -> validate with the shapes
 * (violations stop here) -> store in one transaction.
 */
public final class Pipeline {
    private final CaseReader reader = new CaseReader();
    private final WorkbookReader sheets = new WorkbookReader();
    private final Validator validator;

    public Pipeline(Validator validator) { this.validator = validator; }

    public Pipeline() { this(Validator.standard()); }

    /** Reads and converts without validating. */
    public Loaded convert(Source source) {
        ReadResult read = source.workbook() ? readWorkbook(source) : readJson(source);
        FrameworkGraph fg = CaseToRdf.convert(read.casePackage());
        // From here on the RDF is the framework; keep only the document, not every item twice.
        CasePackage p = read.casePackage();
        CasePackage header = new CasePackage(p.caseVersion(), p.document(), List.of(), List.of(), Map.of(), List.of(), p.extensions());
        return new Loaded(source, new ReadResult(read.source(), header, read.repairs()), fg, null);
    }

    private ReadResult readJson(Source source) {
        try (InputStream in = source.open()) {
            return reader.read(in, source.name());
        } catch (IOException e) {
            throw new InputRejectedException(source.name(), null, "cannot read: " + e.getMessage(), e);
        }
    }

    /** A workbook is read from a file (the zip needs random access): a URL's content goes to a temporary file first. */
    private ReadResult readWorkbook(Source source) {
        if (source.path() != null) return sheets.read(source.path(), source.name());
        Path tmp = null;
        try (InputStream in = source.open()) {
            String name = source.location().toLowerCase(java.util.Locale.ROOT);
            tmp = Files.createTempFile("skillgraph-", name.endsWith(".zip") ? ".zip" : ".xlsx");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return sheets.read(tmp, source.name());
        } catch (IOException e) {
            throw new InputRejectedException(source.name(), null, "cannot read: " + e.getMessage(), e);
        } finally {
            if (tmp != null) try { Files.deleteIfExists(tmp); } catch (IOException ignored) { /* temp dir */ }
        }
    }

    /** Reads, converts and validates; the report is in the result whether or not it conforms. */
    public Loaded validate(Source source) {
        Loaded l = convert(source);
        ValidationReport report = validator.validate(l.graph().graph(), l.graph().pointers(), source.name());
        return new Loaded(source, l.read(), l.graph(), report);
    }

    /** Reads, converts, validates and stores; throws without storing anything when the shapes find violations. */
    public Stored importInto(Registry registry, Source source, LongConsumer progress) {
        Loaded l = validate(source);
        if (!l.report().conforms()) throw new ValidationFailedException(source.name(), l.report().violations(), l.report());
        ImportResult r = registry.importFramework(l.graph(), source.location(), l.title(), l.publisher(),
                l.frameworkVersion(), l.read().repairs().size(), progress);
        return new Stored(l, r);
    }

    public record Stored(Loaded loaded, ImportResult result) {}
}
