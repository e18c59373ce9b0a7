package org.skillgraph.harvest;

import org.skillgraph.error.InputRejectedException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP side of a harvest: every request passes the {@link AddressGuard} (redirects too, followed
 * here, at most {@value #MAX_REDIRECTS}), must be answered completely within the time limit, and
 * its body may not exceed the size limit. Counts requests and bytes.
 */
final class Fetcher {
    static final int MAX_REDIRECTS = 5;

    record Response(URI uri, int status, HttpHeaders headers, byte[] body) {
        String header(String name) { return headers.firstValue(name).orElse(null); }
    }

    private final HttpClient client;
    private final AddressGuard guard;
    private final Duration timeout;
    private final long maxBytes;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    Fetcher(AddressGuard guard, Duration timeout, long maxBytes) {
        this.guard = guard;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10)).build();
    }

    long requests() { return requests.get(); }
    long bytes() { return bytes.get(); }
    /** "GET url status" for each request, in order. */
    List<String> log() { synchronized (log) { return List.copyOf(log); } }

    Response get(URI uri, Map<String, String> headers) {
        return send("GET", uri, headers, null);
    }

    Response postForm(URI uri, Map<String, String> headers, String form) {
        return send("POST", uri, headers, form);
    }

    private Response send(String method, URI uri, Map<String, String> headers, String form) {
        for (int hop = 0; ; hop++) {
            guard.check(uri);
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
            headers.forEach((k, v) -> { if (v != null) b.header(k, v); });
            if (form != null) b.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
            else b.GET();
            requests.incrementAndGet();
            CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(b.build(), info -> new LimitedBody(maxBytes,
                    info.headers().firstValueAsLong("Content-Length").orElse(-1)));
            HttpResponse<byte[]> r;
            try {
                r = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                f.cancel(true);
                log.add(method + " " + uri + " timeout");
                throw new InputRejectedException(uri.toString(), null, "no complete answer within " + timeout.toSeconds() + " s");
            } catch (InterruptedException e) {
                f.cancel(true);
                Thread.currentThread().interrupt();
                throw new InputRejectedException(uri.toString(), null, "interrupted");
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                log.add(method + " " + uri + " failed");
                if (c instanceof TooLarge) throw new InputRejectedException(uri.toString(), null, c.getMessage());
                if (c instanceof HttpTimeoutException) throw new InputRejectedException(uri.toString(), null, "no answer within " + timeout.toSeconds() + " s");
                String why = c instanceof IOException ? "connection failed" : "request failed";
                throw new InputRejectedException(uri.toString(), null, why + ": " + (c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage()), c);
            }
            bytes.addAndGet(r.body().length);
            log.add(method + " " + uri + " " + r.statusCode());
            String location = r.headers().firstValue("Location").orElse(null);
            if (r.statusCode() / 100 == 3 && r.statusCode() != 304 && location != null && form == null) {
                if (hop >= MAX_REDIRECTS) throw new InputRejectedException(uri.toString(), null, "more than " + MAX_REDIRECTS + " redirects");
                uri = uri.resolve(location);
                continue;
            }
            return new Response(uri, r.statusCode(), r.headers(), r.body());
        }
    }

    static final class TooLarge extends IOException {
        TooLarge(long max) { super("the response is larger than the limit of " + max + " bytes"); }
    }

    /** Collects a body up to a size limit; a larger one (declared or sent) fails the request. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final long max;
        private final long declared;
        private Flow.Subscription subscription;

        LimitedBody(long max, long declared) {
            this.max = max;
            this.declared = declared;
        }

        @Override public CompletionStage<byte[]> getBody() { return result; }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (declared > max) {
                s.cancel();
                result.completeExceptionally(new TooLarge(max));
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) return;
            for (ByteBuffer b : items) {
                if (out.size() + (long) b.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge(max));
                    return;
                }
                byte[] a = new byte[b.remaining()];
                b.get(a);
                out.write(a, 0, a.length);
            }
        }

        @Override public void onError(Throwable t) { result.completeExceptionally(t); }
        @Override public void onComplete() { result.complete(out.toByteArray()); }
    }
}
