package no.govgraph.backend.support;

/**
 * The one unchecked exception of the backend: a request or command that cannot be served, with a
 * reason that decides its HTTP status and CLI exit code, and a message the user can act on.
 */
public class BackendException extends RuntimeException {

    /** Why a request failed; maps to an HTTP status (problem+json) and a CLI exit code. */
    public enum Reason {
        BAD_REQUEST(400, 2),
        UNAUTHORIZED(401, 1),
        FORBIDDEN(403, 1),
        NOT_FOUND(404, 1),
        CONFLICT(409, 1),
        TOO_LARGE(413, 1),
        REFUSED(422, 3),
        TOO_MANY_REQUESTS(429, 1),
        TIMEOUT(504, 1),
        UNAVAILABLE(503, 1);

        private final int httpStatus;
        private final int exitCode;

        Reason(int httpStatus, int exitCode) {
            this.httpStatus = httpStatus;
            this.exitCode = exitCode;
        }

        public int httpStatus() {
            return httpStatus;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Reason reason;
    private final Long retryAfterSeconds;

    public BackendException(Reason reason, String message) {
        this(reason, message, null, null);
    }

    public BackendException(Reason reason, String message, Throwable cause) {
        this(reason, message, cause, null);
    }

    private BackendException(Reason reason, String message, Throwable cause, Long retryAfterSeconds) {
        super(message, cause);
        this.reason = reason;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A refusal that the caller may try again after {@code seconds} (HTTP 429 with Retry-After). */
    public static BackendException tooManyRequests(String message, long seconds) {
        return new BackendException(Reason.TOO_MANY_REQUESTS, message, null, Math.max(1, seconds));
    }

    /** A request that names something that does not exist. */
    public static BackendException notFound(String message) {
        return new BackendException(Reason.NOT_FOUND, message);
    }

    /** A request with a bad parameter or body. */
    public static BackendException badRequest(String message) {
        return new BackendException(Reason.BAD_REQUEST, message);
    }

    /** How long to wait before trying again, when that is known. */
    public java.util.Optional<Long> retryAfterSeconds() {
        return java.util.Optional.ofNullable(retryAfterSeconds);
    }

    public Reason reason() {
        return reason;
    }
}
