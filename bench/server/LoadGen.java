import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * A closed-loop HTTP load generator: N client threads, each sending one request after the other
 * for a fixed time, with the latency of every request recorded in a log-linear histogram.
 * Single-file Java 17 program, no dependencies:
 *
 * <pre>
 * java bench/server/LoadGen.java --url http://localhost:3077/$/ping -c 8 -d 20 --label ping
 * java bench/server/LoadGen.java --url 'http://localhost:3077/uri/{id}' --ids ids.txt \
 *      -H 'Accept: application/json' -c 8 -d 20 --label uri-json
 * java bench/server/LoadGen.java --url http://localhost:3077/sparql --query queries/gap.rq -c 8 -d 20
 * java bench/server/LoadGen.java --url http://localhost:3077/api/credentials/check --post cred.json \
 *      -H 'Content-Type: application/json' -c 8 -d 20
 * </pre>
 *
 * Options: --url URL ({id} is replaced by a random line of --ids FILE for each request);
 * --query FILE.rq (GET URL?query=..., Accept: application/sparql-results+json);
 * --post FILE (POST the file's bytes); -H 'Name: value' (repeatable); -c clients (1);
 * -d seconds (20); -w warm-up seconds (0: not counted); --label text; --seed S;
 * --per-thread-client (one HttpClient per thread; default: one shared client);
 * --head (HEAD instead of GET); --http2 (default HTTP/1.1); --timeout seconds per request (60); --save-body FILE (first body);
 * --fail-body TEXT (a 2xx/3xx response whose body contains TEXT counts as an error: Fuseki sends
 * 200 and then cuts a streamed SPARQL result off with "Query cancelled due to timeout").
 *
 * Prints one JSON line: requests, errors, status counts, requests/s, mean/p50/p90/p99/max latency
 * in ms, mean response size. Latency is from just before send() to the last byte of the body.
 * Every request whose status is not 2xx/3xx counts as an error (and is not in the latencies).
 */
public class LoadGen {

    /** Log-linear histogram of microseconds: 2^SUB sub-buckets per power of two (< 0.8 % error). */
    static final class Histogram {
        static final int SUB = 7;
        static final int SUBN = 1 << SUB;
        final long[] counts = new long[64 * SUBN];
        long n, sum, max;

        static int index(long v) {
            if (v < SUBN) return (int) v;
            int hb = 63 - Long.numberOfLeadingZeros(v);      // >= SUB
            int shift = hb - SUB;
            int sub = (int) (v >>> shift) & (SUBN - 1);
            return (shift + 1) * SUBN + sub;
        }

        /** Middle of bucket i. */
        static long value(int i) {
            if (i < SUBN) return i;
            int shift = i / SUBN - 1;
            long lo = ((long) (SUBN + i % SUBN)) << shift;
            return lo + ((1L << shift) >> 1);
        }

        void record(long micros) {
            counts[index(micros)]++;
            n++;
            sum += micros;
            if (micros > max) max = micros;
        }

        void add(Histogram o) {
            for (int i = 0; i < counts.length; i++) counts[i] += o.counts[i];
            n += o.n;
            sum += o.sum;
            max = Math.max(max, o.max);
        }

        long percentile(double p) {
            if (n == 0) return 0;
            long rank = (long) Math.ceil(p / 100.0 * n);
            if (rank < 1) rank = 1;
            long seen = 0;
            for (int i = 0; i < counts.length; i++) {
                seen += counts[i];
                if (seen >= rank) return Math.min(value(i), max);
            }
            return max;
        }
    }

    static final class Worker implements Runnable {
        final HttpClient client;
        final List<String> urls;   // one fixed URL or the expanded list
        final HttpRequest fixed;
        final Map<String, String> headers;
        final byte[] body;
        final Duration timeout;
        final byte[] failBody;
        final boolean head;
        final SplittableRandom rnd;
        final long warmEnd, end;
        final CountDownLatch done;
        final Histogram hist = new Histogram();
        final Map<Integer, Long> status = new TreeMap<>();
        long errors, bytes, exceptions, bodyFailures;
        String firstError;
        byte[] firstBody;

        Worker(HttpClient client, List<String> urls, Map<String, String> headers, byte[] body, Duration timeout,
               byte[] failBody, boolean head, long seed, long warmEnd, long end, CountDownLatch done) {
            this.failBody = failBody;
            this.head = head;
            this.client = client;
            this.urls = urls;
            this.headers = headers;
            this.body = body;
            this.timeout = timeout;
            this.rnd = new SplittableRandom(seed);
            this.warmEnd = warmEnd;
            this.end = end;
            this.done = done;
            this.fixed = urls.size() == 1 ? request(urls.get(0)) : null;
        }

        HttpRequest request(String url) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
            headers.forEach(b::header);
            if (body != null) b.POST(HttpRequest.BodyPublishers.ofByteArray(body));
            else if (head) b.method("HEAD", HttpRequest.BodyPublishers.noBody());
            else b.GET();
            return b.build();
        }

        @Override
        public void run() {
            try {
                while (true) {
                    HttpRequest req = fixed != null ? fixed : request(urls.get(rnd.nextInt(urls.size())));
                    long t0 = System.nanoTime();
                    if (t0 >= end) break;
                    boolean counted = t0 >= warmEnd;
                    try {
                        HttpResponse<byte[]> resp = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                        long us = (System.nanoTime() - t0) / 1000;
                        if (!counted) continue;
                        int sc = resp.statusCode();
                        status.merge(sc, 1L, Long::sum);
                        if (sc >= 200 && sc < 400 && failBody != null && contains(resp.body(), failBody)) {
                            // e.g. a SPARQL result cut off by the query time limit after a 200 was sent
                            errors++;
                            bodyFailures++;
                            if (firstError == null) firstError = sc + " with a body containing the --fail-body text";
                        } else if (sc >= 200 && sc < 400) {
                            hist.record(us);
                            bytes += resp.body().length;
                            if (firstBody == null) firstBody = resp.body();
                        } else {
                            errors++;
                            if (firstError == null) firstError = sc + " " + new String(resp.body(), 0,
                                    Math.min(200, resp.body().length), StandardCharsets.UTF_8);
                        }
                    } catch (IOException e) {
                        if (counted) {
                            exceptions++;
                            errors++;
                            if (firstError == null) firstError = e.toString();
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                done.countDown();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        String failBodyText = null;
        String url = null, ids = null, query = null, post = null, label = null, saveBody = null;
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int clients = 1;
        double seconds = 20, warm = 0, timeoutS = 60;
        long seed = 42;
        boolean perThread = false, http2 = false, head = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--url" -> url = args[++i];
                case "--ids" -> ids = args[++i];
                case "--query" -> query = args[++i];
                case "--post" -> post = args[++i];
                case "--label" -> label = args[++i];
                case "--save-body" -> saveBody = args[++i];
                case "--fail-body" -> failBodyText = args[++i];
                case "-H", "--header" -> {
                    String h = args[++i];
                    int c = h.indexOf(':');
                    headers.put(h.substring(0, c).trim(), h.substring(c + 1).trim());
                }
                case "-c", "--clients" -> clients = Integer.parseInt(args[++i]);
                case "-d", "--duration" -> seconds = Double.parseDouble(args[++i]);
                case "-w", "--warmup" -> warm = Double.parseDouble(args[++i]);
                case "--timeout" -> timeoutS = Double.parseDouble(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--per-thread-client" -> perThread = true;
                case "--http2" -> http2 = true;
                case "--head" -> head = true;
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (url == null) throw new IllegalArgumentException("--url is required");
        if (label == null) label = url;

        List<String> urls = new ArrayList<>();
        if (query != null) {
            String q = Files.readString(Path.of(query));
            urls.add(url + (url.contains("?") ? "&" : "?") + "query=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            headers.putIfAbsent("Accept", "application/sparql-results+json");
        } else if (ids != null && url.contains("{id}")) {
            for (String line : Files.readAllLines(Path.of(ids))) {
                String id = line.strip();
                if (!id.isEmpty()) urls.add(url.replace("{id}", id));
            }
            if (urls.isEmpty()) throw new IllegalArgumentException("no ids in " + ids);
        } else {
            urls.add(url);
        }
        byte[] body = post == null ? null : Files.readAllBytes(Path.of(post));

        HttpClient.Version version = http2 ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
        HttpClient shared = perThread ? null : HttpClient.newBuilder().version(version)
                .connectTimeout(Duration.ofSeconds(10)).build();
        long start = System.nanoTime();
        long warmEnd = start + (long) (warm * 1e9);
        long end = warmEnd + (long) (seconds * 1e9);
        CountDownLatch done = new CountDownLatch(clients);
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            HttpClient client = perThread ? HttpClient.newBuilder().version(version)
                    .connectTimeout(Duration.ofSeconds(10)).build() : shared;
            Worker w = new Worker(client, urls, headers, body, Duration.ofMillis((long) (timeoutS * 1000)),
                    failBodyText == null ? null : failBodyText.getBytes(StandardCharsets.UTF_8), head, seed * 1_000_003L + t, warmEnd, end, done);
            workers.add(w);
            Thread th = new Thread(w, "loadgen-" + t);
            th.setDaemon(true);
            threads.add(th);
        }
        Instant startedAt = Instant.now();
        threads.forEach(Thread::start);
        done.await();
        // The measured window: from the end of the warm-up to when the last request finished.
        double elapsed = (System.nanoTime() - warmEnd) / 1e9;

        Histogram h = new Histogram();
        Map<Integer, Long> status = new TreeMap<>();
        long errors = 0, bytes = 0, exceptions = 0, bodyFailures = 0;
        String firstError = null;
        byte[] firstBody = null;
        for (Worker w : workers) {
            h.add(w.hist);
            w.status.forEach((k, v) -> status.merge(k, v, Long::sum));
            errors += w.errors;
            exceptions += w.exceptions;
            bodyFailures += w.bodyFailures;
            bytes += w.bytes;
            if (firstError == null) firstError = w.firstError;
            if (firstBody == null) firstBody = w.firstBody;
        }
        if (saveBody != null && firstBody != null) Files.write(Path.of(saveBody), firstBody);

        StringBuilder st = new StringBuilder("{");
        status.forEach((k, v) -> st.append(st.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        st.append('}');
        long total = h.n + errors;
        String json = String.format(Locale.ROOT,
                "{\"label\":%s,\"url\":%s,\"clients\":%d,\"seconds\":%.3f,\"warmup\":%.1f,\"started\":\"%s\","
                        + "\"requests\":%d,\"ok\":%d,\"errors\":%d,\"exceptions\":%d,\"body_failures\":%d,\"status\":%s,"
                        + "\"rps\":%.1f,\"total_rps\":%.1f,\"mean_ms\":%.3f,\"p50_ms\":%.3f,\"p90_ms\":%.3f,\"p99_ms\":%.3f,\"max_ms\":%.3f,"
                        + "\"mean_bytes\":%d,\"first_error\":%s,\"distinct_urls\":%d,\"client\":\"%s\"}",
                quote(label), quote(urls.size() == 1 ? shorten(url) : url), clients, elapsed, warm, startedAt,
                total, h.n, errors, exceptions, bodyFailures, st,
                h.n / elapsed, total / elapsed, h.n == 0 ? 0 : h.sum / 1000.0 / h.n, h.percentile(50) / 1000.0, h.percentile(90) / 1000.0,
                h.percentile(99) / 1000.0, h.max / 1000.0, h.n == 0 ? 0 : bytes / h.n,
                firstError == null ? "null" : quote(firstError), urls.size(),
                "java.net.http " + version + (perThread ? " per-thread" : " shared"));
        PrintStream out = System.out;
        out.println(json);
        System.exit(0);
    }

    static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return true;
        }
        return false;
    }

    static String shorten(String s) { return s.length() > 120 ? s.substring(0, 120) + "..." : s; }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> { if (c < 0x20) b.append(String.format("\\u%04x", (int) c)); else b.append(c); }
            }
        }
        return b.append('"').toString();
    }
}
