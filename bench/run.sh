#!/usr/bin/env bash
# Import benchmark: our whole import (read, convert, validate, store) against Jena's own TDB2 bulk
# loader loading the same triples from N-Quads, for CASE packages of 1k, 10k and 100k items.
# Writes the raw results to bench/out/results-*.jsonl and the tables to BENCHMARKS.md.
#
#   bench/run.sh                      # all three sizes
#   SIZES="1000 10000" bench/run.sh   # some sizes only
#
# Environment:
#   SIZES      item counts (default "1000 10000 100000")
#   RUNS       runs per size below 100k (default 3); each run = one import + one bare load
#   RUNS_100K  runs for 100k items and more (default 3)
#   BUDGET_S   stop starting new runs of a size (after the 2nd) when the next run would end past
#              this many seconds since the start (default 1800)
#   JAVA_OPTS  JVM options for both programs (default "-Xmx2g")
#   LOADER     Jena loader for the baseline: phased (tdb2.tdbloader's default for an empty
#              database), parallel, sequential, basic (default phased)
#   NO_REPORT  set to 1 to skip writing BENCHMARKS.md
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=bench/out
JAR=$OUT/skillgraph.jar
SIZES=${SIZES:-"1000 10000 100000"}
RUNS=${RUNS:-3}
RUNS_100K=${RUNS_100K:-3}
BUDGET_S=${BUDGET_S:-1800}
JAVA_OPTS=${JAVA_OPTS:--Xmx2g}
LOADER=${LOADER:-phased}
mkdir -p "$OUT/tmp"

# A private copy of the jar, so builds by others do not change it during the run.
if [ ! -f "$JAR" ]; then
    if [ ! -f target/skillgraph.jar ]; then
        for attempt in 1 2 3; do
            mvn -B -q -o -DskipTests package && break
            echo "build failed (attempt $attempt), retrying" >&2
            sleep 10
        done
    fi
    cp target/skillgraph.jar "$JAR"
    # Provenance for the report: the commit checked out and the jar's build time.
    {
        echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
        echo "built $(date -u -r target/skillgraph.jar '+%Y-%m-%d %H:%M UTC')"
    } > "$JAR.txt"
fi

label() {
    case $1 in
        *000000) echo "${1%000000}M" ;;
        *000) echo "${1%000}k" ;;
        *) echo "$1" ;;
    esac
}

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=$OUT/results-$STAMP.jsonl
: > "$RESULTS"
START=$(date +%s)
echo "results: $RESULTS" >&2

run_one() { # tool size run input store
    local tool=$1 size=$2 run=$3 input=$4 store=$5 line load
    load=$(cut -d' ' -f1 /proc/loadavg)
    if [ "$tool" = ours ]; then
        line=$(java $JAVA_OPTS -cp "$JAR" bench/ImportBench.java "$input" "$store" "$NQ" 2>"$OUT/last-$tool.err")
    else
        line=$(java $JAVA_OPTS -cp "$JAR" bench/BareLoad.java "$input" "$store" "$LOADER" 2>"$OUT/last-$tool.err")
    fi
    echo "{\"size\":$size,\"run\":$run,\"load1\":$load,${line#\{}" >> "$RESULTS"
    echo "  $tool run $run: $(echo "$line" | sed -E 's/.*"(total_ms|load_ms)":([0-9.]+).*/\1=\2/') (load avg $load)" >&2
}

for n in $SIZES; do
    l=$(label "$n")
    JSON=$OUT/case-$l.json
    NQ=$OUT/case-$l.nq
    [ -f "$JSON" ] || java bench/GenerateCase.java --items "$n" --seed 42 -o "$JSON"
    rm -f "$NQ" # rewritten by the first import run, so it always matches the jar in use
    runs=$RUNS
    [ "$n" -ge 100000 ] && runs=$RUNS_100K
    echo "== $n items ($JSON), $runs runs" >&2
    for r in $(seq 1 "$runs"); do
        t0=$(date +%s)
        if [ "$r" -gt 2 ] && [ -n "${PAIR_S:-}" ] && [ $((t0 - START + PAIR_S)) -gt "$BUDGET_S" ]; then
            echo "  time budget: stopping $n items after $((r - 1)) runs" >&2
            break
        fi
        # ours first (its first run writes the N-Quads file), then the bare load, alternately
        store=$(mktemp -d -p "$OUT/tmp" store.XXXXXX)
        run_one ours "$n" "$r" "$JSON" "$store"
        rm -rf "$store"
        store=$(mktemp -d -p "$OUT/tmp" store.XXXXXX)
        run_one bare "$n" "$r" "$NQ" "$store"
        rm -rf "$store"
        PAIR_S=$(($(date +%s) - t0))
    done
    unset PAIR_S
done

cp "$RESULTS" "$OUT/results-latest.jsonl"
if [ "${NO_REPORT:-}" != 1 ]; then
    python3 bench/report.py "$RESULTS" BENCHMARKS.md
    echo "wrote BENCHMARKS.md" >&2
fi
