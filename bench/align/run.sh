#!/usr/bin/env bash
# Alignment evaluation on the full data: imports O*NET 29.3 and the ESCO occupations into a fresh
# store, then runs `align evaluate` (ESCO occupations -> O*NET occupations, against the dev
# crosswalk) for each method, twice: a first run (vectors computed and cached) and a warm run
# (vectors read back; FIRST=0 skips the first). Records wall time, CPU time and peak heap (GC log)
# per run in bench/align/out/times.tsv, outputs in bench/align/out/*.out.
#
#   bench/align/run.sh                    # all methods
#   METHODS="bm25 fusion" bench/align/run.sh
#
# Environment: DATA (default ../shared/data next to the project), JAVA_OPTS (default -Xmx2g),
# ESCO (occupations CSV; default $DATA/esco/occupations_en_v1.2.csv, the file the crosswalk was
# made with), STORE (default bench/align/out/store; removed first unless KEEP_STORE=1).
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${DATA:-$(cd .. && pwd)/shared/data}
OUT=bench/align/out
STORE=${STORE:-$OUT/store}
JAVA_OPTS=${JAVA_OPTS:--Xmx2g}
METHODS=${METHODS:-"bm25 embed rrf fusion-notitles fusion-flat fusion"}
ESCO=${ESCO:-$DATA/esco/occupations_en_v1.2.csv}
GOLD=$DATA/crosswalk-dev/nesta_esco_onet_crosswalk.csv
BUILD=${BUILD:-/tmp/b-align-bench}
mkdir -p "$OUT"

if [ ! -f "$BUILD/skillgraph.jar" ]; then
  mvn -B -q -Dskillgraph.buildDir="$BUILD" -DskipTests package
fi
JAR=$OUT/skillgraph.jar
cp "$BUILD/skillgraph.jar" "$JAR"

# run NAME ARGS...: one JVM, wall time and peak heap after GC (from the unified GC log).
run() {
  local name=$1; shift
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -f "%U %S" -o "$OUT/cpu-$name.txt" \
    java $JAVA_OPTS -Xlog:gc:file="$OUT/gc-$name.log" -jar "$JAR" "$@" --store "$STORE" \
      > "$OUT/$name.out" 2> "$OUT/$name.err"
  t1=$(date +%s.%N)
  local heap cpu load
  heap=$(grep -oE '[0-9]+M->[0-9]+M' "$OUT/gc-$name.log" | sed -E 's/M->.*//' | sort -n | tail -1)
  cpu=$(awk '{print $1 + $2}' "$OUT/cpu-$name.txt")
  load=$(cut -d' ' -f1 /proc/loadavg)
  # name, wall s, CPU s (user+sys), peak heap before GC (MB), load average at the end
  printf '%s\t%.1f\t%s\t%s\t%s\n' "$name" "$(echo "$t1 - $t0" | bc)" "$cpu" "${heap:-?}" "$load" | tee -a "$OUT/times.tsv"
}

if [ "${KEEP_STORE:-0}" != 1 ]; then
  rm -rf "$STORE"
  : > "$OUT/times.tsv"
  ESCO_DIR=$OUT/esco-in; rm -rf "$ESCO_DIR"; mkdir -p "$ESCO_DIR"
  cp "$ESCO" "$ESCO_DIR/occupations_en.csv"
  run onet-import onet import "$DATA/onet-29.3"
  run esco-import esco import "$ESCO_DIR"
fi
for m in $METHODS; do
  # FIRST=0: skip the first run (vectors already cached by an earlier run)
  [ "${FIRST:-1}" = 0 ] || run "evaluate-$m-first" align evaluate --source esco-occupations --target onet-occupations --gold "$GOLD" --method "$m"
  run "evaluate-$m-warm" align evaluate --source esco-occupations --target onet-occupations --gold "$GOLD" --method "$m"
  cat "$OUT/evaluate-$m-warm.out"
done
run suggest-fusion-warm align suggest --source esco-occupations --target onet-occupations --top 10 --format tsv
