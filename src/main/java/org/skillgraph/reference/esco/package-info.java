/**
 * ESCO (European Skills, Competences, Qualifications and Occupations) as reference data.
 *
 * <p>{@link org.skillgraph.reference.esco.EscoImporter} loads the ESCO CSV download (v1.0 to v1.2
 * column sets; columns found by header name) or ESCO's RDF download into the named graph
 * {@code urn:skillgraph:reference:esco}, replacing it, and describes it in the catalog with
 * ESCO's version, the Commission's reuse policy (Decision 2011/833/EU) as license and ESCO's
 * attribution statement. Command line: {@code skillgraph esco import [--store DIR] DIR|FILE [--version V]}.
 *
 * <p>ESCO's concept IRIs ({@code http://data.europa.eu/esco/...}) and concept schemes are kept;
 * the terms are ESCO's own ontology where it has one, SKOS and DCMI terms otherwise
 * ({@link org.skillgraph.reference.esco.EscoModel} lists the mapping). Select concepts by scheme
 * with the short names of {@link org.skillgraph.reference.esco.EscoSchemes}
 * ({@code esco-occupations}, {@code esco-skills}, ...); thematic collections (transversal,
 * digital, green, language, research, DigComp) are {@code skos:Collection}s with
 * {@code skos:member}s, named by {@link org.skillgraph.reference.esco.EscoSchemes#collection}.
 *
 * <p>Example: the essential skills of "data scientist" that are not transversal.
 * <pre>
 * PREFIX esco: &lt;http://data.europa.eu/esco/model#&gt;
 * PREFIX skos: &lt;http://www.w3.org/2004/02/skos/core#&gt;
 * SELECT ?label WHERE { GRAPH &lt;urn:skillgraph:reference:esco&gt; {
 *   ?occ a esco:Occupation ; skos:prefLabel "data scientist"@en ; esco:hasEssentialSkill ?s .
 *   ?s skos:prefLabel ?label .
 *   FILTER NOT EXISTS { &lt;urn:skillgraph:reference:esco:collection:transversal-skills&gt; skos:member ?s }
 *   FILTER NOT EXISTS { ?s esco:skillReuseLevel &lt;http://data.europa.eu/esco/skill-reuse-level/transversal&gt; }
 * } }
 * </pre>
 */
package org.skillgraph.reference.esco;
