#!/usr/bin/env bash
# Regenerates data/onet-alignments.trig: the accepted alignments of the two sample frameworks to
# the O*NET subset (data/onet-subset), with the suggestion runs they were accepted from.
#   1. a fresh store with the two frameworks and data/onet-subset;
#   2. `skillgraph align suggest --target onet-elements --top 10` (default method, fusion) for each framework;
#   3. `skillgraph align accept --suggestion IRI... --type T` for the pairs chosen by hand in
#      data/src/onet-alignments-review.tsv (item code, O*NET element code, type, why);
#   4. the graphs urn:skillgraph:alignments and the two suggestion graphs written as TriG.
# Times in the provenance (prov:generatedAtTime) change on every run; everything else is the same.
#
#   data/src/make_onet_alignments.sh            # uses ./skillgraph
#   SKILLGRAPH="java -jar /tmp/b/skillgraph.jar" data/src/make_onet_alignments.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
SG=${SKILLGRAPH:-./skillgraph}
JOB=625f1aad-c018-5511-8681-4b1001258b3e    # Data Analyst Job Role
CERT=eb66c1b1-5484-5cd2-ae83-e0adb913f392   # Data Analytics Certificate
BY="skillgraph sample review"
STORE=$(mktemp -d)
trap 'rm -rf "$STORE"' EXIT

$SG import --store "$STORE" data/data-analytics-certificate.json data/data-analyst-job-role.json >/dev/null
$SG onet import --store "$STORE" data/onet-subset >/dev/null 2>&1
for f in $JOB $CERT; do
  $SG align suggest --store "$STORE" --source $f --target onet-elements --top 10 --format tsv >/dev/null
done

# Every stored suggestion as: item code, element code, suggestion IRI.
$SG query --store "$STORE" --format tsv '
  PREFIX align: <https://w3id.org/skillgraph/align#>
  SELECT ?code ?notation ?s WHERE {
    GRAPH ?g { ?s a align:Suggestion ; align:source ?item ; align:target ?element }
    ?item sg:humanCodingScheme ?code .
    ?element skos:notation ?notation .
  }' | tail -n +2 | sed -e 's/"//g' -e 's/<//g' -e 's/>//g' > "$STORE/suggestions.tsv"

for type in closeMatch isRelatedTo exactMatchOf; do
  iris=$(awk -F'\t' -v type=$type 'NR == FNR { if ($0 !~ /^#/ && $3 == type) want[$1 "\t" $2] = 1; next }
                                   ($1 "\t" $2) in want { print $3 }' data/src/onet-alignments-review.tsv "$STORE/suggestions.tsv")
  wanted=$(grep -v '^#' data/src/onet-alignments-review.tsv | awk -F'\t' -v type=$type '$3 == type' | wc -l)
  found=$(echo -n "$iris" | grep -c . || true)
  if [ "$wanted" != "$found" ]; then echo "$type: $wanted chosen, $found found among the suggestions" >&2; exit 1; fi
  [ -z "$iris" ] || $SG align accept --store "$STORE" --suggestion $iris --type $type --by "$BY"
done

# TriG: each graph's triples (Turtle from a CONSTRUCT) inside a block named by the graph.
out=data/onet-alignments.trig
{
  echo "# Accepted alignments of the sample frameworks to O*NET (data/onet-subset) and the suggestion runs"
  echo "# they came from. Made by data/src/make_onet_alignments.sh; choices in data/src/onet-alignments-review.tsv."
  graphs=$($SG query --store "$STORE" --format tsv 'SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o }
      FILTER (STRSTARTS(STR(?g), "urn:skillgraph:suggestions:") || ?g = <urn:skillgraph:alignments>) } ORDER BY ?g' \
    | tail -n +2 | tr -d '<>')
  for g in $graphs; do
    $SG query --store "$STORE" "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <$g> { ?s ?p ?o } }" > "$STORE/graph.ttl"
    echo
    grep -iE '^(@prefix|prefix) ' "$STORE/graph.ttl"
    echo "<$g> {"
    grep -viE '^(@prefix|prefix) ' "$STORE/graph.ttl"
    echo "}"
  done
} > "$out"
echo "wrote $out ($(grep -c 'prov:wasDerivedFrom' "$out") alignments)"
