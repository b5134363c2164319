package no.govgraph.bench.corpus;

import java.util.List;
import java.util.Locale;
import no.govgraph.ingest.codebook.Codebook;
import no.govgraph.ingest.codebook.Term;
import no.govgraph.ingest.extraction.EntityKind;

/**
 * The names generated documents talk about, taken from the bundled codebook, so that the extractor
 * finds real offices, county units, tools and outcomes in them (and has work to do).
 *
 * @param offices offices whose name has the usual "Nav Place" form: name and place
 * @param counties county units (partners of kind {@code county})
 * @param tools tool names
 * @param outcomes outcome names
 */
record Vocabulary(List<Office> offices, List<String> counties, List<String> tools, List<String> outcomes) {

    /** An office and the place it serves (the municipality of the same name). */
    record Office(String name, String place, String unitNumber) {}

    Vocabulary {
        offices = List.copyOf(offices);
        counties = List.copyOf(counties);
        tools = List.copyOf(tools);
        outcomes = List.copyOf(outcomes);
    }

    static Vocabulary fromCodebook() {
        Codebook codebook = Codebook.defaults();
        List<Office> offices = codebook.terms(EntityKind.OFFICE).stream()
                .filter(t -> t.priority() >= 3)
                .flatMap(t -> Codebook.place(t.name()).stream()
                        .map(place -> new Office(
                                "NAV " + place,
                                place,
                                String.valueOf(t.properties().get("unitNumber")))))
                .toList();
        List<String> counties = codebook.terms(EntityKind.PARTNER).stream()
                .filter(t -> "county".equals(t.properties().get("kind")))
                .map(Term::name)
                .toList();
        List<String> tools =
                codebook.terms(EntityKind.TOOL).stream().map(Term::name).toList();
        List<String> outcomes = codebook.terms(EntityKind.OUTCOME).stream()
                .map(t -> t.name().toLowerCase(Locale.ROOT))
                .toList();
        if (offices.isEmpty() || counties.isEmpty() || tools.isEmpty() || outcomes.isEmpty()) {
            throw new IllegalStateException("The bundled codebook lacks offices, counties, tools or outcomes");
        }
        return new Vocabulary(offices, counties, tools, outcomes);
    }
}
