package no.govgraph.ingest.codebook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.govgraph.ingest.ImportException;
import no.govgraph.ingest.extraction.EntityKind;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The vocabulary the extractor recognises: offices, partners, management tools and outcomes, each
 * with a canonical name and synonyms in bokmål, nynorsk and English. The default ships in the
 * import jar ({@code codebook/codebook.yaml}); researchers replace it with their own file
 * ({@code govgraph import --vocabulary FILE}). The format is described in docs/EXTRACTION.md.
 *
 * @param source where it was read from, for messages
 * @param terms every entry, offices first
 */
public record Codebook(String source, List<Term> terms) {

    /** The class-path resource of the default codebook. */
    public static final String DEFAULT_RESOURCE = "codebook/codebook.yaml";

    private static final Set<String> PARTNER_KINDS = Set.of("municipality", "county", "state", "other");
    private static final Set<String> UNITS = Set.of("%", "days", "count", "score");
    private static final Set<String> SERVICES = Set.of("state", "municipal", "internal");
    private static volatile Codebook defaults;

    public Codebook {
        terms = List.copyOf(terms);
    }

    /** The codebook shipped with govgraph. */
    public static Codebook defaults() {
        Codebook result = defaults;
        if (result == null) {
            try (InputStream in = Codebook.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new ImportException("The default codebook " + DEFAULT_RESOURCE + " is missing");
                }
                result = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "the default codebook");
            } catch (IOException e) {
                throw new ImportException("Cannot read the default codebook: " + e.getMessage(), e);
            }
            defaults = result;
        }
        return result;
    }

    /** A researcher's codebook file, in the format of the default one. */
    public static Codebook load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new ImportException("Cannot read the vocabulary " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses codebook YAML; {@code source} names it in error messages. */
    public static Codebook parse(String yaml, String source) {
        Object root;
        try {
            root = new Load(LoadSettings.builder().setLabel(source).build()).loadFromString(yaml);
        } catch (YamlEngineException e) {
            throw new ImportException(source + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new ImportException(source + ": expected a mapping with offices, partners, tools, outcomes");
        }
        List<Term> terms = new ArrayList<>();
        for (Map<?, ?> o : entries(map, "offices", source)) {
            office(o, source).ifPresent(terms::add);
        }
        for (Map<?, ?> p : entries(map, "partners", source)) {
            String name = text(p, "name", source);
            String kind = text(p, "kind", source);
            if (!PARTNER_KINDS.contains(kind)) {
                throw new ImportException(
                        source + ": partner " + name + " has kind " + kind + ", expected one of " + PARTNER_KINDS);
            }
            terms.add(new Term(
                    EntityKind.PARTNER,
                    "partner:" + Slugs.slug(name),
                    name,
                    Map.of("kind", kind),
                    synonyms(name, p.get("synonyms")),
                    1,
                    ""));
        }
        for (Map<?, ?> t : entries(map, "tools", source)) {
            String name = text(t, "name", source);
            String category = p(t, "category");
            terms.add(new Term(
                    EntityKind.TOOL,
                    "tool:" + Slugs.slug(name),
                    name,
                    category.isEmpty() ? Map.of() : Map.of("category", category),
                    synonyms(name, t.get("synonyms")),
                    1,
                    ""));
        }
        for (Map<?, ?> t : entries(map, "outcomes", source)) {
            String name = text(t, "name", source);
            String service = text(t, "service", source);
            if (!SERVICES.contains(service)) {
                throw new ImportException(
                        source + ": outcome " + name + " has service " + service + ", expected one of " + SERVICES);
            }
            String unit = p(t, "unit");
            if (!unit.isEmpty() && !UNITS.contains(unit)) {
                throw new ImportException(
                        source + ": outcome " + name + " has unit " + unit + ", expected one of " + UNITS);
            }
            terms.add(new Term(
                    EntityKind.OUTCOME,
                    "outcome:" + Slugs.slug(name),
                    name,
                    Map.of("service", service),
                    synonyms(name, t.get("synonyms")),
                    1,
                    unit));
        }
        Set<String> ids = new HashSet<>();
        for (Term term : terms) {
            if (!ids.add(term.id())) {
                throw new ImportException(source + ": " + term.id() + " is defined twice");
            }
        }
        return new Codebook(source, terms);
    }

    /** Terms of one kind, in codebook order. */
    public List<Term> terms(EntityKind kind) {
        return terms.stream().filter(t -> t.kind() == kind).toList();
    }

    private static java.util.Optional<Term> office(Map<?, ?> o, String source) {
        String unit = text(o, "unit", source);
        if (!unit.matches("\\d{4}")) {
            throw new ImportException(source + ": office unit " + unit + " is not a 4-digit unit number");
        }
        String name = text(o, "name", source);
        String status = p(o, "status");
        if (status.equals("test")) {
            return java.util.Optional.empty();
        }
        int priority =
                switch (status) {
                    case "", "active" -> 3;
                    case "closed" -> 2;
                    case "superseded" -> 1;
                    default -> throw new ImportException(source + ": office " + unit + " has status " + status
                            + ", expected active, closed, superseded or test");
                };
        String display = name.replaceFirst("^(?i)avviklet\\s*-\\s*", "");
        Set<String> names = new LinkedHashSet<>(synonyms(display, o.get("synonyms")));
        place(display).ifPresent(place -> {
            for (String form : OFFICE_FORMS) {
                names.add(form.replace("X", place));
            }
        });
        return java.util.Optional.of(new Term(
                EntityKind.OFFICE,
                "office:" + unit,
                display,
                Map.of("unitNumber", unit),
                List.copyOf(names),
                priority,
                ""));
    }

    /** The ways an office "Nav X" is written besides its name ("X" stands for the place). */
    static final List<String> OFFICE_FORMS = List.of(
            "NAV X",
            "NAV-kontoret i X",
            "NAV-kontoret på X",
            "NAV X kontor",
            "X NAV-kontor",
            "NAV-kontor X",
            "NAV office in X",
            "X NAV office");

    /** The place of an office name ("Nav Frogner" → "Frogner"), if it has the usual form. */
    public static java.util.Optional<String> place(String officeName) {
        var m = java.util.regex.Pattern.compile("^(?i:nav)\\s+(.+)$").matcher(officeName.strip());
        return m.matches() ? java.util.Optional.of(m.group(1).strip()) : java.util.Optional.empty();
    }

    private static List<String> synonyms(String name, Object value) {
        Set<String> all = new LinkedHashSet<>();
        all.add(name);
        if (value instanceof Map<?, ?> byLanguage) {
            for (Object list : byLanguage.values()) {
                addAll(all, list);
            }
        } else {
            addAll(all, value);
        }
        return List.copyOf(all);
    }

    private static void addAll(Set<String> all, Object list) {
        if (list instanceof List<?> l) {
            l.stream()
                    .filter(s -> s != null && !s.toString().isBlank())
                    .forEach(s -> all.add(s.toString().strip()));
        } else if (list != null) {
            all.add(list.toString().strip());
        }
    }

    private static List<Map<?, ?>> entries(Map<?, ?> map, String key, String source) {
        Object value = map.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new ImportException(source + ": " + key + " must be a list");
        }
        List<Map<?, ?>> entries = new ArrayList<>();
        for (Object e : list) {
            if (!(e instanceof Map<?, ?> m)) {
                throw new ImportException(source + ": every entry of " + key + " must be a mapping, not " + e);
            }
            entries.add(m);
        }
        return entries;
    }

    private static String text(Map<?, ?> m, String key, String source) {
        String value = p(m, key);
        if (value.isEmpty()) {
            throw new ImportException(source + ": an entry lacks '" + key + "': " + m);
        }
        return value;
    }

    private static String p(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? "" : v.toString().strip();
    }
}
