package org.skillgraph.store;

import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The SERVICE allow-list: what counts as the same endpoint, what is refused, and the default. */
class FederationTest {
    @Test
    void endpointsMatchIgnoringTheCaseOfSchemeAndHostOnly() {
        Federation f = new Federation(List.of("HTTP://Registry.Example.org:8080/sparql"), Duration.ofSeconds(5));
        assertEquals(List.of("http://registry.example.org:8080/sparql"), f.endpoints());
        assertTrue(f.allows("http://registry.example.org:8080/sparql"));
        assertFalse(f.allows("http://registry.example.org:8080/SPARQL"), "the path is compared as written");
        assertFalse(f.allows("http://registry.example.org/sparql"), "another port is another endpoint");
        assertFalse(f.allows("http://registry.example.org:8080/sparql/extra"));
        assertFalse(f.allows("urn:x:sparql"));
        assertFalse(f.allows("not a url"));
    }

    @Test
    void onlyPlainHttpEndpointsCanBeListed() {
        for (String bad : List.of("file:///etc/passwd", "ftp://host/sparql", "http://user:pw@host/sparql", "http://host/sparql#x", "sparql"))
            assertThrows(IllegalArgumentException.class, () -> new Federation(List.of(bad), Duration.ofSeconds(5)), bad);
        assertThrows(IllegalArgumentException.class, () -> new Federation(List.of(), Duration.ZERO));
    }

    @Test
    void aNewRegistryCallsNoEndpoint() {
        try (Registry r = Registry.inMemory()) {
            var q = QueryFactory.create("SELECT * { SERVICE <http://localhost:9/sparql> { ?s ?p ?o } }");
            QueryDeniedException e = assertThrows(QueryDeniedException.class, () -> r.read(ds -> {
                try (QueryExecution qe = r.query(q)) { return qe.execSelect().hasNext(); }
            }));
            assertTrue(e.getMessage().contains("this registry calls no other SPARQL endpoints"), e.getMessage());
        }
    }
}
