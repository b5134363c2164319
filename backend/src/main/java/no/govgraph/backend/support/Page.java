package no.govgraph.backend.support;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One page of a longer list.
 *
 * @param items the items on this page
 * @param page the page number, from 1
 * @param size the page size asked for
 * @param total how many items there are in all
 * @param hasMore whether a next page exists
 */
@Serdeable
public record Page<T>(List<T> items, int page, int size, long total, boolean hasMore) {

    public Page {
        items = List.copyOf(items);
    }

    /** The page of {@code all} that {@code request} asks for. */
    public static <T> Page<T> of(List<T> all, PageRequest request) {
        int from = (int) Math.min(all.size(), request.offset());
        int to = Math.min(all.size(), from + request.size());
        return new Page<>(all.subList(from, to), request.page(), request.size(), all.size(), to < all.size());
    }

    /** A page whose items were fetched with SKIP/LIMIT, out of {@code total}. */
    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        return new Page<>(items, request.page(), request.size(), total, request.offset() + items.size() < total);
    }
}
