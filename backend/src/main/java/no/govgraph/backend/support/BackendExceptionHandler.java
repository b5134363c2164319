package no.govgraph.backend.support;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers a {@link BackendException} with its reason's HTTP status and its message as problem JSON. */
@Singleton
@Produces(Problem.MEDIA_TYPE)
@Requires(classes = {BackendException.class, ExceptionHandler.class})
public class BackendExceptionHandler implements ExceptionHandler<BackendException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(BackendExceptionHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, BackendException exception) {
        int status = exception.reason().httpStatus();
        if (status >= 500 && status != 504) {
            LOG.warn("{} {}: {}", request.getMethodName(), request.getPath(), exception.getMessage(), exception);
        } else {
            LOG.debug("{} {}: {}", request.getMethodName(), request.getPath(), exception.getMessage());
        }
        HttpStatus httpStatus = HttpStatus.valueOf(status);
        Problem problem = Problem.of(status, httpStatus.getReason(), exception.getMessage(), request.getPath());
        var response = HttpResponse.<Problem>status(httpStatus).body(problem).contentType(Problem.MEDIA_TYPE);
        exception.retryAfterSeconds().ifPresent(s -> response.header("Retry-After", Long.toString(s)));
        return response;
    }
}
