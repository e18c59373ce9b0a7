import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The baseline: Jena's own TDB2 bulk loader loading an N-Quads file into a fresh TDB2 folder,
 * timed the way {@code tdb2.tdbloader} times it (startBulk, load, finishBulk; the file is parsed
 * inside that time). The loader is the one {@code tdb2.tdbloader} picks by default for an empty
 * database: the phased loader ({@code LoaderFactory.phasedLoader}). Prints one JSON line.
 *
 * <pre>java -Xmx2g -cp bench/out/skillgraph.jar bench/BareLoad.java FILE.nq STOREDIR [phased|parallel|sequential|basic]</pre>
 */
public class BareLoad {
    static volatile long sampledPeak;
    static volatile boolean sampling = true;
    static volatile long afterGcPeak;

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: BareLoad FILE.nq STOREDIR [phased|parallel|sequential|basic]");
            System.exit(2);
        }
        String file = args[0];
        Path dir = Path.of(args[1]);
        String which = args.length > 2 ? args[2] : "phased";

        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
        Thread sampler = new Thread(() -> {
            while (sampling) {
                long u = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                if (u > sampledPeak) sampledPeak = u;
                try { Thread.sleep(5); } catch (InterruptedException e) { return; }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        listenToGc();

        long t0 = System.nanoTime();
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        long openNs = System.nanoTime() - t0;
        if (!Txn.calculateRead(dsg, dsg::isEmpty)) {
            System.err.println("BareLoad: " + dir + " is not empty");
            System.exit(2);
        }
        MonitorOutput quiet = (fmt, a) -> {};
        DataLoader loader = switch (which) {
            case "phased" -> LoaderFactory.phasedLoader(dsg, quiet);
            case "parallel" -> LoaderFactory.parallelLoader(dsg, quiet);
            case "sequential" -> LoaderFactory.sequentialLoader(dsg, quiet);
            case "basic" -> LoaderFactory.basicLoader(dsg, quiet);
            default -> throw new IllegalArgumentException("unknown loader " + which);
        };

        long cpu0 = processCpuNs();
        long t1 = System.nanoTime();
        loader.startBulk();
        try {
            loader.load(file);
            loader.finishBulk();
        } catch (RuntimeException e) {
            loader.finishException(e);
            throw e;
        }
        long loadNs = System.nanoTime() - t1;
        long cpuNs = processCpuNs() - cpu0;
        Thread.sleep(200); // let the last GC notifications arrive
        sampling = false;
        sampler.join();
        long poolPeak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) poolPeak += p.getPeakUsage().getUsed();

        long quads = loader.countQuads() + loader.countTriples();
        long stored = Txn.calculateRead(dsg, () -> {
            long n = 0;
            var it = dsg.find();
            while (it.hasNext()) { it.next(); n++; }
            return n;
        });
        long t2 = System.nanoTime();
        dsg.close();
        long closeNs = System.nanoTime() - t2;

        System.out.println(String.format(Locale.ROOT,
                "{\"tool\":\"bare\",\"loader\":\"%s\",\"class\":\"%s\",\"file\":\"%s\",\"quads\":%d,\"stored\":%d,"
                        + "\"open_ms\":%.1f,\"load_ms\":%.1f,\"close_ms\":%.1f,\"cpu_ms\":%.1f,\"triples_per_s\":%.1f,"
                        + "\"peak_heap_pools_mb\":%.1f,\"peak_heap_sampled_mb\":%.1f,\"peak_after_gc_mb\":%.1f}",
                which, loader.getClass().getSimpleName(), Path.of(file).getFileName(), quads, stored,
                openNs / 1e6, loadNs / 1e6, closeNs / 1e6, cpuNs / 1e6, quads / (loadNs / 1e9),
                poolPeak / 1048576.0, sampledPeak / 1048576.0, afterGcPeak / 1048576.0));
    }

    static void listenToGc() {
        Set<String> heapPools = new HashSet<>();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
            if (p.getType() == MemoryType.HEAP) heapPools.add(p.getName());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof NotificationEmitter em)) continue;
            em.addNotificationListener((n, hb) -> {
                if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long sum = 0;
                for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet())
                    if (heapPools.contains(e.getKey())) sum += e.getValue().getUsed();
                synchronized (BareLoad.class) {
                    if (sum > afterGcPeak) afterGcPeak = sum;
                }
            }, null, null);
        }
    }

    static long processCpuNs() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }
}
