package dev.tessera.auth.apidocs;

import dev.tessera.auth.page.PageResponse;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.webjars.WebJarVersionLocator;

/**
 * {@code GET /openapi.yml}: the API description micronaut-openapi wrote at build time; {@code GET
 * /api-docs}: the same for people, rendered by Swagger UI from the swagger-ui webjar this server serves
 * itself under {@code /webjars} (no CDN), started by a script loaded with the page's CSP nonce.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class ApiDocsController {

    static final String SPEC = "META-INF/swagger/tessera.yml";
    static final MediaType YAML = MediaType.of("application/yaml");

    private final String spec;
    private final String swaggerUi;

    public ApiDocsController(ResourceResolver resources) {
        try (InputStream in = resources.getResourceAsStream("classpath:" + SPEC)
                .orElseThrow(() -> new IllegalStateException(SPEC + " is missing: micronaut-openapi did not run"))) {
            this.spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.swaggerUi = "/webjars/swagger-ui/" + new WebJarVersionLocator().version("swagger-ui");
    }

    @Get(uri = "/openapi.yml", produces = "application/yaml")
    public HttpResponse<String> openApi() {
        return HttpResponse.ok(spec).contentType(YAML).header("Cache-Control", "no-cache");
    }

    @Get("/api-docs")
    public HttpResponse<?> page(HttpRequest<?> request) {
        return PageResponse.ok("apidocs/api-docs", Map.of("swaggerUi", swaggerUi, "nonce", PageResponse.nonce(request)));
    }
}
