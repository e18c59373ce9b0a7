#!/usr/bin/env bash
# Server benchmark (issue 3) and credential-check benchmark (issue 6).
#
# With a TDB2 store holding the synthetic 100k-item package plus the sample frameworks of data/,
# starts `skillgraph serve` and measures, from a separate load-generator process
# (bench/server/LoadGen.java), throughput and p50/p99 latency of:
#   ping        GET /$/ping                               (the trivial endpoint the issue names)
#   head-index  HEAD /  (the query page: static bytes with a Content-Length, served by FrontFilter;
#               a second trivial endpoint that does not hit the /$/ping problem, see BENCHMARKS.md)
#   uri-json    GET /uri/{id}  Accept: application/json   (random id of 10,000 sampled items)
#   uri-.json   GET /uri/{id}.json
#   q-NAME      GET /sparql?query=<queries/NAME.rq>       Accept: application/sparql-results+json
#   cred-check  POST /api/credentials/check               (a credential with 8 alignments)
# under each client count of CLIENTS (credential check: CRED_CLIENTS), REPS times, alternating
# ping with the /uri runs. Raw results: one JSON line per run in $OUT/results-*.jsonl; the tables
# (medians over the repetitions) are printed by bench/server/report.py.
#
#   bench/server/run.sh
#   DURATION=10 REPS=3 bench/server/run.sh
#
# Environment (defaults in brackets):
#   JAR        skillgraph jar [/tmp/b-srvbench/skillgraph.jar; built with mvn when missing]
#   STORE      store folder [/tmp/srvbench-store; imported when missing]
#   PORT       server port [3077]           SERVER_OPTS  server JVM options [-Xmx2g]
#   DURATION   seconds per measured run [20] WARMUP  seconds of warm-up per endpoint [10]
#   REPS       repetitions [3]              CLIENTS   [1 8 32]     CRED_CLIENTS [1 8]
#   QUERIES    queries/*.rq to run [frameworks crosswalk gap ancestors search]
#   OUT        results folder [bench/out/server]
#   JFR        set to 1 to record a JFR profile of the server ($OUT/server-*.jfr)
#   SKIP_QUERIES  set to 1 to run only ping, /uri, HEAD / and the credential check
set -euo pipefail
cd "$(dirname "$0")/../.."

JAR=${JAR:-/tmp/b-srvbench/skillgraph.jar}
STORE=${STORE:-/tmp/srvbench-store}
PORT=${PORT:-3077}
SERVER_OPTS=${SERVER_OPTS:--Xmx2g}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-10}
REPS=${REPS:-3}
CLIENTS=${CLIENTS:-"1 8 32"}
CRED_CLIENTS=${CRED_CLIENTS:-"1 8"}
QUERIES=${QUERIES:-"frameworks crosswalk gap ancestors search"}
if [ "${SKIP_QUERIES:-0}" = 1 ]; then QUERIES=""; fi
OUT=${OUT:-bench/out/server}
PKG=bench/out/case-100k.json
BIG_ID=2e9d13ef-bf81-4db3-a6ce-a34eb031d23d   # identifier of the seed-42 100k CFDocument
BASE=http://localhost:$PORT
mkdir -p "$OUT"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=$OUT/results-$STAMP.jsonl
LOG=$OUT/run-$STAMP.log

log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$LOG" >&2; }

# 1. The jar (a private build, so that concurrent edits do not change it during the run).
if [ ! -f "$JAR" ]; then
    for attempt in 1 2 3; do
        mvn -B -q -Dskillgraph.buildDir="$(dirname "$JAR")" -DskipTests package && break
        log "build failed (attempt $attempt), retrying"; sleep 15
    done
fi

# 2. The 100k package and the store.
[ -f "$PKG" ] || java bench/GenerateCase.java --items 100000 --seed 42 -o "$PKG"
if [ ! -d "$STORE/Data-0001" ]; then
    log "importing $PKG and data/ into $STORE"
    java -Xmx3g -jar "$JAR" import --store "$STORE" "$PKG" data/ 2>&1 | tee -a "$LOG" | tail -3
fi

# 3. Request inputs, read from the store before the server takes its lock.
LG=$OUT/loadgen-classes
javac -d "$LG" bench/server/LoadGen.java
if [ ! -s "$OUT/ids.txt" ] || [ ! -s "$OUT/credential.json" ]; then
    java -jar "$JAR" query --store "$STORE" --format csv \
        "SELECT ?id ?code WHERE { ?fw a sg:Framework ; sg:identifier \"$BIG_ID\" .
           ?x a sg:Competency ; sg:framework ?fw ; sg:identifier ?id ; sg:humanCodingScheme ?code }" \
        | tail -n +2 | tr -d '\r' | sort > "$OUT/items.csv"
    # 10,000 item identifiers, the same sample every time (shuf with a fixed random source).
    cut -d, -f1 "$OUT/items.csv" | shuf -n 10000 --random-source=<(yes 42) > "$OUT/ids.txt"
    # The credential: ob3-aligned.json with 8 alignments: 6 stored items of the 100k framework
    # (right code and framework), 1 external item (caseregistry.imsglobal.org), 1 unknown item on
    # the registry's own host.
    shuf -n 6 --random-source=<(yes 7) "$OUT/items.csv" > "$OUT/cred-items.csv"
    python3 - "$OUT/cred-items.csv" "$OUT/credential.json" <<'EOF'
import json, sys
items = [l.strip().split(",") for l in open(sys.argv[1]) if l.strip()]
cred = json.load(open("src/test/resources/credentials/adapted/ob3-aligned.json"))
fw = "Synthetic Competency Framework (100000 items, seed 42)"
al = [{"type": ["Alignment"], "targetCode": code, "targetFramework": fw, "targetType": "CFItem",
       "targetUrl": "https://bench.example.org/uri/" + ident} for ident, code in items]
al.append({"type": ["Alignment"], "targetCode": "74f5bb7d-d7cc-11e8-824f-0242ac160002",
           "targetFramework": "Alabama Course of Study: English Language Arts", "targetType": "CFItem",
           "targetUrl": "https://caseregistry.imsglobal.org/uri/74f5bb7d-d7cc-11e8-824f-0242ac160002"})
al.append({"type": ["Alignment"], "targetCode": "G.99.99", "targetType": "CFItem",
           "targetUrl": "https://bench.example.org/uri/00000000-0000-4000-8000-000000000000"})
cred["credentialSubject"]["achievement"]["alignment"] = al
cred["credentialSubject"]["achievement"]["description"] = "Benchmark credential: 6 stored, 1 external, 1 unknown alignment."
json.dump(cred, open(sys.argv[2], "w"), indent=2)
EOF
fi

# 4. The server.
JFR_OPT=""
[ "${JFR:-0}" = 1 ] && JFR_OPT="-XX:StartFlightRecording=filename=$OUT/server-$STAMP.jfr,settings=profile"
log "starting server: java $SERVER_OPTS $JFR_OPT -jar $JAR serve --store $STORE --port $PORT --host localhost"
# shellcheck disable=SC2086
java $SERVER_OPTS $JFR_OPT -jar "$JAR" serve --store "$STORE" --port "$PORT" --host localhost \
    > "$OUT/server-$STAMP.log" 2>&1 &
SPID=$!
trap 'kill $SPID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -sf -o /dev/null "$BASE/\$/ping" && break
    kill -0 $SPID 2>/dev/null || { cat "$OUT/server-$STAMP.log" >&2; exit 1; }
    sleep 1
done
log "server up (pid $SPID)"

fgc() { jstat -gc "$SPID" 2>/dev/null | awk 'NR==1{for(i=1;i<=NF;i++) if($i=="FGC") c=i} NR==2{print $c}'; }

# run LABEL REP CLIENTS SECONDS LoadGen-args...   (appends one JSON line to $RESULTS)
run() {
    local label=$1 rep=$2 c=$3 secs=$4; shift 4
    local la0 f0 f1 line
    la0=$(cut -d' ' -f1 /proc/loadavg)
    f0=$(fgc)
    line=$(java -Xmx256m -cp "$LG" LoadGen --label "$label" -c "$c" -d "$secs" "$@")
    f1=$(fgc)
    line="${line%\}},\"rep\":\"$rep\",\"loadavg\":$la0,\"loadavg_after\":$(cut -d' ' -f1 /proc/loadavg),\"server_full_gcs\":$((f1 - f0))}"
    [ "$rep" != warmup ] && echo "$line" >> "$RESULTS"
    log "$(echo "$line" | python3 -c 'import json,sys; r=json.load(sys.stdin); print("%-12s c=%-3s rps=%8.1f p50=%8.2f p99=%9.2f err=%d fgc=%s load=%s" % (r["label"], r["clients"], r["rps"], r["p50_ms"], r["p99_ms"], r["errors"], r["server_full_gcs"], r["loadavg"]))')"
}

PING=(--url "$BASE/\$/ping")
HEAD_INDEX=(--url "$BASE/" --head)
URI_JSON=(--url "$BASE/uri/{id}" --ids "$OUT/ids.txt" -H "Accept: application/json")
URI_SUFFIX=(--url "$BASE/uri/{id}.json" --ids "$OUT/ids.txt")
CRED=(--url "$BASE/api/credentials/check" --post "$OUT/credential.json" -H "Content-Type: application/json")
# A result cut off by the query time limit comes as 200 with this text in the body: an error.
qargs() { echo --url "$BASE/sparql" --query "queries/$1.rq" --timeout 120 --fail-body cancelled; }

# 5. Warm-up (not recorded), with a copy of each response body to check that the queries return rows.
log "warm-up ($WARMUP s per endpoint at 8 clients)"
run ping warmup 8 "$WARMUP" "${PING[@]}"
run uri-json warmup 8 "$WARMUP" "${URI_JSON[@]}" --save-body "$OUT/body-uri.json"
run uri-.json warmup 8 "$WARMUP" "${URI_SUFFIX[@]}"
run head-index warmup 8 "$WARMUP" "${HEAD_INDEX[@]}"
for q in $QUERIES; do
    # shellcheck disable=SC2046
    run "q-$q" warmup 8 "$WARMUP" $(qargs "$q") --save-body "$OUT/body-$q.json"
done
run cred-check warmup 8 "$WARMUP" "${CRED[@]}" --save-body "$OUT/body-cred.json"
python3 - "$OUT" $QUERIES <<'EOF' | tee -a "$LOG"
import json, sys
out = sys.argv[1]
for q in sys.argv[2:]:
    try:
        b = json.load(open(f"{out}/body-{q}.json"))
        print(f"rows {q}: {len(b['results']['bindings'])}")
    except Exception as e:
        print(f"rows {q}: ? ({e})")
EOF

# 6. The measurements. First REPS rounds of the HTTP-level runs (per client count, ping and /uri
#    alternate; then the credential check), then REPS rounds of the SPARQL queries, so that a run
#    cut short still has the /uri-vs-ping comparison complete.
for rep in $(seq 1 "$REPS"); do
    log "round $rep of $REPS: ping, /uri, credential check"
    for c in $CLIENTS; do
        run ping "$rep" "$c" "$DURATION" "${PING[@]}"
        run uri-json "$rep" "$c" "$DURATION" "${URI_JSON[@]}"
        run ping "$rep" "$c" "$DURATION" "${PING[@]}"
        run uri-.json "$rep" "$c" "$DURATION" "${URI_SUFFIX[@]}"
        run head-index "$rep" "$c" "$DURATION" "${HEAD_INDEX[@]}"
    done
    for c in $CRED_CLIENTS; do
        run cred-check "$rep" "$c" "$DURATION" "${CRED[@]}"
    done
done
for rep in $(seq 1 "$REPS"); do
    [ -z "$QUERIES" ] && break
    log "round $rep of $REPS: SPARQL queries"
    for c in $CLIENTS; do
        for q in $QUERIES; do
            # shellcheck disable=SC2046
            run "q-$q" "$rep" "$c" "$DURATION" $(qargs "$q")
        done
    done
done

log "results: $RESULTS"
python3 bench/server/report.py "$RESULTS"
