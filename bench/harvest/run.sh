#!/usr/bin/env bash
# Harvest benchmark: one skillgraph server (the provider) loaded with N generated frameworks of
# ITEMS items each serves them through its CASE API on loopback; a second store harvests them.
# Measures: first harvest (wall time, requests, bytes), a re-harvest with nothing changed, and a
# re-harvest after one framework changed upstream (the provider is stopped, one framework is
# re-imported with a new statement and lastChangeDateTime, and the provider started again).
#
#   bench/harvest/run.sh                   # 50 frameworks of 1000 items
#   N=5 ITEMS=200 bench/harvest/run.sh     # a quick run
#
# Environment: N (50), ITEMS (1000), JAR (target/skillgraph.jar, built when missing),
# JAVA_OPTS (-Xmx2g). Output: bench/out/harvest/ (results.txt, logs, stores).
set -euo pipefail
cd "$(dirname "$0")/../.."

N=${N:-50}
ITEMS=${ITEMS:-1000}
JAR=${JAR:-target/skillgraph.jar}
JAVA_OPTS=${JAVA_OPTS:--Xmx2g}
OUT=bench/out/harvest
rm -rf "$OUT"
mkdir -p "$OUT/src" "$OUT/gen"
[ -f "$JAR" ] || mvn -B -q -o -DskipTests package
sg() { java $JAVA_OPTS -jar "$JAR" "$@"; }
now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.1f}')"; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM, $(java -version 2>&1 | head -1)" | tee "$OUT/results.txt"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD), load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/results.txt"

javac -d "$OUT/gen" bench/GenerateCase.java
for i in $(seq 1 "$N"); do
    java -cp "$OUT/gen" GenerateCase --items "$ITEMS" --seed "$i" --code-prefix "F$i" -o "$OUT/src/f$i.json" 2>/dev/null
done
echo "generated $N packages of $ITEMS items: $(du -sh "$OUT/src" | cut -f1)" | tee -a "$OUT/results.txt"
t0=$(now)
sg import --store "$OUT/origin" "$OUT/src" > "$OUT/import.log"
echo "provider store loaded in $(secs "$t0" "$(now)") s" | tee -a "$OUT/results.txt"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
start_provider() {
    java $JAVA_OPTS -jar "$JAR" serve --store "$OUT/origin" --host 127.0.0.1 --port "$PORT" --no-samples > "$OUT/provider.log" 2>&1 &
    PROVIDER=$!
    for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/\$/ping" > /dev/null && return; sleep 0.5; done
    echo "provider did not start" >&2; exit 1
}
stop_provider() { kill "$PROVIDER"; wait "$PROVIDER" 2>/dev/null || true; }
trap 'kill $PROVIDER 2>/dev/null || true' EXIT

harvest() { # label
    local t0 t1
    t0=$(now)
    sg harvest --store "$OUT/copy" --allow-private-addresses "http://127.0.0.1:$PORT" > "$OUT/$1.log"
    t1=$(now)
    echo "$1: wall $(secs "$t0" "$t1") s (JVM start included); $(tail -1 "$OUT/$1.log" | sed 's/^[^:]*:[^:]*:[^:]*: //')" | tee -a "$OUT/results.txt"
}

start_provider
harvest first
harvest again-unchanged
stop_provider

python3 - "$OUT/src/f1.json" "$OUT/changed.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
p["CFDocument"]["lastChangeDateTime"] = "2026-02-01T00:00:00Z"
p["CFItems"][3]["fullStatement"] += " (revised)"
json.dump(p, open(sys.argv[2], "w"))
PY
sg import --store "$OUT/origin" "$OUT/changed.json" >> "$OUT/import.log"
start_provider
harvest one-changed
grep -v '^skipped' "$OUT/one-changed.log" | tee -a "$OUT/results.txt"
stop_provider
