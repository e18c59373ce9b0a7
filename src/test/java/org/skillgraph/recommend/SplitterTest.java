package org.skillgraph.recommend;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SplitterTest {
    static List<String> texts(String s) {
        return Splitter.split(s).stream().map(Splitter.Passage::text).toList();
    }

    @Test
    void sentencesSplitAtFinalPunctuationButNotAfterAbbreviations() {
        assertEquals(List.of(
                        "We use tools, e.g. Excel and Tableau, every day.",
                        "Dr. Smith teaches the course at Acme Inc. in the spring term.",
                        "Do you enjoy solving hard problems?",
                        "Apply now at our office!"),
                texts("We use tools, e.g. Excel and Tableau, every day. Dr. Smith teaches the course at Acme Inc. in the spring term. "
                        + "Do you enjoy solving hard problems? Apply now at our office!"));
    }

    @Test
    void wrappedLinesJoinIntoOneParagraph() {
        List<Splitter.Passage> ps = Splitter.split("The analyst prepares monthly reports for the finance\nteam and presents them to managers.\n");
        assertEquals(1, ps.size());
        assertEquals("The analyst prepares monthly reports for the finance team and presents them to managers.", ps.get(0).text());
        assertEquals(Splitter.Kind.SENTENCE, ps.get(0).kind());
        assertEquals(1, ps.get(0).line());
    }

    @Test
    void bulletsAndNumberedItemsAreOnePassageEach() {
        String text = """
                Responsibilities:
                - Design data pipelines in Python
                * Maintain the reporting database
                • Train junior analysts in SQL
                1. Review code written by others
                2) Write documentation for
                   every pipeline you build
                (a) Present results to the board
                """;
        List<Splitter.Passage> ps = Splitter.split(text);
        assertEquals(List.of("Design data pipelines in Python", "Maintain the reporting database", "Train junior analysts in SQL",
                "Review code written by others", "Write documentation for every pipeline you build", "Present results to the board"),
                ps.stream().map(Splitter.Passage::text).toList());
        assertTrue(ps.stream().allMatch(p -> p.kind() == Splitter.Kind.BULLET));
        assertEquals(2, ps.get(0).line(), "line numbers count from 1");
    }

    @Test
    void headingsAndShortFragmentsAreDropped() {
        String text = """
                # About the role
                Job Description

                We are hiring a data engineer to build our analytics platform.

                Benefits:
                Apply today.
                """;
        assertEquals(List.of("We are hiring a data engineer to build our analytics platform."), texts(text));
    }

    @Test
    void aRunOfShortLinesWithoutPunctuationIsAList() {
        String text = """
                Skills
                Project management
                Stakeholder communication
                Statistical modelling
                """;
        assertEquals(List.of("Project management", "Stakeholder communication", "Statistical modelling"), texts(text));
    }

    @Test
    void repeatsAreDroppedAndLongPassagesCut() {
        String longOne = "word ".repeat(400).strip() + ".";
        List<Splitter.Passage> ps = Splitter.split("Analyze the sales data weekly.\n\nAnalyze the sales data weekly.\n\n" + longOne);
        assertEquals(2, ps.size());
        assertEquals(Splitter.MAX_CHARS, ps.get(1).text().length());
    }
}
