package org.skillgraph.reference.onet;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an O*NET import read, per kind: rows of the files that name entities (occupations,
 * elements, ...) and link rows (alternate titles, related occupations, ...). {@code triples}
 * is the size of the graph built.
 */
public record OnetCounts(long occupations, long elements, long scales, long iwas, long dwas, long tasks,
                         long taskDwaLinks, long jobZones, long alternateTitles, long reportedTitles,
                         long relatedOccupations, long technologySkills, long toolsUsed, long commodities,
                         long ratings, long triples) {

    /** The counts in print order, by name. */
    public Map<String, Long> asMap() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("occupations", occupations);
        m.put("elements", elements);
        m.put("scales", scales);
        m.put("iwas", iwas);
        m.put("dwas", dwas);
        m.put("tasks", tasks);
        m.put("task-dwa links", taskDwaLinks);
        m.put("job zones", jobZones);
        m.put("alternate titles", alternateTitles);
        m.put("reported titles", reportedTitles);
        m.put("related occupations", relatedOccupations);
        m.put("technology skills", technologySkills);
        m.put("tools used", toolsUsed);
        m.put("commodities", commodities);
        m.put("ratings", ratings);
        m.put("triples", triples);
        return m;
    }
}
