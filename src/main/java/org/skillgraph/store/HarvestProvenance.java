package org.skillgraph.store;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.skillgraph.vocab.Iris;
import org.skillgraph.vocab.SG;

import java.time.Instant;

/**
 * Where a harvested framework came from: the provider's CASE API base, the package URL, when it
 * was fetched, and what the provider said about it (ETag, Last-Modified, the document's
 * lastChangeDateTime). Written into the catalog entry and the version record with PROV-O.
 */
public record HarvestProvenance(String provider, String packageUrl, Instant startedAt, Instant endedAt,
                                String etag, String lastModified, String upstreamLastChange) {

    /** Writes the facts of a new version: on the dataset entry, the version record and its harvest activity. */
    void writeVersion(DatasetGraph dsg, Node graph, Node version, Node activity) {
        writeEntry(dsg, graph);
        Node c = Iris.CATALOG_GRAPH;
        describe(dsg, version);
        dsg.add(c, version, SG.provWasGeneratedBy, activity);
        dsg.add(c, activity, SG.rdfType, SG.provActivity);
        dsg.add(c, activity, SG.provUsed, NodeFactory.createURI(packageUrl));
        dsg.add(c, activity, SG.provStartedAtTime, time(startedAt));
        dsg.add(c, activity, SG.provEndedAtTime, time(endedAt));
    }

    /** Rewrites the harvest facts of the dataset entry (the current version was confirmed or replaced). */
    void writeEntry(DatasetGraph dsg, Node graph) {
        Node c = Iris.CATALOG_GRAPH;
        for (Node p : new Node[]{SG.harvestedFrom, SG.httpETag, SG.httpLastModified, SG.upstreamLastChange, SG.lastCheckedAt, SG.withdrawnAt})
            dsg.deleteAny(c, graph, p, Node.ANY);
        describe(dsg, graph);
        dsg.add(c, graph, SG.lastCheckedAt, time(endedAt));
    }

    private void describe(DatasetGraph dsg, Node s) {
        Node c = Iris.CATALOG_GRAPH;
        dsg.add(c, s, SG.harvestedFrom, NodeFactory.createURI(provider));
        if (etag != null) dsg.add(c, s, SG.httpETag, NodeFactory.createLiteralString(etag));
        if (lastModified != null) dsg.add(c, s, SG.httpLastModified, NodeFactory.createLiteralString(lastModified));
        if (upstreamLastChange != null) dsg.add(c, s, SG.upstreamLastChange, NodeFactory.createLiteralString(upstreamLastChange));
    }

    static Node time(Instant t) {
        return NodeFactory.createLiteralDT(t.toString(), XSDDatatype.XSDdateTime);
    }
}
