package no.govgraph.backend.evidence;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What a merge of two entities did.
 *
 * @param kept the entity that remains
 * @param removed the id of the entity merged into it (now gone)
 * @param aliases the kept entity's aliases afterwards
 * @param relationships relationships moved to the kept entity (or joined with one it had)
 * @param claims claims re-pointed to the kept entity
 */
@Serdeable
public record MergeResult(String kept, String removed, List<String> aliases, long relationships, long claims) {

    public MergeResult {
        aliases = List.copyOf(aliases);
    }
}
