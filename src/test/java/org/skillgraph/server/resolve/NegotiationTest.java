package org.skillgraph.server.resolve;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class NegotiationTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8|HTML",
            "application/json|JSON",
            "application/ld+json|JSONLD",
            "application/ld+json; profile=\"http://www.w3.org/ns/json-ld#compacted\"|JSONLD",
            "text/turtle|TURTLE",
            "application/x-turtle|TURTLE",
            "application/n-triples|NTRIPLES",
            "*/*|JSON",
            "*|JSON",
            "text/*|HTML",
            "application/*|JSON",
            "text/turtle;q=0.9, application/ld+json|JSONLD",
            "application/json;q=0.2, text/html;q=0.1|JSON",
            "TEXT/HTML|HTML",
            "*/*;q=0.1, text/turtle;q=0.5|TURTLE",
            "text/*;q=0, */*|JSON",
            "text/html;q=0, */*|JSON",
            "application/json;q=0, */*;q=0.5|HTML",
            "image/png|NONE",
            "application/xml|NONE",
            "text/html;q=0|NONE",
            "text/html;q=abc|NONE",
            "garbage|NONE",
            "/,;;,|NONE",
    })
    void chooses(String accept, Format expected) {
        assertEquals(Optional.ofNullable(expected), Negotiation.choose(accept));
    }

    @Test
    void noHeaderMeansAnything() {
        assertEquals(Optional.of(Format.JSON), Negotiation.choose(null));
        assertEquals(Optional.of(Format.JSON), Negotiation.choose("  "));
        assertEquals(1.0, Negotiation.quality(null, Format.TURTLE));
    }

    @Test
    void formatNames() {
        assertEquals(Optional.of(Format.TURTLE), Format.byName("turtle"));
        assertEquals(Optional.of(Format.TURTLE), Format.byName("text/turtle"));
        assertEquals(Optional.of(Format.NTRIPLES), Format.byName("N-Triples"));
        assertEquals(Optional.of(Format.JSONLD), Format.byName("json-ld"));
        assertEquals(Optional.empty(), Format.byName("xml"));
        assertEquals(Optional.of(Format.HTML), Format.bySuffix("html"));
        assertEquals(Optional.empty(), Format.bySuffix("htm"));
    }
}
