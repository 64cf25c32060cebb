package dev.tessera.auth.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link ClientStore} must do. */
public abstract class ClientStoreContract {

    protected abstract ClientStore store();

    private static Client client(String id, String name, AccessTokenType type) {
        return new Client(id, name, "$argon2id$unused", true, Set.of("authorization_code", "refresh_token"),
                Set.of("openid", "profile"), Set.of("openid"), List.of("https://app.test/callback"), "single",
                List.of("https://app.test/"), "https://app.test/backchannel", type);
    }

    @Test
    void aSavedClientComesBackWholeAndSavingAgainReplacesIt() {
        String id = "contract-" + UUID.randomUUID();
        Client client = client(id, "Before", AccessTokenType.AT_JWT);
        store().save(client);
        assertEquals(Optional.of(client), store().findById(id));

        Client replaced = client(id, "After", AccessTokenType.JWT);
        store().save(replaced);
        assertEquals(Optional.of(replaced), store().findById(id));
        assertEquals(Optional.empty(), store().findById("contract-" + UUID.randomUUID()));
    }
}
