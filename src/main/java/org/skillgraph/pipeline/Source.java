package org.skillgraph.pipeline;

import org.skillgraph.error.InputRejectedException;
import org.skillgraph.error.NotFoundException;
import org.skillgraph.sheet.WorkbookReader;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where a package comes from: a file or an http(s) URL the user named. */
public record Source(String name, String location, boolean remote) {

    /**
     * Expands command-line arguments: files, URLs, and folders (their *.json and *.xlsx files,
     * sorted); a folder holding sheets saved as CSV (CF Item.csv, ...) is one workbook.
     */
    public static List<Source> expand(List<String> args) {
        List<Source> out = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("http://") || a.startsWith("https://")) {
                out.add(new Source(a, a, true));
                continue;
            }
            Path p = Path.of(a);
            if (Files.isDirectory(p) && WorkbookReader.handles(p)) {
                out.add(file(p));
            } else if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> isPackageFile(f.getFileName().toString().toLowerCase()) && Files.isRegularFile(f))
                            .sorted().forEach(f -> out.add(file(f)));
                } catch (IOException e) {
                    throw new InputRejectedException(a, null, "cannot list folder: " + e.getMessage());
                }
            } else if (Files.isRegularFile(p)) {
                out.add(file(p));
            } else {
                throw new NotFoundException("no such file, folder or URL: " + a);
            }
        }
        return out;
    }

    private static boolean isPackageFile(String name) {
        return name.endsWith(".json") || name.endsWith(".xlsx");
    }

    /** The file or folder, when the source is local (not a URL or a resource). */
    public Path path() {
        return location.startsWith("file:") ? Path.of(URI.create(location)) : null;
    }

    /** Whether the content is a workbook (.xlsx, or sheets as CSV in a zip or folder) rather than CASE JSON. */
    public boolean workbook() {
        Path p = path();
        if (p != null) return WorkbookReader.handles(p);
        String l = location.toLowerCase(java.util.Locale.ROOT);
        return l.endsWith(".xlsx") || l.endsWith(".zip");
    }

    public static Source file(Path p) {
        return new Source(p.toString(), p.toAbsolutePath().normalize().toUri().toString(), false);
    }

    /** A file shipped inside the jar, e.g. the sample frameworks. */
    public static Source resource(String path) {
        return new Source(path.substring(path.lastIndexOf('/') + 1), "classpath:" + path, false);
    }

    /** Opens the content; for URLs a GET with a timeout, refusing anything but 200. */
    public InputStream open() throws IOException {
        if (location.startsWith("classpath:")) {
            InputStream in = Source.class.getResourceAsStream(location.substring("classpath:".length()));
            if (in == null) throw new NotFoundException("no resource " + location);
            return in;
        }
        if (!remote) return Files.newInputStream(Path.of(URI.create(location)));
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20)).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create(location)).timeout(Duration.ofMinutes(5))
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<InputStream> resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
            if (resp.statusCode() != 200) {
                resp.body().close();
                throw new InputRejectedException(name, null, "HTTP " + resp.statusCode() + " from the server");
            }
            return resp.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IOException e) {
            throw new InputRejectedException(name, null, "cannot fetch: " + e.getMessage(), e);
        }
    }
}
