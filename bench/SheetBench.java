import org.skillgraph.casejson.CaseReader;
import org.skillgraph.casejson.ReadResult;
import org.skillgraph.pipeline.Pipeline;
import org.skillgraph.pipeline.Source;
import org.skillgraph.sheet.WorkbookReader;
import org.skillgraph.store.Registry;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Times the import of one framework file (CASE JSON or workbook) the way {@code skillgraph import}
 * does it, in a fresh JVM: first the read alone (file -> CASE model), then the whole import
 * (read, convert, validate, store in a fresh TDB2 folder). Prints one JSON line.
 * <pre>java -Xmx2g -cp skillgraph.jar bench/SheetBench.java FILE STOREDIR [read]</pre>
 * With "read" only the read is measured. Wall time and the process's CPU time (all threads, GC
 * included) are both given: on a shared machine CPU time is the steadier of the two. {@code read_peak_heap_mb}: the largest heap in use seen
 * by a 2 ms sampler during the read, less the heap in use before it (after a GC);
 * {@code import_peak_heap_mb}: the same over the whole import.
 */
public class SheetBench {
    static volatile long peak;
    static volatile boolean run = true;

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Path store = Path.of(args[1]);
        boolean readOnly = args.length > 2 && args[2].equals("read");
        Thread sampler = new Thread(() -> {
            while (run) {
                long u = used();
                if (u > peak) peak = u;
                try { Thread.sleep(2); } catch (InterruptedException e) { return; }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        boolean workbook = WorkbookReader.handles(file);

        System.gc();
        long base = used();
        peak = base;
        long t0 = System.nanoTime(), c0 = cpu();
        ReadResult r;
        if (workbook) r = new WorkbookReader().read(file, file.getFileName().toString());
        else try (InputStream in = Files.newInputStream(file)) { r = new CaseReader().read(in, file.getFileName().toString()); }
        double read = (System.nanoTime() - t0) / 1e9, readCpu = (cpu() - c0) / 1e9;
        long readPeak = peak - base;
        int items = r.casePackage().items().size(), assocs = r.casePackage().associations().size();
        r = null;
        String head = String.format(Locale.ROOT, "{\"file\":\"%s\",\"bytes\":%d,\"items\":%d,\"associations\":%d,\"read_s\":%.2f,\"read_cpu_s\":%.2f,\"read_peak_heap_mb\":%.0f",
                file.getFileName(), Files.size(file), items, assocs, read, readCpu, readPeak / 1e6);
        if (readOnly) {
            System.out.println(head + "}");
            return;
        }

        System.gc();
        base = used();
        peak = base;
        t0 = System.nanoTime();
        c0 = cpu();
        Pipeline.Stored s;
        try (Registry registry = Registry.openTdb2(store)) {
            s = new Pipeline().importInto(registry, Source.file(file), n -> {});
        }
        double total = (System.nanoTime() - t0) / 1e9, totalCpu = (cpu() - c0) / 1e9;
        long importPeak = peak - base;
        run = false;
        System.out.printf(Locale.ROOT, "%s,\"triples\":%d,\"import_s\":%.2f,\"import_cpu_s\":%.2f,\"import_peak_heap_mb\":%.0f}%n",
                head, s.result().entry().triples(), total, totalCpu, importPeak / 1e6);
    }

    /** CPU time of this process (all threads, GC included). */
    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static long used() {
        long u = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) u += p.getUsage().getUsed();
        return u;
    }
}
