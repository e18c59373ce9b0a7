import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.skillgraph.casejson.CaseReader;
import org.skillgraph.casejson.ReadResult;
import org.skillgraph.mapping.CaseToRdf;
import org.skillgraph.mapping.FrameworkGraph;
import org.skillgraph.pipeline.Source;
import org.skillgraph.store.ImportResult;
import org.skillgraph.store.Registry;
import org.skillgraph.validate.ValidationReport;
import org.skillgraph.validate.Validator;
import org.skillgraph.vocab.Iris;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Times one import of a CASE package, phase by phase, the way {@code skillgraph import} does it
 * ({@link org.skillgraph.pipeline.Pipeline#importInto}): read, convert, validate, store in one
 * TDB2 write transaction. Prints one JSON line on standard output.
 * <p>
 * Run from source (Java 17 single-file launch):
 * <pre>java -Xmx2g -cp bench/out/skillgraph.jar bench/ImportBench.java FILE.json STOREDIR [NQUADS_OUT]</pre>
 * STOREDIR should be a fresh, empty folder. When NQUADS_OUT is given and does not exist yet, the
 * converted framework graph is written there as N-Quads (graph name =
 * {@link Iris#frameworkGraph}) after the measurement, for {@code BareLoad.java}.
 * <p>
 * Memory: {@code peak_heap_pools_mb} is the sum of the peak usage of the heap memory pools
 * (peaks reset after a System.gc() at the start; the pools peak at different moments, so this is
 * an upper bound); {@code peak_heap_sampled_mb} is the largest heap-in-use seen by a 5 ms sampler,
 * also given per phase; {@code peak_after_gc_mb} is the largest heap in use right after a garbage
 * collection (from GC notifications), closer to the live data the import really needs.
 */
public class ImportBench {
    static final String[] PHASES = {"read", "convert", "shapes", "validate", "open", "store"};
    static volatile int phase = -1;
    static final long[] phasePeak = new long[PHASES.length];
    static volatile long sampledPeak;
    static volatile boolean sampling = true;
    static final long[] phaseAfterGc = new long[PHASES.length];
    static volatile long afterGcPeak;

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ImportBench FILE.json STOREDIR [NQUADS_OUT]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        Path storeDir = Path.of(args[1]);
        Path nquads = args.length > 2 ? Path.of(args[2]) : null;

        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
        long baseline = heapUsed();
        Thread sampler = startSampler();
        listenToGc();

        Map<String, Long> ns = new LinkedHashMap<>();
        Map<String, Long> gcMs = new LinkedHashMap<>();
        long cpu0 = processCpuNs();
        long start = System.nanoTime();

        // read: JSON -> CASE model (Pipeline.convert opens the source the same way)
        long t = begin(0);
        Source source = Source.file(file);
        ReadResult read;
        try (InputStream in = source.open()) {
            read = new CaseReader().read(in, source.name());
        }
        t = end("read", t, ns, gcMs);

        // convert: CASE model -> RDF graph in memory
        t = begin(1);
        FrameworkGraph fg = CaseToRdf.convert(read.casePackage());
        t = end("convert", t, ns, gcMs);

        // shapes: parse the shapes (once per process; part of every CLI import)
        t = begin(2);
        Validator validator = Validator.standard();
        t = end("shapes", t, ns, gcMs);

        // validate: SHACL
        t = begin(3);
        ValidationReport report = validator.validate(fg.graph(), fg.pointers(), source.name());
        t = end("validate", t, ns, gcMs);
        if (!report.conforms()) {
            System.err.print(report.toText());
            System.err.println("ImportBench: the package does not conform; nothing stored");
            System.exit(1);
        }

        // open: the TDB2 store
        t = begin(4);
        Registry registry = Registry.openTdb2(storeDir);
        t = end("open", t, ns, gcMs);

        // store: one write transaction (content hash, delete old graph, add triples, catalog, commit)
        t = begin(5);
        var doc = read.casePackage().document();
        ImportResult result = registry.importFramework(fg, source.location(), doc.string("title"),
                doc.string("publisher"), doc.string("version"), read.repairs().size(), n -> {});
        t = end("store", t, ns, gcMs);
        long totalNs = System.nanoTime() - start;
        long cpuNs = processCpuNs() - cpu0;

        Thread.sleep(200); // let the last GC notifications arrive
        phase = -1;
        sampling = false;
        sampler.join();
        long poolPeak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) poolPeak += p.getPeakUsage().getUsed();

        long tc = System.nanoTime();
        registry.close();
        long closeNs = System.nanoTime() - tc;

        // Not part of the import: how long the content hash alone takes (already included in store).
        long th = System.nanoTime();
        Registry.contentHash(fg.graph());
        long hashNs = System.nanoTime() - th;

        long triples = result.entry().triples();
        int items = fg.items();

        boolean wroteNq = false;
        if (nquads != null && !Files.exists(nquads)) {
            writeNQuads(fg, nquads);
            wroteNq = true;
        }

        StringBuilder sb = new StringBuilder("{");
        kv(sb, "tool", "\"ours\"");
        kv(sb, "file", "\"" + file.getFileName() + "\"");
        kv(sb, "items", Integer.toString(items));
        kv(sb, "associations", Integer.toString(fg.associations()));
        kv(sb, "triples", Long.toString(triples));
        kv(sb, "graph_size", Long.toString(fg.graph().size()));
        kv(sb, "repairs", Integer.toString(read.repairs().size()));
        kv(sb, "violations", Long.toString(report.violations()));
        kv(sb, "warnings", Long.toString(report.warnings()));
        for (var e : ns.entrySet()) kv(sb, e.getKey() + "_ms", ms(e.getValue()));
        kv(sb, "total_ms", ms(totalNs));
        kv(sb, "close_ms", ms(closeNs));
        kv(sb, "hash_ms_separately", ms(hashNs));
        kv(sb, "cpu_ms", ms(cpuNs));
        for (var e : gcMs.entrySet()) kv(sb, e.getKey() + "_gc_ms", Long.toString(e.getValue()));
        kv(sb, "items_per_s", String.format(Locale.ROOT, "%.1f", items / (totalNs / 1e9)));
        kv(sb, "triples_per_s", String.format(Locale.ROOT, "%.1f", triples / (totalNs / 1e9)));
        kv(sb, "baseline_heap_mb", mb(baseline));
        kv(sb, "peak_heap_pools_mb", mb(poolPeak));
        kv(sb, "peak_heap_sampled_mb", mb(sampledPeak));
        kv(sb, "peak_after_gc_mb", mb(afterGcPeak));
        for (int i = 0; i < PHASES.length; i++) kv(sb, "peak_" + PHASES[i] + "_mb", mb(phasePeak[i]));
        for (int i = 0; i < PHASES.length; i++) kv(sb, "after_gc_" + PHASES[i] + "_mb", mb(phaseAfterGc[i]));
        kv(sb, "max_heap_mb", mb(Runtime.getRuntime().maxMemory()));
        kv(sb, "wrote_nquads", Boolean.toString(wroteNq));
        sb.setLength(sb.length() - 1);
        sb.append('}');
        System.out.println(sb);
    }

    static long gcTotal() {
        long s = 0;
        for (GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) s += Math.max(0, g.getCollectionTime());
        return s;
    }

    static long gcMark;

    static long begin(int p) {
        phase = p;
        gcMark = gcTotal();
        return System.nanoTime();
    }

    static long end(String name, long t, Map<String, Long> ns, Map<String, Long> gc) {
        long now = System.nanoTime();
        ns.put(name, now - t);
        gc.put(name, gcTotal() - gcMark);
        return now;
    }

    static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static Thread startSampler() {
        Thread th = new Thread(() -> {
            while (sampling) {
                long u = heapUsed();
                if (u > sampledPeak) sampledPeak = u;
                int p = phase;
                if (p >= 0 && u > phasePeak[p]) phasePeak[p] = u;
                try { Thread.sleep(5); } catch (InterruptedException e) { return; }
            }
        }, "heap-sampler");
        th.setDaemon(true);
        th.start();
        return th;
    }

    /** Tracks the largest heap-in-use right after a collection, overall and per phase. */
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
                synchronized (ImportBench.class) {
                    if (sum > afterGcPeak) afterGcPeak = sum;
                    int p = phase;
                    if (p >= 0 && sum > phaseAfterGc[p]) phaseAfterGc[p] = sum;
                }
            }, null, null);
        }
    }

    static long processCpuNs() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    static void writeNQuads(FrameworkGraph fg, Path out) throws Exception {
        Node g = Iris.frameworkGraph(fg.identifier());
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
            StreamRDF w = StreamRDFWriter.getWriterStream(os, RDFFormat.NQUADS);
            w.start();
            Graph graph = fg.graph();
            Iterator<Triple> it = graph.find();
            while (it.hasNext()) {
                Triple tr = it.next();
                w.quad(Quad.create(g, tr.getSubject(), tr.getPredicate(), tr.getObject()));
            }
            w.finish();
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void kv(StringBuilder sb, String k, String v) { sb.append('"').append(k).append("\":").append(v).append(','); }
    static String ms(long ns) { return String.format(Locale.ROOT, "%.1f", ns / 1e6); }
    static String mb(long bytes) { return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0); }
}
