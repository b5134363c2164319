package no.govgraph.backend.support;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * The API's own description: the OpenAPI document generated from the code at build time, and the
 * Swagger UI (bundled, so it works without internet access) that browses it.
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "govgraph",
                        version = "0.1",
                        description = "Search, browse and query governance documents as a graph. Every endpoint"
                                + " except /api/health and /api/login needs HTTP Basic credentials or a bearer"
                                + " token from /api/login."),
        security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "bearer")})
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Hidden
public class ApiDocsController {

    static final String SPEC = "META-INF/swagger/govgraph.yml";

    @Get(value = "/openapi.yml", produces = "application/yaml")
    public HttpResponse<byte[]> openApi() throws IOException {
        try (InputStream in = ApiDocsController.class.getClassLoader().getResourceAsStream(SPEC)) {
            if (in == null) {
                throw BackendException.notFound("The OpenAPI description was not built into this server.");
            }
            return HttpResponse.ok(in.readAllBytes()).contentType("application/yaml");
        }
    }

    @Get("/docs")
    public HttpResponse<Void> docs() {
        return HttpResponse.seeOther(URI.create("/api/docs/index.html"));
    }
}
