package org.skillgraph.reference.onet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.skillgraph.vocab.SG;

import java.nio.charset.StandardCharsets;

/**
 * Every IRI the O*NET importer mints: the named graph, the {@code onet:} vocabulary
 * ({@value #NS}), the concept schemes and the entity IRIs. Standard terms come from
 * {@link SG} (or its namespaces where {@code SG} has no constant). See {@code package-info}
 * for the model.
 */
public final class OnetIris {
    private OnetIris() {}

    /** The named graph holding the O*NET release. */
    public static final String GRAPH_IRI = "urn:skillgraph:reference:onet";
    /** The named graph holding the O*NET release, as a node. */
    public static final Node GRAPH = NodeFactory.createURI(GRAPH_IRI);

    /** The {@code onet:} vocabulary namespace. */
    public static final String NS = "https://w3id.org/skillgraph/onet/ns#";
    /** Base of the entity IRIs minted by skillgraph (not the occupations). */
    public static final String BASE = "https://w3id.org/skillgraph/onet/";
    /** Occupations are named by their O*NET OnLine summary page. */
    public static final String OCCUPATION_BASE = "https://www.onetonline.org/link/summary/";

    public static final String LICENSE = "https://creativecommons.org/licenses/by/4.0/";
    public static final String PUBLISHER_PAGE = "https://www.onetcenter.org/database.html";

    private static Node uri(String s) { return NodeFactory.createURI(s); }
    private static Node onet(String local) { return uri(NS + local); }

    // Standard terms SG has no constant for.
    public static final Node skosDefinition = uri(SG.SKOS + "definition");
    public static final Node skosAltLabel = uri(SG.SKOS + "altLabel");
    public static final Node skosRelated = uri(SG.SKOS + "related");
    public static final Node skosHasTopConcept = uri(SG.SKOS + "hasTopConcept");
    public static final Node dctLicense = uri(SG.DCT + "license");
    public static final Node dctRights = uri(SG.DCT + "rights");
    public static final Node rdfValue = uri(SG.RDF + "value");
    public static final Node rdfProperty = uri(SG.RDF + "Property");
    public static final Node rdfsClass = uri("http://www.w3.org/2000/01/rdf-schema#Class");
    public static final Node rdfsLabel = uri("http://www.w3.org/2000/01/rdf-schema#label");
    public static final Node rdfsComment = uri("http://www.w3.org/2000/01/rdf-schema#comment");
    public static final Node rdfsIsDefinedBy = uri("http://www.w3.org/2000/01/rdf-schema#isDefinedBy");
    public static final Node owlVersionInfo = uri("http://www.w3.org/2002/07/owl#versionInfo");

    // Classes.
    public static final Node Occupation = onet("Occupation");
    public static final Node Element = onet("Element");
    public static final Node IntermediateWorkActivity = onet("IntermediateWorkActivity");
    public static final Node DetailedWorkActivity = onet("DetailedWorkActivity");
    public static final Node Task = onet("Task");
    public static final Node Commodity = onet("Commodity");
    public static final Node Scale = onet("Scale");
    public static final Node Rating = onet("Rating");
    public static final Node RelatedOccupation = onet("RelatedOccupation");
    public static final Node TechnologySkill = onet("TechnologySkill");
    public static final Node ToolUsed = onet("ToolUsed");

    // Occupation properties.
    public static final Node jobZone = onet("jobZone");
    public static final Node hasTask = onet("hasTask");
    public static final Node relatedOccupation = onet("relatedOccupation");
    public static final Node relatednessTier = onet("relatednessTier");
    public static final Node relatednessIndex = onet("relatednessIndex");
    public static final Node usesTechnology = onet("usesTechnology");
    public static final Node usesTool = onet("usesTool");
    // Task properties.
    public static final Node dwa = onet("dwa");
    public static final Node taskType = onet("taskType");
    public static final Node incumbentsResponding = onet("incumbentsResponding");
    // Technology skill / tool properties.
    public static final Node commodity = onet("commodity");
    public static final Node example = onet("example");
    public static final Node hotTechnology = onet("hotTechnology");
    public static final Node inDemand = onet("inDemand");
    // Scale properties.
    public static final Node minimum = onet("minimum");
    public static final Node maximum = onet("maximum");
    // Rating properties (and shared ones).
    public static final Node occupation = onet("occupation");
    public static final Node element = onet("element");
    public static final Node task = onet("task");
    public static final Node scale = onet("scale");
    public static final Node category = onet("category");
    public static final Node n = onet("n");
    public static final Node standardError = onet("standardError");
    public static final Node lowerCI = onet("lowerCI");
    public static final Node upperCI = onet("upperCI");
    public static final Node recommendSuppress = onet("recommendSuppress");
    public static final Node notRelevant = onet("notRelevant");
    public static final Node date = onet("date");
    public static final Node domainSource = onet("domainSource");

    /** A concept scheme of the release: its IRI, short name and label. */
    public enum Scheme {
        OCCUPATIONS("occupations", "O*NET-SOC Occupations"),
        ELEMENTS("elements", "O*NET Content Model Elements"),
        IWAS("iwas", "O*NET Intermediate Work Activities"),
        DWAS("dwas", "O*NET Detailed Work Activities"),
        TASKS("tasks", "O*NET Task Statements"),
        COMMODITIES("commodities", "UNSPSC Commodities used by O*NET (Technology Skills, Tools Used)"),
        SCALES("scales", "O*NET Rating Scales");

        private final String path;
        private final String label;
        private final Node node;

        Scheme(String path, String label) {
            this.path = path;
            this.label = label;
            this.node = uri(BASE + "scheme/" + path);
        }

        public Node node() { return node; }
        public String label() { return label; }
        /** The short name, e.g. {@code onet-occupations}. */
        public String shortName() { return "onet-" + path; }
    }

    public static Node occupation(String socCode) { return uri(OCCUPATION_BASE + socCode); }
    public static Node element(String elementId) { return uri(BASE + "element/" + elementId); }
    public static Node iwa(String iwaId) { return uri(BASE + "iwa/" + iwaId); }
    public static Node dwa(String dwaId) { return uri(BASE + "dwa/" + dwaId); }
    public static Node task(String taskId) { return uri(BASE + "task/" + taskId); }
    public static Node commodity(String code) { return uri(BASE + "commodity/" + code); }
    public static Node scale(String scaleId) { return uri(BASE + "scale/" + scaleId); }

    public static Node related(String soc, String relatedSoc) {
        return uri(BASE + "related/" + soc + "/" + relatedSoc);
    }

    public static Node technologySkill(String soc, String commodityCode, String example) {
        return uri(BASE + "technology/" + soc + "/" + commodityCode + "/" + segment(example));
    }

    public static Node tool(String soc, String commodityCode, String example) {
        return uri(BASE + "tool/" + soc + "/" + commodityCode + "/" + segment(example));
    }

    /** A rating of an occupation on a content-model element; {@code category} may be null. */
    public static Node rating(String soc, String elementId, String scaleId, String category) {
        return uri(BASE + "rating/" + soc + "/" + elementId + "/" + scaleId + (category == null ? "" : "/" + category));
    }

    /** A rating of an occupation's task (Task Ratings.txt); {@code category} may be null. */
    public static Node taskRating(String soc, String taskId, String scaleId, String category) {
        return uri(BASE + "rating/" + soc + "/task/" + taskId + "/" + scaleId + (category == null ? "" : "/" + category));
    }

    /** Percent-encodes a path segment (RFC 3986: all but unreserved characters, as UTF-8). */
    static String segment(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    /** Labels and comments of the {@code onet:} terms, so the graph describes its own vocabulary. */
    static void describeVocabulary(Graph g) {
        Node[][] classes = {
                {Occupation, lit("Occupation"), lit("An O*NET-SOC occupation (Occupation Data.txt).")},
                {Element, lit("Content model element"), lit("An element of the O*NET Content Model (Content Model Reference.txt).")},
                {IntermediateWorkActivity, lit("Intermediate work activity"), lit("An IWA (IWA Reference.txt); skos:broader its work-activity element.")},
                {DetailedWorkActivity, lit("Detailed work activity"), lit("A DWA (DWA Reference.txt); skos:broader its IWA.")},
                {Task, lit("Task statement"), lit("A task statement of one occupation (Task Statements.txt).")},
                {Commodity, lit("Commodity"), lit("A UNSPSC commodity that classifies technology and tool examples.")},
                {Scale, lit("Scale"), lit("A rating scale (Scales Reference.txt) with its minimum and maximum.")},
                {Rating, lit("Rating"), lit("One row of a ratings file: an occupation's value for an element (or task) on a scale, with its statistics.")},
                {RelatedOccupation, lit("Related occupation"), lit("A row of Related Occupations.txt: the pair with its relatedness tier and index.")},
                {TechnologySkill, lit("Technology skill"), lit("A row of Technology Skills.txt: an example technology of an occupation, its commodity and flags.")},
                {ToolUsed, lit("Tool used"), lit("A row of Tools Used.txt: an example tool of an occupation and its commodity.")},
        };
        Node[][] props = {
                {jobZone, lit("job zone"), lit("Job Zone (1-5) of an occupation (Job Zones.txt), xsd:integer.")},
                {hasTask, lit("has task"), lit("Occupation to one of its task statements.")},
                {relatedOccupation, lit("related occupation"), lit("The other occupation of a RelatedOccupation node.")},
                {relatednessTier, lit("relatedness tier"), lit("Relatedness tier as published, e.g. Primary-Short, Primary-Long, Supplemental.")},
                {relatednessIndex, lit("relatedness index"), lit("Rank of the related occupation within the occupation's list, xsd:integer.")},
                {usesTechnology, lit("uses technology"), lit("Occupation to a commodity of one of its technology skill examples.")},
                {usesTool, lit("uses tool"), lit("Occupation to a commodity of one of its tool examples.")},
                {dwa, lit("detailed work activity"), lit("Task to a detailed work activity it is linked to (Tasks to DWAs.txt).")},
                {taskType, lit("task type"), lit("Core or Supplemental, as published.")},
                {incumbentsResponding, lit("incumbents responding"), lit("Number of incumbents responding for the task, xsd:decimal.")},
                {commodity, lit("commodity"), lit("The UNSPSC commodity of a technology skill or tool example.")},
                {example, lit("example"), lit("The example name (a product or tool) as published.")},
                {hotTechnology, lit("hot technology"), lit("Hot Technology flag, xsd:boolean.")},
                {inDemand, lit("in demand"), lit("In Demand flag, xsd:boolean.")},
                {minimum, lit("minimum"), lit("Minimum of a scale, xsd:integer.")},
                {maximum, lit("maximum"), lit("Maximum of a scale, xsd:integer.")},
                {occupation, lit("occupation"), lit("The occupation a rating, task, related-occupation, technology or tool node belongs to.")},
                {element, lit("element"), lit("The content model element a rating is about.")},
                {task, lit("task"), lit("The task a task rating is about.")},
                {scale, lit("scale"), lit("The scale of a rating; rdf:value is on this scale.")},
                {category, lit("category"), lit("Category of a percent-frequency rating (e.g. education level), xsd:integer.")},
                {n, lit("N"), lit("Sample size, xsd:integer.")},
                {standardError, lit("standard error"), lit("Standard error of the rating, xsd:decimal.")},
                {lowerCI, lit("lower CI bound"), lit("Lower 95% confidence interval bound, xsd:decimal.")},
                {upperCI, lit("upper CI bound"), lit("Upper 95% confidence interval bound, xsd:decimal.")},
                {recommendSuppress, lit("recommend suppress"), lit("Low-precision indicator (Recommend Suppress = Y), xsd:boolean.")},
                {notRelevant, lit("not relevant"), lit("Not relevant for the occupation (Not Relevant = Y), xsd:boolean.")},
                {date, lit("date"), lit("Month the data was updated, xsd:gYearMonth.")},
                {domainSource, lit("domain source"), lit("Source of the data as published, e.g. Incumbent, Analyst, Occupational Expert.")},
        };
        Node ns = uri(NS);
        for (Node[] c : classes) describe(g, c, rdfsClass, ns);
        for (Node[] p : props) describe(g, p, rdfProperty, ns);
    }

    private static void describe(Graph g, Node[] term, Node type, Node ns) {
        g.add(Triple.create(term[0], SG.rdfType, type));
        g.add(Triple.create(term[0], rdfsLabel, NodeFactory.createLiteralLang(term[1].getLiteralLexicalForm(), "en")));
        g.add(Triple.create(term[0], rdfsComment, NodeFactory.createLiteralLang(term[2].getLiteralLexicalForm(), "en")));
        g.add(Triple.create(term[0], rdfsIsDefinedBy, ns));
    }

    private static Node lit(String s) { return NodeFactory.createLiteralString(s); }
}
