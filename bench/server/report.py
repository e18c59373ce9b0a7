#!/usr/bin/env python3
"""Markdown tables (medians over repetitions) from bench/server/run.sh results.

    python3 bench/server/report.py bench/out/server/results-*.jsonl
"""
import json
import statistics
import sys
from collections import defaultdict, OrderedDict


def rate(x):
    return f"{x:,.0f}" if x >= 10 else f"{x:.2f}"


def med(xs):
    return statistics.median(xs) if xs else float("nan")


def main(paths):
    rows = []
    for p in paths:
        with open(p) as f:
            rows += [json.loads(line) for line in f if line.strip()]
    groups = OrderedDict()
    for r in rows:
        groups.setdefault((r["label"], r["clients"]), []).append(r)

    order = ["ping", "uri-json", "uri-.json"]
    labels = list(OrderedDict.fromkeys(r["label"] for r in rows))
    labels = [l for l in order if l in labels] + [l for l in labels if l not in order]
    clients = sorted({r["clients"] for r in rows})

    print("| endpoint | clients | runs | req/s | p50 ms | p99 ms | max p99 ms | errors / requests | server full GCs / run | load avg |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for l in labels:
        for c in clients:
            g = groups.get((l, c))
            if not g:
                continue
            print(f"| {l} | {c} | {len(g)} | {rate(med([r['rps'] for r in g]))} | {med([r['p50_ms'] for r in g]):.2f} "
                  f"| {med([r['p99_ms'] for r in g]):.1f} | {max(r['p99_ms'] for r in g):.1f} "
                  f"| {sum(r['errors'] for r in g)} / {sum(r['requests'] for r in g)} | {med([r.get('server_full_gcs', 0) for r in g]):g} "
                  f"| {med([r['loadavg'] for r in g]):.1f} |")
    print()
    print("| clients | ping req/s | uri-json req/s | uri-json / ping | uri-.json / ping | uri-json p99 ms |")
    print("|---:|---:|---:|---:|---:|---:|")
    for c in clients:
        p = groups.get(("ping", c))
        u = groups.get(("uri-json", c))
        s = groups.get(("uri-.json", c))
        if not p or not u:
            continue
        pr = med([r["rps"] for r in p])
        ur = med([r["rps"] for r in u])
        sr = med([r["rps"] for r in s]) if s else float("nan")
        print(f"| {c} | {pr:,.0f} | {ur:,.0f} | {ur / pr:.2f} | {sr / pr:.2f} | {med([r['p99_ms'] for r in u]):.1f} |")


if __name__ == "__main__":
    main(sys.argv[1:])
