package no.govgraph.backend.compare;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An outcome and the periods that have values for it: the choices of a comparison.
 *
 * @param id the outcome
 * @param name its name
 * @param periods its periods, newest first
 */
@Serdeable
public record OutcomePeriods(String id, String name, List<String> periods) {

    public OutcomePeriods {
        periods = List.copyOf(periods);
    }
}
