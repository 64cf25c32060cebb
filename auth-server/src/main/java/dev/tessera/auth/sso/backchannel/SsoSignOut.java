package dev.tessera.auth.sso.backchannel;

import dev.tessera.auth.client.Client;
import dev.tessera.auth.client.ClientStore;
import dev.tessera.auth.device.BrowserSignOut;
import dev.tessera.auth.device.Device;
import dev.tessera.auth.sso.session.SsoProperties;
import dev.tessera.auth.sso.session.SsoSession;
import dev.tessera.auth.sso.session.SsoSessionStore;
import dev.tessera.auth.token.issue.OidcTokenIssuer;
import io.lettuce.core.RedisException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a browser device is signed out (logout, kick, policy, reuse): its SSO session ends and every
 * client that took part gets a back-channel logout token (sid = the device, sub = the user).
 */
@Singleton
public class SsoSignOut implements BrowserSignOut {

    private static final Logger LOG = LoggerFactory.getLogger(SsoSignOut.class);

    private final SsoSessionStore sessions;
    private final ClientStore clients;
    private final OidcTokenIssuer oidc;
    private final BackchannelDeliveries deliveries;
    private final BackchannelLogoutSender sender;
    private final Clock clock;

    public SsoSignOut(SsoSessionStore sessions, ClientStore clients, OidcTokenIssuer oidc, BackchannelDeliveries deliveries,
                      BackchannelLogoutSender sender, Clock clock) {
        this.sessions = sessions;
        this.clients = clients;
        this.oidc = oidc;
        this.deliveries = deliveries;
        this.sender = sender;
        this.clock = clock;
    }

    @Override
    public void signedOut(List<Device> devices) {
        boolean queued = false;
        for (Device device : devices) {
            if (!SsoProperties.SSO_CLIENT_ID.equals(device.clientId())) {
                continue;
            }
            Optional<SsoSession> session;
            try {
                session = sessions.findByDevice(device.id());
            } catch (RedisException e) {
                LOG.warn("SSO session of device {} not ended (Redis unreachable): {}", device.id(), e.getMessage());
                continue;
            }
            if (session.isEmpty()) {
                continue;
            }
            for (String clientId : sessions.clients(session.get())) {
                Optional<Client> client = clients.findById(clientId);
                if (client.isPresent() && client.get().backchannelLogoutUri() != null) {
                    deliveries.enqueue(clientId, client.get().backchannelLogoutUri(),
                            oidc.logoutToken(clientId, device.userId().toString(), device.id().toString()), clock.instant());
                    queued = true;
                }
            }
            sessions.delete(session.get());
        }
        if (queued) {
            sender.deliverSoon();
        }
    }
}
