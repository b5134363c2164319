package no.govgraph.backend.search;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import no.govgraph.backend.search.SearchRepository.EntityMatch;
import no.govgraph.backend.search.SearchRepository.PassageMatch;
import no.govgraph.backend.search.SearchResult.FacetValue;
import no.govgraph.backend.search.SearchResult.Hit;
import no.govgraph.backend.support.BackendException;
import no.govgraph.backend.support.PageRequest;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.ClientException;

/**
 * Full-text search over passages and entity names: user input is made safe for Lucene (see
 * {@link LuceneQuery}), matches are filtered and counted per facet, and each hit on the page gets a
 * snippet with its matches marked.
 */
@Singleton
public class SearchService {

    /** Matches considered per index; facets and totals count at most this many. */
    public static final int CAP = 1000;

    private final SearchRepository repository;

    SearchService(SearchRepository repository) {
        this.repository = repository;
    }

    /** One page of hits for {@code text}, narrowed by {@code filters}. */
    public SearchResult search(String text, SearchFilters filters, PageRequest page) {
        if (text == null || text.isBlank()) {
            throw BackendException.badRequest("Give a search text in q, e.g. q=Frogner or q=\"balansert målstyring\".");
        }
        if (text.length() > LuceneQuery.MAX_LENGTH) {
            throw BackendException.badRequest(
                    "The search text is longer than " + LuceneQuery.MAX_LENGTH + " characters.");
        }
        String stripped = text.strip();
        // One read transaction per attempt for all of the search's statements (SearchRepository); a
        // statement that fails ends its transaction, so the plain-words retry gets a new one.
        try {
            return repository.read(tx -> search(tx, LuceneQuery.sanitize(stripped), text, filters, page));
        } catch (ClientException first) {
            // The syntax the user meant did not parse after all: search the words as plain text.
            try {
                return repository.read(tx -> search(tx, LuceneQuery.escapeAll(stripped), text, filters, page));
            } catch (ClientException second) {
                throw BackendException.badRequest("The search text could not be read as a query ("
                        + shortMessage(second) + "); try plain words or a \"quoted phrase\".");
            }
        }
    }

    private SearchResult search(
            TransactionContext tx, String lucene, String text, SearchFilters filters, PageRequest page) {
        Matches matches = new Matches(repository.entities(tx, lucene, CAP), repository.passages(tx, lucene, CAP));
        List<LuceneQuery.Term> terms = LuceneQuery.terms(text);

        List<EntityMatch> entities = matches.entities().stream()
                .filter(e -> entityMatches(e, filters))
                .toList();
        List<PassageMatch> passages = matches.passages().stream()
                .filter(p -> passageMatches(p, filters))
                .toList();
        long total = entities.size() + passages.size();
        int from = (int) Math.min(total, page.offset());
        int to = (int) Math.min(total, from + (long) page.size());

        List<Hit> hits = new ArrayList<>();
        List<PassageMatch> pagePassages = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (i < entities.size()) {
                hits.add(entityHit(entities.get(i), terms));
            } else {
                pagePassages.add(passages.get(i - entities.size()));
            }
        }
        Map<String, String> texts = pagePassages.isEmpty()
                ? Map.of()
                : repository.passageTexts(
                        tx, pagePassages.stream().map(PassageMatch::id).toList());
        for (PassageMatch p : pagePassages) {
            hits.add(passageHit(p, texts.getOrDefault(p.id(), ""), terms));
        }
        boolean capped = matches.entities().size() >= CAP || matches.passages().size() >= CAP;
        return new SearchResult(
                text, page.page(), page.size(), total, to < total, capped, hits, facets(tx, matches, filters));
    }

    private record Matches(List<EntityMatch> entities, List<PassageMatch> passages) {}

    private static String shortMessage(ClientException e) {
        String m = String.valueOf(e.getMessage());
        int newline = m.indexOf('\n');
        return newline > 0 ? m.substring(0, newline) : m;
    }

    private static boolean entityMatches(EntityMatch e, SearchFilters f) {
        return !f.filtersDocuments()
                && (f.type() == null || f.type().equals(e.label()))
                && (f.office() == null || e.offices().contains(f.office()));
    }

    private static boolean passageMatches(PassageMatch p, SearchFilters f) {
        return (f.type() == null || p.types().contains(f.type()))
                && (f.kind() == null || f.kind().equals(p.kind()))
                && (f.year() == null || f.year().equals(p.year()))
                && (f.language() == null || f.language().equals(p.language()))
                && (f.office() == null || p.offices().contains(f.office()));
    }

    private static Hit entityHit(EntityMatch e, List<LuceneQuery.Term> terms) {
        String shown = e.name();
        if (Snippet.matches(shown, terms).isEmpty()) {
            // Found by an alias: show the alias that matched beside the name.
            shown = e.aliases().stream()
                    .filter(a -> !Snippet.matches(a, terms).isEmpty())
                    .findFirst()
                    .map(a -> e.name() + " (" + a + ")")
                    .orElse(shown);
        }
        return new Hit(
                "entity",
                e.id(),
                e.label(),
                e.name(),
                Snippet.of(shown, terms, Snippet.LENGTH),
                e.score(),
                null,
                null,
                null,
                null,
                null);
    }

    private static Hit passageHit(PassageMatch p, String text, List<LuceneQuery.Term> terms) {
        return new Hit(
                "passage",
                p.id(),
                "Passage",
                p.title(),
                Snippet.of(text, terms, Snippet.LENGTH),
                p.score(),
                p.documentId(),
                p.page(),
                p.kind(),
                p.year(),
                p.language());
    }

    private SearchResult.Facets facets(TransactionContext tx, Matches m, SearchFilters f) {
        List<FacetValue> type = count(
                m,
                new SearchFilters(null, f.kind(), f.year(), f.language(), f.office()),
                e -> Stream.of(e.label()),
                p -> p.types().stream());
        List<FacetValue> kind = count(
                m,
                new SearchFilters(f.type(), null, f.year(), f.language(), f.office()),
                e -> Stream.empty(),
                p -> Stream.ofNullable(p.kind()));
        List<FacetValue> year = count(
                m,
                new SearchFilters(f.type(), f.kind(), null, f.language(), f.office()),
                e -> Stream.empty(),
                p -> Stream.ofNullable(p.year()));
        List<FacetValue> language = count(
                m,
                new SearchFilters(f.type(), f.kind(), f.year(), null, f.office()),
                e -> Stream.empty(),
                p -> Stream.ofNullable(p.language()));
        List<FacetValue> office = count(
                m,
                new SearchFilters(f.type(), f.kind(), f.year(), f.language(), null),
                e -> e.offices().stream(),
                p -> p.offices().stream());
        if (!office.isEmpty()) {
            Map<String, String> names = repository.officeNames(
                    tx, office.stream().map(FacetValue::value).toList());
            office = office.stream()
                    .map(v -> new FacetValue(v.value(), names.getOrDefault(v.value(), v.value()), v.count()))
                    .toList();
        }
        return new SearchResult.Facets(type, kind, year, language, office);
    }

    private static List<FacetValue> count(
            Matches m,
            SearchFilters others,
            Function<EntityMatch, Stream<String>> entityValues,
            Function<PassageMatch, Stream<String>> passageValues) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Predicate<EntityMatch> entityOk = e -> entityMatches(e, others);
        Predicate<PassageMatch> passageOk = p -> passageMatches(p, others);
        m.entities().stream()
                .filter(entityOk)
                .flatMap(e -> entityValues.apply(e).distinct())
                .filter(Objects::nonNull)
                .forEach(v -> counts.merge(v, 1L, Long::sum));
        m.passages().stream()
                .filter(passageOk)
                .flatMap(p -> passageValues.apply(p).distinct())
                .filter(Objects::nonNull)
                .forEach(v -> counts.merge(v, 1L, Long::sum));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new FacetValue(e.getKey(), e.getKey(), e.getValue()))
                .toList();
    }
}
