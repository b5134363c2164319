package no.govgraph.backend.support;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An error answer in the shape of RFC 9457 ({@code application/problem+json}): what went wrong, in
 * a sentence the caller can act on.
 *
 * @param type a URI naming the kind of problem ({@code about:blank} when the status says it all)
 * @param title the HTTP status text
 * @param status the HTTP status code
 * @param detail what went wrong and what to do about it
 * @param instance the request path
 */
@Serdeable
public record Problem(String type, String title, int status, String detail, @Nullable String instance) {

    /** The media type of problem answers. */
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail, @Nullable String instance) {
        return new Problem("about:blank", title, status, detail, instance);
    }
}
