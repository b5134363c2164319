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

    public BackendException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public BackendException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
