#!/usr/bin/env python3
"""Turns bench/out/results-*.jsonl (from bench/run.sh) into BENCHMARKS.md.

    python3 bench/report.py bench/out/results-latest.jsonl [MORE.jsonl ...] BENCHMARKS.md

Several results files are pooled (runs are paired within each file).

Text between the lines "<!-- BEGIN NOTES -->" and "<!-- END NOTES -->" of an existing
BENCHMARKS.md (hand-written profile notes) is kept.
"""
import json
import os
import platform
import re
import statistics
import subprocess
import sys
from collections import defaultdict
from datetime import datetime, timezone

BEGIN, END = "<!-- BEGIN NOTES -->", "<!-- END NOTES -->"


def sh(*cmd):
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
        return (r.stdout + r.stderr).strip()
    except Exception:
        return ""


def machine():
    cpu = "?"
    cores = 0
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name") and cpu == "?":
                cpu = line.split(":", 1)[1].strip()
            if line.startswith("processor"):
                cores += 1
    mem_kb = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal"):
                mem_kb = int(line.split()[1])
    os_name = platform.system()
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    os_name = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    jdk = sh("java", "-version").splitlines()
    return {
        "cpu": cpu,
        "cores": cores,
        "ram": f"{mem_kb / 1048576:.1f} GiB",
        "jdk": jdk[1] if len(jdk) > 1 else (jdk[0] if jdk else "?"),
        "os": f"{os_name}, Linux {platform.release()}",
    }


def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def fmt_s(ms):
    return "–" if ms is None else f"{ms / 1000:.2f}"


def fmt_n(x, digits=0):
    return "–" if x is None else f"{x:,.{digits}f}"


def label(n):
    return f"{n // 1000}k" if n % 1000 == 0 else str(n)


def main(results_paths, out_path):
    rows = []
    for i, path in enumerate(results_paths):
        for l in open(path):
            if l.strip():
                r = json.loads(l)
                r["file_run"] = r["run"]
                r["run"] = (i, r["run"])
                rows.append(r)
    results_path = ", ".join(f"`{p}`" for p in results_paths)
    ours = defaultdict(list)
    bare = defaultdict(list)
    for r in rows:
        (ours if r["tool"] == "ours" else bare)[r["size"]].append(r)
    sizes = sorted(set(ours) | set(bare))

    def pairs(n):
        b = {r["run"]: r for r in bare[n]}
        return [(o, b[o["run"]]) for o in ours[n] if o["run"] in b]

    def m(n, key, src=None):
        return med([r.get(key) for r in (src or ours)[n]])

    mc = machine()
    when = datetime.fromtimestamp(max(os.path.getmtime(p) for p in results_paths), timezone.utc)
    info = {}
    if os.path.exists("bench/out/skillgraph.jar.txt"):
        for line in open("bench/out/skillgraph.jar.txt"):
            k, _, v = line.strip().partition(" ")
            info[k] = v
    if info:
        code = f"`bench/out/skillgraph.jar` built {info.get('built', '?')} with commit `{info.get('commit', '?')}` checked out"
    else:
        commit = sh("git", "rev-parse", "--short", "HEAD")
        dirty = sh("git", "--no-optional-locks", "status", "--porcelain", "--untracked-files=no", "src/main", "shapes", "pom.xml")
        code = f"commit `{commit}`" + (" (the working tree had uncommitted changes under src/main, shapes or pom.xml when this report was written)" if dirty else "")
    loader = next((r.get("class") for r in rows if r["tool"] == "bare"), "?")
    jvm_opts = os.environ.get("JAVA_OPTS", "-Xmx2g")

    old_notes = ""
    if os.path.exists(out_path):
        text = open(out_path).read()
        if BEGIN in text and END in text:
            old_notes = text[text.index(BEGIN) + len(BEGIN):text.index(END)].strip("\n")

    L = []
    w = L.append
    w("# Import benchmark")
    w("")
    w("How fast `skillgraph import` stores a CASE package, against the floor set by Jena's own TDB2")
    w("bulk loader loading the same triples. Produced by `bench/run.sh` (raw numbers, one JSON line per")
    w(f"run: {results_path}, git-ignored).")
    w("")
    w(f"- **Date:** {when:%Y-%m-%d %H:%M} UTC")
    w(f"- **Machine:** {mc['cpu']}, {mc['cores']} cores, {mc['ram']} RAM; {mc['os']}")
    w(f"- **JDK:** {mc['jdk']}; both programs run with `{jvm_opts}`, a fresh JVM and a fresh TDB2 folder per run")
    w(f"- **Code:** {code}; Apache Jena 5.6.0")
    w(f"- **Baseline:** `{loader}` (`LoaderFactory.phasedLoader`, what `tdb2.tdbloader` uses for an empty"
      " database), timed from `startBulk()` to `finishBulk()`, parsing the N-Quads file included")
    w("- **Input:** `bench/GenerateCase.java --seed 42` (5 levels of isChildOf, 20% cross-framework exactMatchOf)")
    w("- **Noise:** the machine is shared; ours and the bare load run alternately and every figure is the")
    w("  median over the runs; the ratio is the median of the per-run ratios (each import against the bare")
    w("  load run right after it). The 1-minute load average before each run is in the raw table.")
    w("")
    w("## Results")
    w("")
    w("Times in seconds, medians. *Total* = read + convert + validate (shapes parsing included) + store;")
    w("opening the store (~0.1 s) is left out of both sides. Items/s and triples/s are over the total.")
    w("")
    w("| items | runs | triples | read+convert | validate | store | **total** | items/s | triples/s | peak heap MB (after GC) | bare TDB2 load | bare triples/s | bare peak heap MB | **ours / bare** | CPU time ours / bare |")
    w("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        ps = pairs(n)
        ratios = [o["total_ms"] / b["load_ms"] for o, b in ps]
        rc = med([r["read_ms"] + r["convert_ms"] for r in ours[n]])
        val = med([r["shapes_ms"] + r["validate_ms"] for r in ours[n]])
        rat = med(ratios)
        cpu_rat = med([o["cpu_ms"] / b["cpu_ms"] for o, b in ps])
        rng = f" ({min(ratios):.2f}–{max(ratios):.2f})" if len(ratios) > 1 else ""
        w(f"| {n:,} | {len(ours[n])} | {fmt_n(m(n, 'triples'))} | {fmt_s(rc)} | {fmt_s(val)} | {fmt_s(m(n, 'store_ms'))} | "
          f"**{fmt_s(m(n, 'total_ms'))}** | {fmt_n(m(n, 'items_per_s'))} | {fmt_n(m(n, 'triples_per_s'))} | "
          f"{fmt_n(m(n, 'peak_heap_pools_mb'))} ({fmt_n(m(n, 'peak_after_gc_mb'))}) | "
          f"{fmt_s(m(n, 'load_ms', bare))} | {fmt_n(m(n, 'triples_per_s', bare))} | "
          f"{fmt_n(m(n, 'peak_heap_pools_mb', bare))} ({fmt_n(m(n, 'peak_after_gc_mb', bare))}) | "
          f"**{'–' if rat is None else f'{rat:.2f}x'}**{rng} | {'–' if cpu_rat is None else f'{cpu_rat:.2f}x'} |")
    w("")
    w("*CPU time ours / bare*: process CPU time (all threads, JIT and GC included) of the import against")
    w("that of the bare load, median of the per-run ratios; less disturbed by other load on a shared machine")
    w("than the wall-clock ratio, but it ignores the bare loader's use of several threads and its waits.")
    w("")
    w("Peak heap: the sum of the peak usage of the JVM heap pools since the start of the measurement")
    w("(an upper bound, as the pools peak at different moments; with `-Xmx2g` G1 lets the heap fill up")
    w("before collecting, so this mostly shows that the run fits in 2 GB). In brackets the largest heap in")
    w("use right after a garbage collection, closer to the live data the run needs.")
    w("")

    w("## Phases")
    w("")
    w("Medians in seconds; GC = time the JVM reports spent in collections during the phase; CPU = process")
    w("CPU time over the whole import (all threads). *hash* is `Registry.contentHash` timed once more on")
    w("its own after the import (already warm, so a lower bound); it is part of *store*.")
    w("")
    w("| items | read | convert | shapes | validate | store | of which hash | store w/o hash | total | CPU | GC (all phases) | bare load | bare CPU |")
    w("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        gc = med([sum(v for k, v in r.items() if k.endswith("_gc_ms")) for r in ours[n]])
        wo = med([r["store_ms"] - r["hash_ms_separately"] for r in ours[n]])
        w(f"| {n:,} | {fmt_s(m(n, 'read_ms'))} | {fmt_s(m(n, 'convert_ms'))} | {fmt_s(m(n, 'shapes_ms'))} | "
          f"{fmt_s(m(n, 'validate_ms'))} | {fmt_s(m(n, 'store_ms'))} | {fmt_s(m(n, 'hash_ms_separately'))} | {fmt_s(wo)} | "
          f"{fmt_s(m(n, 'total_ms'))} | {fmt_s(m(n, 'cpu_ms'))} | {fmt_s(gc)} | {fmt_s(m(n, 'load_ms', bare))} | "
          f"{fmt_s(m(n, 'cpu_ms', bare))} |")
    w("")
    w("Peak heap in use per phase (MB, medians; sampled every 5 ms / right after a GC):")
    w("")
    phases = ["read", "convert", "shapes", "validate", "open", "store"]
    w("| items | " + " | ".join(phases) + " |")
    w("|---:|" + "---:|" * len(phases))
    for n in sizes:
        w(f"| {n:,} | " + " | ".join(
            f"{fmt_n(m(n, f'peak_{p}_mb'))} / {fmt_n(m(n, f'after_gc_{p}_mb'))}" for p in phases) + " |")
    w("")

    big = sizes[-1] if sizes else None
    if big is not None and ours[big]:
        tot = m(big, "total_ms")
        parts = {
            "read (JSON to CASE model)": m(big, "read_ms"),
            "convert (CASE model to RDF)": m(big, "convert_ms"),
            "SHACL (shapes parsing and validation)": med([r["shapes_ms"] + r["validate_ms"] for r in ours[big]]),
            "content hash (part of store)": m(big, "hash_ms_separately"),
            "TDB2 write transaction (store without the hash)": med([r["store_ms"] - r["hash_ms_separately"] for r in ours[big]]),
        }
        bl = m(big, "load_ms", bare)
        w("## Where the time goes")
        w("")
        w(f"For {big:,} items ({fmt_n(m(big, 'triples'))} triples), median total {fmt_s(tot)} s against a bare"
          f" bulk load of {fmt_s(bl)} s:")
        w("")
        w("| part | seconds | share of our total | in units of the bare load |")
        w("|---|---:|---:|---:|")
        for k, v in parts.items():
            w(f"| {k} | {fmt_s(v)} | {100 * v / tot:.0f}% | {v / bl:.2f} |")
        w("")
        over = tot - bl
        pre = parts["read (JSON to CASE model)"] + parts["convert (CASE model to RDF)"] + parts["SHACL (shapes parsing and validation)"]
        w(f"Everything before the store (read, convert, validate) takes {fmt_s(pre)} s, "
          f"{pre / bl:.2f} bare loads; the store phase alone takes {fmt_s(m(big, 'store_ms'))} s "
          f"({m(big, 'store_ms') / bl:.2f} bare loads). "
          + (f"Our import is {fmt_s(over)} s slower than the bare load." if over > 0
             else f"Our import is {fmt_s(-over)} s faster than the bare load."))
        w("")

    w("## Profile notes")
    w("")
    w(BEGIN)
    w(old_notes if old_notes else "(none yet)")
    w(END)
    w("")
    w("## All runs")
    w("")
    w("| items | run | tool | load avg | total / load s | CPU s | read | convert | shapes | validate | store | peak heap MB |")
    w("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        for r in sorted(ours[n] + bare[n], key=lambda r: (r["run"], r["tool"] != "ours")):
            run = r["file_run"] if len(results_paths) == 1 else f"{r['run'][0] + 1}.{r['file_run']}"
            if r["tool"] == "ours":
                w(f"| {n:,} | {run} | ours | {r['load1']} | {fmt_s(r['total_ms'])} | {fmt_s(r['cpu_ms'])} | "
                  f"{fmt_s(r['read_ms'])} | {fmt_s(r['convert_ms'])} | {fmt_s(r['shapes_ms'])} | {fmt_s(r['validate_ms'])} | "
                  f"{fmt_s(r['store_ms'])} | {fmt_n(r['peak_heap_pools_mb'])} |")
            else:
                w(f"| {n:,} | {run} | bare | {r['load1']} | {fmt_s(r['load_ms'])} | {fmt_s(r['cpu_ms'])} | | | | | | "
                  f"{fmt_n(r['peak_heap_pools_mb'])} |")
    w("")
    w("## How to run")
    w("")
    w("```sh")
    w("bench/run.sh                        # 1k, 10k, 100k items; 3 runs each; 25-40 min on 2 busy cores")
    w("SIZES=\"1000 10000\" RUNS=5 bench/run.sh")
    w("```")
    w("")
    w("`run.sh` copies `target/skillgraph.jar` to `bench/out/skillgraph.jar` once (building it with")
    w("`mvn -B -q -o -DskipTests package` when missing; delete the copy to pick up a new build), generates")
    w("the packages into `bench/out/` (cached), and runs for each size, alternately:")
    w("")
    w("- `java -Xmx2g -cp bench/out/skillgraph.jar bench/ImportBench.java case-N.json STOREDIR case-N.nq` –")
    w("  our import phase by phase, as `Pipeline.importInto` does it; one JSON line. Its first run per size")
    w("  also writes the converted graph as N-Quads (graph name `Iris.frameworkGraph(identifier)`).")
    w("- `java -Xmx2g -cp bench/out/skillgraph.jar bench/BareLoad.java case-N.nq STOREDIR [phased|parallel|...]`")
    w("  – Jena's TDB2 bulk loader on that file; one JSON line.")
    w("")
    w("Each run gets a fresh store folder under `bench/out/tmp/`, deleted afterwards. The results go to")
    w("`bench/out/results-*.jsonl`; `python3 bench/report.py RESULTS.jsonl BENCHMARKS.md` rewrites this")
    w("file from them (the profile notes section is kept).")
    w("")
    with open(out_path, "w") as f:
        f.write("\n".join(L) + "\n")


if __name__ == "__main__":
    args = sys.argv[1:]
    out = args.pop() if args and args[-1].endswith(".md") else "BENCHMARKS.md"
    main(args, out)
