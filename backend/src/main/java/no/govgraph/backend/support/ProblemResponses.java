package no.govgraph.backend.support;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import jakarta.inject.Singleton;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every error the framework answers (unknown route, bad parameter, body too large, refused
 * credentials, missing role, unexpected failure) into {@link Problem} JSON with a message a caller
 * can act on. Internal details of an unexpected failure are logged, never sent.
 */
@Singleton
@Primary
public class ProblemResponses implements ErrorResponseProcessor<Problem> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return (MutableHttpResponse<Problem>) response;
        }
        int status = response.code();
        String path = context.getRequest().getPath();
        Problem problem = Problem.of(status, title(response), detail(status, context), path);
        return ((MutableHttpResponse<Problem>) response).body(problem).contentType(Problem.MEDIA_TYPE);
    }

    private static String title(MutableHttpResponse<?> response) {
        HttpStatus status = HttpStatus.valueOf(response.code());
        return status.getReason();
    }

    private static String detail(int status, ErrorContext context) {
        String method = context.getRequest().getMethodName();
        String path = context.getRequest().getPath();
        switch (status) {
            case 401:
                return "Sign in first: send HTTP Basic credentials (curl -u user:password) or a bearer token"
                        + " from POST /api/login (credentials that were sent were not accepted).";
            case 403:
                return context.getRootCause()
                        .filter(AuthorizationException.class::isInstance)
                        .map(e -> ((AuthorizationException) e).getAuthentication())
                        .map(a -> "Your account '" + a.getName() + "' (roles " + a.getRoles()
                                + ") may not do this; ask an administrator for a role that allows it.")
                        .orElse("Your account may not do this; ask an administrator for a role that allows it.");
            case 404:
                if (!context.hasErrors() || isGenericNotFound(context)) {
                    return "There is no " + method + " " + path + "; the API is described at /api/docs.";
                }
                break;
            case 405:
                return method + " is not allowed on " + path + "; the API is described at /api/docs.";
            case 413:
                return "The request is larger than the server accepts; send a smaller file or several"
                        + " smaller requests.";
            case 415:
                return "The request's Content-Type is not accepted here; send application/json"
                        + " (or multipart/form-data for uploads).";
            default:
                break;
        }
        if (status >= 500) {
            context.getRootCause().ifPresent(e -> LOG.error("{} {} failed", method, path, e));
            return "The server could not complete the request; the error was logged. Try again, and"
                    + " report it if it keeps happening.";
        }
        if (context.hasErrors()) {
            return context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        }
        return context.getRootCause().map(Throwable::getMessage).orElse("The request could not be served.");
    }

    private static boolean isGenericNotFound(ErrorContext context) {
        return context.getErrors().stream()
                .allMatch(e ->
                        "Not Found".equals(e.getMessage()) || e.getMessage().startsWith("Page Not Found"));
    }
}
