package dev.tessera.auth.webapp;

import dev.tessera.auth.client.Client;
import dev.tessera.auth.client.ClientStore;
import dev.tessera.auth.token.TokenProperties;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console and the account page are registered by a migration in every deployment (their grants and
 * scopes are code); where browsers reach them is configuration. At start-up their redirect URIs are set
 * from {@code tessera.web-apps.public-urls} (the issuer when empty), so moving a deployment behind a new
 * host name is a configuration change. Every replica must have the same setting.
 */
@Singleton
public class WebAppRegistrations {

    private static final Logger LOG = LoggerFactory.getLogger(WebAppRegistrations.class);

    private final ClientStore clients;
    private final List<String> origins;

    public WebAppRegistrations(ClientStore clients, WebAppProperties properties, TokenProperties tokens) {
        this.clients = clients;
        List<String> configured = properties.publicUrls() == null ? List.of() : properties.publicUrls();
        this.origins = origins(configured.isEmpty() ? List.of(originOf(tokens.issuer())) : configured);
    }

    @EventListener
    void onStartup(StartupEvent event) {
        for (WebApp app : WebApp.values()) {
            Client registered = clients.findById(app.clientId()).orElseThrow(() -> new IllegalStateException(
                    "client " + app.clientId() + " is not registered: the migrations did not run"));
            List<String> redirectUris = redirectUris(app);
            if (!registered.redirectUris().equals(redirectUris)) {
                clients.save(new Client(registered.id(), registered.name(), registered.secretHash(), registered.confidential(),
                        registered.grantTypes(), registered.scopes(), registered.defaultScopes(), redirectUris,
                        registered.sessionPolicy(), registered.postLogoutRedirectUris(), registered.backchannelLogoutUri(),
                        registered.accessTokenType()));
                LOG.info("{} redirect URIs: {}", app.clientId(), redirectUris);
            }
        }
    }

    /** The registered redirect URIs of an app, one per public origin, in configuration order. */
    public List<String> redirectUris(WebApp app) {
        return origins.stream().map(origin -> origin + app.callbackPath()).toList();
    }

    /** The redirect URI for a browser that reached us at {@code origin}; the first one for any other origin. */
    public String redirectUri(WebApp app, Optional<String> origin) {
        String chosen = origin.filter(origins::contains).orElse(origins.get(0));
        return chosen + app.callbackPath();
    }

    private static String originOf(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static List<String> origins(List<String> urls) {
        List<String> origins = new ArrayList<>();
        for (String url : urls) {
            URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || (uri.getPath() != null && !uri.getPath().isEmpty()) || uri.getQuery() != null) {
                throw new IllegalArgumentException("tessera.web-apps.public-urls: " + url
                        + " must be an origin like https://auth.example.com (no path)");
            }
            origins.add(uri.toString());
        }
        return List.copyOf(origins);
    }
}
