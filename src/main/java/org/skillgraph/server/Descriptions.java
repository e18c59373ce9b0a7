package org.skillgraph.server;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.skillgraph.store.CatalogEntry;
import org.skillgraph.store.Registry;
import org.skillgraph.vocab.SG;

import java.util.List;

/** The SPARQL 1.1 Service Description and the VoID description of the registry. */
final class Descriptions {
    static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    static final String FORMATS = "http://www.w3.org/ns/formats/";

    private Descriptions() {}

    static Model serviceDescription(Registry registry, String base) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("sd", SD).setNsPrefix("void", SG.VOID).setNsPrefix("dct", SG.DCT);
        Resource svc = m.createResource(base + "sparql#service").addProperty(RDF.type, m.createResource(SD + "Service"));
        svc.addProperty(m.createProperty(SD, "endpoint"), m.createResource(base + "sparql"));
        svc.addProperty(m.createProperty(SD, "supportedLanguage"), m.createResource(SD + "SPARQL11Query"));
        for (String f : List.of("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                "Turtle", "N-Triples", "JSON-LD", "RDF_XML"))
            svc.addProperty(m.createProperty(SD, "resultFormat"), m.createResource(FORMATS + f));
        svc.addProperty(m.createProperty(SD, "feature"), m.createResource(SD + "UnionDefaultGraph"));
        svc.addProperty(m.createProperty(SD, "feature"), m.createResource(SD + "BasicFederatedQuery"));
        Resource ds = m.createResource().addProperty(RDF.type, m.createResource(SD + "Dataset"));
        svc.addProperty(m.createProperty(SD, "defaultDataset"), ds);
        Resource dg = m.createResource().addProperty(RDF.type, m.createResource(SD + "Graph"));
        ds.addProperty(m.createProperty(SD, "defaultGraph"), dg);
        dg.addProperty(m.createProperty(SD, "name"), "union of all named graphs");
        for (CatalogEntry e : registry.list()) {
            Resource ng = m.createResource().addProperty(RDF.type, m.createResource(SD + "NamedGraph"));
            ng.addProperty(m.createProperty(SD, "name"), m.createResource(e.graph()));
            Resource g = m.createResource().addProperty(RDF.type, m.createResource(SD + "Graph"));
            g.addLiteral(m.createProperty(SG.VOID, "triples"), e.triples());
            if (e.title() != null) g.addProperty(m.createProperty(SG.DCT, "title"), e.title());
            ng.addProperty(m.createProperty(SD, "graph"), g);
            ds.addProperty(m.createProperty(SD, "namedGraph"), ng);
        }
        return m;
    }

    static Model voidDescription(Registry registry, String base) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("void", SG.VOID).setNsPrefix("dct", SG.DCT).setNsPrefix("sg", SG.NS);
        String v = SG.VOID;
        Resource reg = m.createResource(base + "void#registry").addProperty(RDF.type, m.createResource(v + "Dataset"));
        reg.addProperty(m.createProperty(SG.DCT, "title"), "skillgraph registry");
        reg.addProperty(m.createProperty(v, "sparqlEndpoint"), m.createResource(base + "sparql"));
        reg.addProperty(m.createProperty(v, "uriLookupEndpoint"), base + "resolve?uri=");
        reg.addProperty(m.createProperty(v, "vocabulary"), m.createResource(SG.NS));
        reg.addProperty(m.createProperty(v, "vocabulary"), m.createResource(SG.SKOS));
        long triples = 0, items = 0;
        for (CatalogEntry e : registry.list()) {
            Resource sub = m.createResource(e.graph()).addProperty(RDF.type, m.createResource(v + "Dataset"));
            if (e.title() != null) sub.addProperty(m.createProperty(SG.DCT, "title"), e.title());
            sub.addLiteral(m.createProperty(v, "triples"), e.triples());
            sub.addLiteral(m.createProperty(v, "entities"), e.items() + e.associations());
            sub.addProperty(m.createProperty(v, "rootResource"), m.createResource(e.document()));
            sub.addProperty(m.createProperty(v, "sparqlEndpoint"), m.createResource(base + "sparql"));
            reg.addProperty(m.createProperty(v, "subset"), sub);
            triples += e.triples();
            items += e.items();
        }
        reg.addLiteral(m.createProperty(v, "triples"), triples);
        reg.addLiteral(m.createProperty(v, "entities"), items);
        return m;
    }
}
