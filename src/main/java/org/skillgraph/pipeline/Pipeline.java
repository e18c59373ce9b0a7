package org.skillgraph.pipeline;

import org.skillgraph.casejson.CasePackage;
import org.skillgraph.casejson.CaseReader;
import org.skillgraph.casejson.ReadResult;
import org.skillgraph.error.InputRejectedException;
import org.skillgraph.error.ValidationFailedException;
import org.skillgraph.mapping.CaseToRdf;
import org.skillgraph.mapping.FrameworkGraph;
import org.skillgraph.store.HarvestProvenance;
import org.skillgraph.store.ImportResult;
import org.skillgraph.store.Registry;
import org.skillgraph.validate.ValidationReport;
import org.skillgraph.validate.Validator;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * The import pipeline: read (repairs recorded) -> convert to RDF -> validate with the shapes
 * (violations stop here) -> store in one transaction.
 */
public final class Pipeline {
    private final CaseReader reader = new CaseReader();
    private final Validator validator;

    public Pipeline(Validator validator) { this.validator = validator; }

    public Pipeline() { this(Validator.standard()); }

    /** Reads and converts without validating. */
    public Loaded convert(Source source) {
        try (InputStream in = source.open()) {
            return convert(source, in);
        } catch (IOException e) {
            throw new InputRejectedException(source.name(), null, "cannot read: " + e.getMessage(), e);
        }
    }

    private Loaded convert(Source source, InputStream in) {
        ReadResult read = reader.read(in, source.name());
        FrameworkGraph fg = CaseToRdf.convert(read.casePackage());
        // From here on the RDF is the framework; keep only the document, not every item twice.
        CasePackage p = read.casePackage();
        CasePackage header = new CasePackage(p.caseVersion(), p.document(), List.of(), List.of(), Map.of(), List.of(), p.extensions());
        return new Loaded(source, new ReadResult(read.source(), header, read.repairs()), fg, null);
    }

    /** Reads, converts and validates; the report is in the result whether or not it conforms. */
    public Loaded validate(Source source) {
        return validate(convert(source));
    }

    /** Reads, converts and validates a package already fetched (e.g. by a harvest) from {@code source}. */
    public Loaded validate(Source source, byte[] body) {
        return validate(convert(source, new java.io.ByteArrayInputStream(body)));
    }

    private Loaded validate(Loaded l) {
        Source source = l.source();
        ValidationReport report = validator.validate(l.graph().graph(), l.graph().pointers(), source.name());
        return new Loaded(source, l.read(), l.graph(), report);
    }

    /** Reads, converts, validates and stores; throws without storing anything when the shapes find violations. */
    public Stored importInto(Registry registry, Source source, LongConsumer progress) {
        return store(registry, validate(source), progress, null);
    }

    /**
     * Stores a validated package in one transaction, with its harvest provenance when not null;
     * throws without storing anything when the shapes found violations.
     */
    public Stored store(Registry registry, Loaded l, LongConsumer progress, HarvestProvenance harvest) {
        Source source = l.source();
        if (!l.report().conforms()) throw new ValidationFailedException(source.name(), l.report().violations(), l.report());
        ImportResult r = registry.importFramework(l.graph(), source.location(), l.title(), l.publisher(),
                l.frameworkVersion(), l.read().repairs().size(), progress, harvest);
        return new Stored(l, r);
    }

    public record Stored(Loaded loaded, ImportResult result) {}
}
