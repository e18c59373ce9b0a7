package org.skillgraph.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Version contents as gzipped N-Triples files, one per content hash ({@code h128-<hex>.nt.gz}).
 * A file is written to a temporary name and moved into place, so a reader never sees half of one.
 */
final class FileSnapshots implements Snapshots {
    private static final Pattern HASH = Pattern.compile("h128:[0-9a-f]{32}");
    private static final String SUFFIX = ".nt.gz";

    private final Path dir;
    private final int keep;

    FileSnapshots(Path dir, int keep) {
        this.dir = dir;
        this.keep = keep;
    }

    @Override public int keep() { return keep; }

    @Override
    public void save(String hash, Graph content) {
        if (keep == 0) return;
        Path file = file(hash);
        if (Files.exists(file)) return;
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "snapshot-", ".tmp");
            try {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp), 64 * 1024)) {
                    RDFDataMgr.write(out, content, Lang.NTRIPLES);
                }
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep version " + hash + " in " + dir, e);
        }
    }

    @Override
    public boolean has(String hash) { return Files.exists(file(hash)); }

    @Override
    public Optional<Graph> load(String hash) {
        Path file = file(hash);
        if (!Files.exists(file)) return Optional.empty();
        Graph g = GraphFactory.createGraphMem();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 64 * 1024)) {
            RDFParser.source(in).lang(Lang.NTRIPLES).parse(g);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read version " + hash + " from " + file, e);
        }
        return Optional.of(g);
    }

    @Override
    public void retainOnly(Set<String> hashes) {
        if (!Files.isDirectory(dir)) return;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path p : files) {
            String name = p.getFileName().toString();
            String hash = name.substring(0, name.length() - SUFFIX.length()).replaceFirst("-", ":");
            if (!hashes.contains(hash)) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private Path file(String hash) {
        if (!HASH.matcher(hash).matches()) throw new IllegalArgumentException("not a content hash: " + hash);
        return dir.resolve(hash.replace(':', '-') + SUFFIX);
    }
}
