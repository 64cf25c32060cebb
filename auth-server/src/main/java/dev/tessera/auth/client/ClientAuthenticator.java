package dev.tessera.auth.client;

import dev.tessera.auth.crypto.Argon2Hasher;
import dev.tessera.auth.crypto.Hashes;
import dev.tessera.auth.error.OAuthException;
import dev.tessera.auth.protocol.ClientCredentials;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticates clients (RFC 6749 §2.3). Secrets are argon2id hashes, which cost ~50 ms of CPU
 * each; a service calling the token endpoint hundreds of times a second would spend all its time
 * there. So after one successful argon2id check, the SHA-256 of the accepted secret is kept in
 * memory (never persisted), tied to the stored hash it was checked against: the next request with
 * the same secret compares digests in constant time. A wrong secret is never cached and always
 * pays the full argon2id price; changing a client's secret invalidates the entry.
 */
@Singleton
public class ClientAuthenticator {

    private static final Duration CLIENT_CACHE_TTL = Duration.ofSeconds(30);

    private final ClientStore clients;
    private final Argon2Hasher hasher;
    private final ClientAuthThrottle throttle;
    private final Clock clock;
    private final Map<String, CachedClient> clientCache = new ConcurrentHashMap<>();
    private final Map<String, VerifiedSecret> verifiedSecrets = new ConcurrentHashMap<>();

    public ClientAuthenticator(ClientStore clients, Argon2Hasher hasher, ClientAuthThrottle throttle, Clock clock) {
        this.clients = clients;
        this.hasher = hasher;
        this.throttle = throttle;
        this.clock = clock;
    }

    /**
     * The client these credentials, sent from {@code address}, prove; {@code invalid_client}, or {@code 429
     * invalid_client} when that address failed too often ({@link ClientAuthThrottle}).
     */
    public Client authenticate(ClientCredentials credentials, String address) {
        Optional<Client> found = find(credentials.clientId());
        if (found.isEmpty()) {
            throttle.failed(null, address);
            throw OAuthException.invalidClient("unknown client " + credentials.clientId());
        }
        Client client = found.get();
        Optional<String> secret = credentials.secret().filter(s -> !s.isEmpty());
        if (client.confidential()) {
            String presented = secret.orElseThrow(() -> OAuthException.invalidClient(
                    "confidential client " + client.id() + " sent no secret"));
            if (!secretMatches(client, presented, address)) {
                throttle.failed(client.id(), address);
                throw OAuthException.invalidClient("wrong secret for client " + client.id());
            }
        } else if (secret.isPresent()) {
            throw OAuthException.invalidClient("public client " + client.id() + " sent a secret");
        }
        return client;
    }

    private Optional<Client> find(String clientId) {
        Instant now = clock.instant();
        CachedClient cached = clientCache.get(clientId);
        if (cached != null && cached.loadedAt.plus(CLIENT_CACHE_TTL).isAfter(now)) {
            return Optional.of(cached.client);
        }
        Optional<Client> loaded = clients.findById(clientId);
        // Only known clients are cached: unknown ids from a flood must not grow the map.
        loaded.ifPresentOrElse(c -> clientCache.put(clientId, new CachedClient(c, now)), () -> clientCache.remove(clientId));
        return loaded;
    }

    private boolean secretMatches(Client client, String presented, String address) {
        byte[] digest = Hashes.sha256(presented);
        VerifiedSecret verified = verifiedSecrets.get(client.id());
        if (verified != null && verified.secretHash.equals(client.secretHash())
                && MessageDigest.isEqual(verified.digest, digest)) {
            return true;
        }
        throttle.check(client.id(), address); // before the argon2id hash: a refused guess costs nothing
        if (!hasher.verify(presented, client.secretHash())) {
            return false;
        }
        verifiedSecrets.put(client.id(), new VerifiedSecret(client.secretHash(), digest));
        return true;
    }

    /** Forgets cached clients and secrets, e.g. after a client was changed. */
    public void invalidate(String clientId) {
        clientCache.remove(clientId);
        verifiedSecrets.remove(clientId);
    }

    private record CachedClient(Client client, Instant loadedAt) {
    }

    private record VerifiedSecret(String secretHash, byte[] digest) {
    }
}
