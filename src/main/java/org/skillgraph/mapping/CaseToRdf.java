package org.skillgraph.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.langtag.LangTags;
import org.apache.jena.sparql.graph.GraphFactory;
import org.skillgraph.casejson.*;
import org.skillgraph.vocab.Iris;
import org.skillgraph.vocab.SG;

import java.math.BigDecimal;
import java.util.*;

/**
 * CASE model to RDF. Every entity becomes a node named by {@link Iris#entity}; every field a
 * triple with the ontology property the {@link EntityType} table gives. Items are also SKOS
 * concepts of the framework's scheme. Every association is kept as a node (nothing is lost) and
 * as one direct triple origin --type--> destination.
 */
public final class CaseToRdf {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RDFDatatype RDF_JSON = TypeMapper.getInstance().getSafeTypeByName(SG.RDF + "JSON");

    /** The class of the node a link field points at. */
    private static final Map<String, Node> LINK_TARGET_CLASS = Map.of(
            "CFItemTypeURI", SG.ItemType, "licenseURI", SG.License, "subjectURI", SG.Subject,
            "conceptKeywordsURI", SG.Concept, "CFAssociationGroupingURI", SG.AssociationGrouping,
            "CFDocumentURI", SG.Framework, "CFPackageURI", SG.Package, "CFItemURI", SG.Competency);

    private CaseToRdf() {}

    public static FrameworkGraph convert(CasePackage pkg) {
        return new Run(pkg).convert();
    }

    private static final class Run {
        final CasePackage pkg;
        final Graph g = GraphFactory.createGraphMem();
        final Map<Node, String> pointers = new HashMap<>();
        /** identifier -> node for every entity defined in the package. */
        final Map<String, Node> byIdentifier = new HashMap<>();
        /** The node of each entity, named once. */
        final Map<CaseEntity, Node> names = new IdentityHashMap<>();
        /** Short literals repeat (dates, levels, codes): one Node object each. */
        final Map<Node, Node> shortLiterals = new HashMap<>();
        final Map<String, String> languages = new HashMap<>();
        final Set<Node> items = new HashSet<>();
        final Set<Node> stubs = new HashSet<>();
        Node doc;
        String docLanguage;

        Run(CasePackage pkg) { this.pkg = pkg; }

        FrameworkGraph convert() {
            CaseEntity d = pkg.document();
            doc = name(d);
            docLanguage = language(d.string("language"));
            for (CaseEntity i : pkg.items()) items.add(name(i));
            for (EntityType t : EntityType.DEFINITIONS) for (CaseEntity e : pkg.definitions(t)) name(e);
            for (CaseEntity r : pkg.rubrics()) { name(r); for (CaseEntity c : r.children()) { name(c); c.children().forEach(this::name); } }
            for (CaseEntity a : pkg.associations()) name(a);

            entity(d);
            add(doc, SG.rdfType, SG.skosConceptScheme);
            textAlso(doc, d, "title", SG.skosPrefLabel);
            for (CaseEntity i : pkg.items()) {
                Node n = entity(i);
                add(n, SG.rdfType, SG.skosConcept);
                add(n, SG.skosInScheme, doc);
                textAlso(n, i, "fullStatement", SG.skosPrefLabel);
                String code = i.string("humanCodingScheme");
                if (code != null) add(n, SG.skosNotation, NodeFactory.createLiteralString(code));
            }
            for (EntityType t : EntityType.DEFINITIONS) for (CaseEntity e : pkg.definitions(t)) entity(e);
            for (CaseEntity r : pkg.rubrics()) {
                Node rn = entity(r);
                for (CaseEntity c : r.children()) {
                    Node cn = entity(c);
                    add(rn, SG.criterion, cn);
                    for (CaseEntity l : c.children()) add(cn, SG.level, entity(l));
                }
            }
            for (CaseEntity a : pkg.associations()) association(a);
            String id = d.identifier() != null ? d.identifier() : d.uri();
            return new FrameworkGraph(id, doc, g, pointers, pkg.items().size(), pkg.associations().size(), pkg.caseVersion());
        }

        Node name(CaseEntity e) {
            Node n = Iris.entity(e.uri(), e.identifier());
            names.put(e, n);
            if (e.identifier() != null) byIdentifier.putIfAbsent(e.identifier(), n);
            pointers.putIfAbsent(n, e.pointer());
            return n;
        }

        Node entity(CaseEntity e) {
            Node n = names.get(e); // entities sharing an identifier keep their own node; SHACL reports it
            add(n, SG.rdfType, e.type().rdfClass());
            if (e.type() != EntityType.DOCUMENT) add(n, SG.framework, doc);
            String language = language(e.string("language"));
            if (language == null) language = docLanguage;
            for (Field f : e.type().fields()) {
                Object v = e.values().get(f.json());
                if (v == null) continue;
                if (f.json().equals("CFDocumentURI")) continue; // membership is sg:framework, added above
                if (f.json().equals("uri")) { add(n, f.predicate(), typed((String) v, XSDDatatype.XSDanyURI)); continue; }
                switch (f.kind()) {
                    case STRING -> add(n, f.predicate(), NodeFactory.createLiteralString((String) v));
                    case TEXT -> add(n, f.predicate(), text((String) v, language));
                    case INTEGER -> add(n, f.predicate(), typed(v.toString(), XSDDatatype.XSDinteger));
                    case NUMBER -> add(n, f.predicate(), typed(((BigDecimal) v).toPlainString(), XSDDatatype.XSDdecimal));
                    case DATE_TIME -> add(n, f.predicate(), typed((String) v, XSDDatatype.XSDdateTime));
                    case DATE -> add(n, f.predicate(), typed((String) v, ((String) v).contains("T") ? XSDDatatype.XSDdateTime : XSDDatatype.XSDdate));
                    case URL -> add(n, f.predicate(), typed((String) v, XSDDatatype.XSDanyURI));
                    case STRING_LIST -> { for (Object s : (List<?>) v) add(n, f.predicate(), NodeFactory.createLiteralString((String) s)); }
                    case LINK -> add(n, f.predicate(), link(f.json(), (Link) v));
                    case LINK_LIST -> { for (Object l : (List<?>) v) add(n, f.predicate(), link(f.json(), (Link) l)); }
                    case JSON -> add(n, f.predicate(), json((JsonNode) v));
                }
            }
            if (!e.unknown().isEmpty()) {
                ObjectNode o = JSON.createObjectNode();
                e.unknown().forEach(o::set);
                add(n, SG.unknownFields, json(o));
            }
            return n;
        }

        void association(CaseEntity a) {
            Node n = entity(a);
            Node origin = end(n, a.link("originNodeURI"), SG.originNode, SG.originNodeURI, SG.originNodeIdentifier, SG.originNodeTitle, SG.originNodeTargetType);
            Node dest = end(n, a.link("destinationNodeURI"), SG.destinationNode, SG.destinationNodeURI, SG.destinationNodeIdentifier, SG.destinationNodeTitle, SG.destinationNodeTargetType);
            String type = a.string("associationType");
            if (origin == null || dest == null || type == null) return; // the shapes report what is missing
            add(origin, SG.associationProperty(type), dest);
            if (type.equals("isChildOf")) {
                if (items.contains(origin) && items.contains(dest)) add(origin, SG.skosBroader, dest);
                else if (items.contains(origin) && dest.equals(doc)) add(origin, SG.skosTopConceptOf, doc);
            }
        }

        Node end(Node assoc, Link l, Node node, Node uri, Node identifier, Node title, Node targetType) {
            if (l == null) return null;
            Node target = l.identifier() != null && byIdentifier.containsKey(l.identifier())
                    ? byIdentifier.get(l.identifier()) : Iris.entity(l.uri(), l.identifier());
            add(assoc, node, target);
            if (l.uri() != null) add(assoc, uri, typed(l.uri(), XSDDatatype.XSDanyURI));
            if (l.identifier() != null) add(assoc, identifier, NodeFactory.createLiteralString(l.identifier()));
            if (l.title() != null) add(assoc, title, NodeFactory.createLiteralString(l.title()));
            if (l.targetType() != null) add(assoc, targetType, NodeFactory.createLiteralString(l.targetType()));
            return target;
        }

        /** The node a link points at; a target outside the package becomes a stub that keeps the link's data. */
        Node link(String field, Link l) {
            if (field.equals("CFPackageURI")) {
                Node p = Iris.entity(l.uri(), l.identifier() != null ? l.identifier() : pkg.document().identifier());
                if (!p.equals(doc)) stub(p, SG.Package, l);
                return p;
            }
            if (l.identifier() != null && byIdentifier.containsKey(l.identifier())) return byIdentifier.get(l.identifier());
            Node target = Iris.entity(l.uri(), l.identifier());
            if (!pointers.containsKey(target)) stub(target, LINK_TARGET_CLASS.getOrDefault(field, SG.CaseEntity), l);
            return target;
        }

        void stub(Node n, Node cls, Link l) {
            if (!stubs.add(n)) return;
            add(n, SG.rdfType, cls);
            if (l.identifier() != null) add(n, SG.sg("identifier"), NodeFactory.createLiteralString(l.identifier()));
            if (l.uri() != null) add(n, SG.sg("uri"), typed(l.uri(), XSDDatatype.XSDanyURI));
            if (l.title() != null) add(n, SG.sg("title"), NodeFactory.createLiteralString(l.title()));
        }

        /** The same literal as the field, under a second property (e.g. skos:prefLabel). */
        void textAlso(Node n, CaseEntity e, String field, Node property) {
            var it = g.find(n, SG.sg(field), Node.ANY);
            if (it.hasNext()) add(n, property, it.next().getObject());
            it.close();
        }

        String language(String tag) {
            return tag == null ? null : languages.computeIfAbsent(tag, CaseToRdf::lang);
        }

        void add(Node s, Node p, Node o) {
            if (o.isLiteral() && o.getLiteralLexicalForm().length() <= 40) {
                Node seen = shortLiterals.putIfAbsent(o, o);
                if (seen != null) o = seen;
            }
            g.add(Triple.create(s, p, o));
        }
    }

    static String lang(String language) {
        if (language == null || language.isBlank()) return null;
        return LangTags.check(language.trim()) ? language.trim() : null;
    }

    static Node text(String s, String language) {
        return language == null ? NodeFactory.createLiteralString(s) : NodeFactory.createLiteralLang(s, language);
    }

    static Node typed(String lexical, XSDDatatype dt) { return NodeFactory.createLiteralDT(lexical, dt); }

    static Node json(JsonNode v) {
        try {
            return NodeFactory.createLiteralDT(JSON.writeValueAsString(v), RDF_JSON);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
