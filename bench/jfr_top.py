#!/usr/bin/env python3
"""Summarises the execution samples of a JFR recording: hottest methods (self) and share of samples
inside chosen methods (inclusive), for the main thread or all threads.

    jfr print --events jdk.ExecutionSample bench/out/rec.jfr > bench/out/samples.txt
    python3 bench/jfr_top.py bench/out/samples.txt [--thread main] [--top 40]

Record with a deep stack, e.g.
    java -Xmx2g -XX:FlightRecorderOptions:stackdepth=512 \
         -XX:StartFlightRecording=settings=profile,filename=bench/out/rec.jfr \
         -cp bench/out/skillgraph.jar bench/ImportBench.java bench/out/case-100k.json STOREDIR
"""
import re
import sys
from collections import Counter

# Inclusive buckets: the first pattern (in this order) found anywhere in a stack names its bucket.
BUCKETS = [
    ("store: Registry.contentHash", r"org\.skillgraph\.store\.Registry\.contentHash"),
    ("store: TDB2 add (importFramework loop)", r"org\.skillgraph\.store\.Registry\.lambda\$importFramework"),
    ("store: other", r"org\.skillgraph\.store\.Registry\."),
    ("validate: findings/labels", r"org\.skillgraph\.validate\.Validator\.(finding|label|kind)"),
    ("validate: SHACL engine", r"org\.apache\.jena\.shacl\."),
    ("validate: other", r"org\.skillgraph\.validate\."),
    ("convert: CaseToRdf", r"org\.skillgraph\.mapping\.CaseToRdf"),
    ("read: CaseReader", r"org\.skillgraph\.casejson\.CaseReader"),
    ("write N-Quads (after the measurement)", r"ImportBench\.writeNQuads"),
    ("bench harness", r"ImportBench\.(startSampler|lambda)"),
]


def parse(path):
    ev = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            s = line.strip()
            if s.startswith("jdk.ExecutionSample"):
                ev = {"thread": None, "frames": []}
            elif ev is not None and s.startswith("sampledThread"):
                m = re.search(r'"([^"]*)"', s)
                ev["thread"] = m.group(1) if m else s
            elif ev is not None and s.startswith("stackTrace"):
                ev["in_stack"] = True
            elif ev is not None and ev.get("in_stack"):
                if s == "]":
                    ev["in_stack"] = False
                elif s and s != "...":
                    ev["frames"].append(re.sub(r"\s+line:.*$", "", s))
            if ev is not None and s == "}" and not ev.get("in_stack"):
                yield ev
                ev = None


def main():
    args = sys.argv[1:]
    path = args[0]
    thread = None
    top = 40
    if "--thread" in args:
        thread = args[args.index("--thread") + 1]
    if "--top" in args:
        top = int(args[args.index("--top") + 1])
    self_c, incl, bucket = Counter(), Counter(), Counter()
    n = 0
    for ev in parse(path):
        if thread and ev["thread"] != thread:
            continue
        fr = ev["frames"]
        if not fr:
            continue
        n += 1
        self_c[fr[0]] += 1
        for m in set(fr):
            incl[m] += 1
        stack = "\n".join(fr)
        for name, pat in BUCKETS:
            if re.search(pat, stack):
                bucket[name] += 1
                break
        else:
            bucket["(other: JIT-less startup, GC helpers, ...)"] += 1
    print(f"{n} samples" + (f" on thread {thread}" if thread else ""))
    print("\n== buckets (inclusive, first match wins)")
    for k, v in bucket.most_common():
        print(f"{100 * v / n:6.1f}%  {v:7d}  {k}")
    print(f"\n== top {top} self (top frame)")
    for k, v in self_c.most_common(top):
        print(f"{100 * v / n:6.1f}%  {v:7d}  {k}")
    print(f"\n== top {top} inclusive")
    for k, v in incl.most_common(top):
        print(f"{100 * v / n:6.1f}%  {v:7d}  {k}")


if __name__ == "__main__":
    main()
