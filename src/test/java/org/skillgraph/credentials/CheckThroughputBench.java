package org.skillgraph.credentials;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.skillgraph.store.Registry;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Checks per second for a credential with 8 alignments (6 from adapted/ob3-aligned.json plus 2),
 * with 1 and 8 threads, in process (parse + expand + resolve + JSON). Not run by default:
 * {@code mvn test -Dtest=CheckThroughputBench}.
 */
class CheckThroughputBench {
    @Test
    void throughput() throws Exception {
        ObjectMapper m = new ObjectMapper();
        ObjectNode cred = (ObjectNode) m.readTree(Fixtures.bytes("adapted/ob3-aligned.json"));
        ArrayNode al = (ArrayNode) cred.at("/credentialSubject/achievement/alignment");
        al.addObject().put("targetUrl", Fixtures.DAC_1).put("targetType", "CFItem").putArray("type").add("Alignment");
        al.addObject().put("targetUrl", Fixtures.DA_1).put("targetCode", "DA.1").putArray("type").add("Alignment");
        byte[] body = m.writeValueAsBytes(cred);
        try (Registry r = Fixtures.withSamples(Registry.inMemory())) {
            CredentialCheck check = new CredentialCheck(r);
            if (check.check(body, "b", null).get("alignments").size() != 8) throw new AssertionError();
            long t0 = System.nanoTime();
            for (int i = 0; i < 500; i++) CredentialParser.parse(body, "b");
            System.out.printf("parse + expand alone: %.2f ms%n", (System.nanoTime() - t0) / 1e6 / 500);
            for (int threads : new int[]{1, 8}) {
                run(check, body, threads, 3_000); // warm-up
                double perSecond = run(check, body, threads, 10_000);
                System.out.printf("check-credential, 8 alignments, %d thread(s): %.0f checks/s%n", threads, perSecond);
            }
        }
    }

    private static double run(CredentialCheck check, byte[] body, int threads, long millis) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        LongAdder done = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        ObjectMapper m = new ObjectMapper();
        Future<?>[] fs = new Future<?>[threads];
        long t0 = System.nanoTime();
        for (int i = 0; i < threads; i++) fs[i] = pool.submit(() -> {
            while (!stop.get()) {
                try {
                    m.writeValueAsBytes(check.check(body, "b", null));
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
                done.increment();
            }
        });
        Thread.sleep(millis);
        stop.set(true);
        for (Future<?> f : fs) f.get();
        pool.shutdown();
        return done.sum() / ((System.nanoTime() - t0) / 1e9);
    }
}
