/**
 * O*NET as a SKOS reference graph: {@code skillgraph onet import DIR} reads an O*NET database
 * text release (the tab-delimited {@code .txt} files as published, with their header rows, e.g.
 * {@code db_29_3_text/}) into the named graph {@code urn:skillgraph:reference:onet}
 * ({@link org.skillgraph.reference.onet.OnetIris#GRAPH}) and describes it in the catalog
 * ({@link org.skillgraph.store.Registry#importReference}: title "O*NET 29.3 Database",
 * {@code dcat:version}, {@code dct:license} CC BY 4.0, {@code dct:rights} the attribution O*NET
 * asks for, {@code dct:source} the folder, {@code void:triples}). Re-importing replaces the graph.
 *
 * <h2>Reading</h2>
 * Each file is streamed line by line into an in-memory graph; the store is written once, in one
 * transaction, after every file has been read. {@code Occupation Data.txt} is required; every
 * other file is optional: a missing one is skipped with a note, and files with no mapping yet
 * are listed in one note. Columns are found by their header names: required columns must be
 * there, unknown columns are an error (optional columns such as {@code Title} may be absent).
 * A malformed file (wrong header, a row with another number of fields than the header, a
 * malformed code, a non-numeric value where a number is required, a duplicate key, bytes that
 * are not UTF-8) is an {@link org.skillgraph.error.InputRejectedException} naming the file and
 * {@code line N}; nothing is stored. Codes that a file names but whose reference file (read in
 * the same import) lacks are still linked and counted in a note. Empty values and {@code n/a}
 * give no triple. The version comes from {@code Read Me.txt} ("O*NET 29.3 Database"), else
 * {@code --version}, else the folder name.
 *
 * <h2>Model</h2>
 * Prefixes: {@code onet: <https://w3id.org/skillgraph/onet/ns#>} (vocabulary, described by
 * {@code rdfs:label}/{@code rdfs:comment} inside the graph), {@code o: <https://w3id.org/skillgraph/onet/>}
 * (entities), {@code skos:}, {@code dct:}, {@code xsd:}. Every concept is a {@code skos:Concept}
 * and an instance of its {@code onet:} class, with {@code skos:inScheme}, {@code skos:notation}
 * (the O*NET code) and an {@code @en} {@code skos:prefLabel}.
 * <table>
 * <caption>Entities</caption>
 * <tr><th>What (file)</th><th>IRI</th><th>Triples</th></tr>
 * <tr><td>Occupation (Occupation Data)</td><td>{@code https://www.onetonline.org/link/summary/{O*NET-SOC code}},
 *   e.g. {@code .../15-2051.01}; scheme {@code o:scheme/occupations} ({@code onet-occupations})</td>
 *   <td>{@code a onet:Occupation}; prefLabel title; {@code skos:definition} description;
 *   {@code skos:altLabel} each alternate title and short title (Alternate Titles) and reported
 *   title (Sample of Reported Titles); {@code onet:jobZone} xsd:integer (Job Zones);
 *   {@code onet:hasTask} its tasks; {@code skos:related} each related occupation;
 *   {@code onet:usesTechnology} / {@code onet:usesTool} the commodities of its examples</td></tr>
 * <tr><td>Content model element (Content Model Reference)</td><td>{@code o:element/{Element ID}},
 *   e.g. {@code o:element/2.A.1.a}; scheme {@code o:scheme/elements} ({@code onet-elements})</td>
 *   <td>{@code a onet:Element}; prefLabel name; definition description; {@code skos:broader} the
 *   element one outline level up (2.A.1.a &rarr; 2.A.1 &rarr; 2.A &rarr; 2); the roots 1 ... 6
 *   {@code skos:topConceptOf} the scheme</td></tr>
 * <tr><td>Intermediate work activity (IWA Reference; else DWA Reference)</td><td>{@code o:iwa/{IWA ID}};
 *   scheme {@code o:scheme/iwas} ({@code onet-iwas})</td>
 *   <td>{@code a onet:IntermediateWorkActivity}; prefLabel title; {@code skos:broader} its
 *   work-activity element (e.g. 4.A.1.a.1); {@code skos:topConceptOf} its scheme</td></tr>
 * <tr><td>Detailed work activity (DWA Reference)</td><td>{@code o:dwa/{DWA ID}}; scheme
 *   {@code o:scheme/dwas} ({@code onet-dwas})</td>
 *   <td>{@code a onet:DetailedWorkActivity}; prefLabel title; {@code skos:broader} its IWA</td></tr>
 * <tr><td>Task (Task Statements)</td><td>{@code o:task/{Task ID}}; scheme {@code o:scheme/tasks}
 *   ({@code onet-tasks})</td>
 *   <td>{@code a onet:Task}; prefLabel the statement; {@code onet:occupation};
 *   {@code onet:taskType} "Core"/"Supplemental"; {@code onet:incumbentsResponding} xsd:decimal;
 *   {@code onet:date}; {@code onet:domainSource}; {@code onet:dwa} each DWA (Tasks to DWAs)</td></tr>
 * <tr><td>Commodity (Technology Skills, Tools Used)</td><td>{@code o:commodity/{UNSPSC code}};
 *   scheme {@code o:scheme/commodities} ({@code onet-commodities})</td>
 *   <td>{@code a onet:Commodity}; prefLabel commodity title</td></tr>
 * <tr><td>Technology skill example (Technology Skills)</td>
 *   <td>{@code o:technology/{soc}/{commodity}/{example, percent-encoded}}</td>
 *   <td>{@code a onet:TechnologySkill}; {@code onet:occupation}; {@code onet:commodity};
 *   {@code onet:example} the name; {@code onet:hotTechnology}, {@code onet:inDemand} xsd:boolean</td></tr>
 * <tr><td>Tool example (Tools Used)</td><td>{@code o:tool/{soc}/{commodity}/{example}}</td>
 *   <td>{@code a onet:ToolUsed}; {@code onet:occupation}; {@code onet:commodity}; {@code onet:example}</td></tr>
 * <tr><td>Related occupation (Related Occupations)</td><td>{@code o:related/{soc}/{related soc}}</td>
 *   <td>{@code a onet:RelatedOccupation}; {@code onet:occupation}; {@code onet:relatedOccupation};
 *   {@code onet:relatednessTier} (e.g. "Primary-Short"); {@code onet:relatednessIndex} xsd:integer</td></tr>
 * <tr><td>Scale (Scales Reference)</td><td>{@code o:scale/{Scale ID}}, e.g. {@code o:scale/IM};
 *   scheme {@code o:scheme/scales} ({@code onet-scales})</td>
 *   <td>{@code a onet:Scale}; prefLabel name; {@code onet:minimum}, {@code onet:maximum} xsd:integer</td></tr>
 * <tr><td>Rating, one per row of Skills, Knowledge, Abilities, Work Activities, Work Context,
 *   Work Styles, Work Values, Interests, Education, Training, and Experience</td>
 *   <td>{@code o:rating/{soc}/{Element ID}/{Scale ID}}, plus {@code /{Category}} when the row has one
 *   (e.g. {@code o:rating/15-2051.01/2.A.1.a/LV}, {@code o:rating/15-2051.01/2.D.1/RL/6});
 *   Task Ratings: {@code o:rating/{soc}/task/{Task ID}/{Scale ID}[/{Category}]}</td>
 *   <td>{@code a onet:Rating}; {@code onet:occupation}; {@code onet:element} (or {@code onet:task});
 *   {@code onet:scale}; {@code rdf:value} xsd:decimal as published; and when present
 *   {@code onet:category} xsd:integer, {@code onet:n} xsd:integer, {@code onet:standardError},
 *   {@code onet:lowerCI}, {@code onet:upperCI} xsd:decimal, {@code onet:recommendSuppress},
 *   {@code onet:notRelevant} xsd:boolean, {@code onet:date} xsd:gYearMonth (08/2024 &rarr; 2024-08),
 *   {@code onet:domainSource} string. No threshold or derived shortcut is added.</td></tr>
 * </table>
 * Each scheme is a {@code skos:ConceptScheme} with a prefLabel, {@code dct:identifier} its short
 * name, {@code dct:license <https://creativecommons.org/licenses/by/4.0/>}, {@code dct:rights}
 * the attribution, {@code owl:versionInfo} the release and {@code dct:source
 * <https://www.onetcenter.org/database.html>}.
 *
 * <h2>Not imported yet</h2>
 * Abilities/Skills to Work Activities/Context, Basic Interests to RIASEC, the Categories files,
 * Emerging Tasks, Interests Illustrative Activities/Occupations, Job Zone Reference, Level Scale
 * Anchors, Occupation Level Metadata, RIASEC Keywords, Survey Booklet Locations, UNSPSC Reference
 * (named in a note when present).
 */
package org.skillgraph.reference.onet;
