package dev.tessera.auth.error;

import dev.tessera.auth.sso.page.Message;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The message page (template {@code sso/message}) rendered to a string, for answers that leave through
 * an exception handler: Micronaut encodes those without the views filter that renders a controller's
 * {@code ModelAndView}, so the handler renders the page itself.
 */
@Singleton
public class ErrorPages {

    private static final String VIEW = "sso/message";

    private final ViewsRendererLocator renderers;

    public ErrorPages(ViewsRendererLocator renderers) {
        this.renderers = renderers;
    }

    /** The page, or empty when no renderer is there for it (the caller answers JSON then). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Optional<String> render(HttpRequest<?> request, String title, String text) {
        Map<String, Object> model = Map.of("message", new Message(title, text));
        Optional<ViewsRenderer> renderer = renderers.resolveViewsRenderer(VIEW, MediaType.TEXT_HTML, model);
        return renderer.map(found -> {
            StringWriter page = new StringWriter();
            try {
                ((ViewsRenderer<Map<String, Object>, HttpRequest<?>>) found).render(VIEW, model, request).writeTo(page);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return page.toString();
        });
    }
}
