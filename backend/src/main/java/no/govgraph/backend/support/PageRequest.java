package no.govgraph.backend.support;

import io.micronaut.core.annotation.Nullable;

/**
 * Which page of a list a caller wants: {@code page} from 1, {@code size} items per page.
 *
 * @param page the page number, from 1
 * @param size items per page, 1 to {@link #MAX_SIZE}
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public PageRequest {
        if (page < 1) {
            throw BackendException.badRequest("page must be 1 or more (it counts from 1), not " + page + ".");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw BackendException.badRequest("size must be between 1 and " + MAX_SIZE + ", not " + size + ".");
        }
    }

    /** The request from optional query parameters, with defaults. */
    public static PageRequest of(@Nullable Integer page, @Nullable Integer size) {
        return new PageRequest(page == null ? 1 : page, size == null ? DEFAULT_SIZE : size);
    }

    public long offset() {
        return (long) (page - 1) * size;
    }
}
