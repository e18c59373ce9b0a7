package org.skillgraph.credentials;

import java.util.Optional;

/**
 * The hook for harvesting: which configured harvest source (a CASE API the registry copies
 * frameworks from) covers an external CASE URI. None exist yet, so {@link #NONE} answers nothing and
 * the check reports {@code "harvestSource": null}.
 */
@FunctionalInterface
public interface HarvestSources {
    HarvestSources NONE = url -> Optional.empty();

    /** The harvest source (its URL or name) that would bring in the entity at {@code url}, if any. */
    Optional<String> covering(String url);
}
