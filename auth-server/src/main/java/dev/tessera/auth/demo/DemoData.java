package dev.tessera.auth.demo;

import dev.tessera.auth.client.AccessTokenType;
import dev.tessera.auth.client.Client;
import dev.tessera.auth.client.ClientStore;
import dev.tessera.auth.crypto.Argon2Hasher;
import dev.tessera.auth.token.TokenProperties;
import dev.tessera.auth.user.User;
import dev.tessera.auth.user.UserStore;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the demo accounts and clients at start-up. Idempotent: existing rows keep their hashes.
 * Never enabled by the production configuration.
 */
@Singleton
@Requires(property = "tessera.demo-data.enabled", value = "true")
public class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final Set<String> USER_SCOPES = Set.of("openid", "profile", "email", "offline_access");
    /** The mail client runs behind nginx (8080 sticky, 8090 redis) and as replicas (8081-8083, 8091-8093). */
    private static final int[] MAIL_PORTS = {8080, 8081, 8082, 8083, 8090, 8091, 8092, 8093};
    /**
     * Through nginx's redis-scheme listener: any live mail replica can end a Redis session, so a dead
     * replica does not lose logouts. (The sticky replicas hold their sessions in memory; a single
     * registered URI cannot reach the one that holds a given session: docs/comparison.md says so.)
     */
    private static final String MAIL_BACKCHANNEL = "http://127.0.0.1:8090/backchannel-logout";

    private final UserStore users;
    private final ClientStore clients;
    private final Argon2Hasher hasher;
    private final DemoDataProperties properties;
    private final TokenProperties tokens;

    public DemoData(UserStore users, ClientStore clients, Argon2Hasher hasher, DemoDataProperties properties,
                    TokenProperties tokens) {
        this.users = users;
        this.clients = clients;
        this.hasher = hasher;
        this.properties = properties;
        this.tokens = tokens;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        user("alice", "alice-pass", "Alice Liddell", Set.of("user"));
        user("bob", "bob-pass", "Bob Builder", Set.of("user"));
        user("admin", "admin-pass", "Ada Admin", Set.of("user", "admin"));
        // cli may ask for the admin scope (never a default: an admin token is asked for explicitly).
        client(new Client("cli", "Tessera CLI", "cli-secret", true,
                Set.of("password", "refresh_token", "client_credentials"),
                Set.of("openid", "profile", "email", "offline_access", "orders:read", "orders:write", "admin"),
                Set.of("openid", "profile", "email", "offline_access", "orders:read", "orders:write"), List.of(), null,
                List.of(), null));
        client(new Client("mail", "Mail", "mail-secret", true, Set.of("authorization_code", "refresh_token"),
                USER_SCOPES, USER_SCOPES, uris("/callback", MAIL_PORTS), null, uris("/", MAIL_PORTS),
                MAIL_BACKCHANNEL));
        client(new Client("docs", "Docs", "docs-secret", true, Set.of("authorization_code", "refresh_token"),
                USER_SCOPES, USER_SCOPES, uris("/callback", 8201), null, uris("/", 8201),
                "http://127.0.0.1:8201/backchannel-logout"));
        client(new Client("spa", "Single-page app", null, false, Set.of("authorization_code", "refresh_token"),
                USER_SCOPES, USER_SCOPES, uris("/callback", 5173), null, uris("/", 5173), null));
        client(new Client("service-a", "Service A", "service-a-secret", true, Set.of("client_credentials"),
                Set.of("orders:read"), Set.of("orders:read"), List.of(), null, List.of(), null));
        // The orders API as a resource server: it may introspect the access tokens issued for it (RFC 7662 §4).
        client(new Client("orders-api", "Orders API", "orders-api-secret", true, Set.of(), Set.of(), Set.of(), List.of(),
                null, List.of(), null).introspecting(Set.of(tokens.audience())));
        exampleClients();
        LOG.info("demo data ready: users alice, bob, admin; clients cli, mail, docs, spa, service-a, orders-api, spring-rp, "
                + "micronaut-rp, legacy-gateway");
    }

    /** The relying parties and the plain-JWT client of {@code examples/} (docs/integrations.md). */
    private void exampleClients() {
        Set<String> codeGrant = Set.of("authorization_code", "refresh_token");
        int spring = properties.springRpPort();
        int micronaut = properties.micronautRpPort();
        // Spring Security 6 sends PKCE only for public clients unless told otherwise: this example opts out.
        client(new Client("spring-rp", "Spring Boot example", "spring-rp-secret", true, codeGrant, USER_SCOPES,
                USER_SCOPES, uris("/login/oauth2/code/tessera", spring), null, uris("/", spring), null).withoutPkce());
        client(new Client("micronaut-rp", "Micronaut example", "micronaut-rp-secret", true, codeGrant, USER_SCOPES,
                USER_SCOPES, uris("/oauth/callback/tessera", micronaut), null, uris("/", micronaut), null));
        client(new Client("legacy-gateway", "Gateway that only knows typ JWT", "legacy-gateway-secret", true,
                Set.of("client_credentials"), Set.of("orders:read"), Set.of("orders:read"), List.of(), null, List.of(),
                null, AccessTokenType.JWT).introspecting(Set.of(tokens.audience())));
    }

    private void user(String username, String password, String displayName, Set<String> roles) {
        if (users.findByUsername(username).isPresent()) {
            return;
        }
        UUID id = UUID.nameUUIDFromBytes(("tessera-demo-user:" + username).getBytes(StandardCharsets.UTF_8));
        users.save(new User(id, username, hasher.hash(password), displayName, username + "@example.com", roles, false));
    }

    /**
     * {@code template.secretHash()} carries the plain demo secret; it is hashed once. An existing demo
     * client keeps its hash but takes the rest of the template, so new settings reach old databases.
     */
    private void client(Client template) {
        String hash = clients.findById(template.id()).map(Client::secretHash)
                .orElseGet(() -> template.secretHash() == null ? null : hasher.hash(template.secretHash()));
        clients.save(template.withSecretHash(hash));
    }

    private static List<String> uris(String path, int... ports) {
        List<String> uris = new ArrayList<>();
        for (int port : ports) {
            uris.add("http://127.0.0.1:" + port + path);
            uris.add("http://localhost:" + port + path);
        }
        return List.copyOf(uris);
    }
}
