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

        Client replaced = client(id, "After", AccessTokenType.JWT).withoutPkce().introspecting(Set.of("api-1", "api-2"));
        store().save(replaced);
        assertEquals(Optional.of(replaced), store().findById(id));
        assertEquals(Optional.empty(), store().findById("contract-" + UUID.randomUUID()));
    }

    @Test
    void clientsAreListedByIdOnePageAtATime() {
        String prefix = "contract-list-" + UUID.randomUUID() + "-";
        store().save(client(prefix + "b", "B", AccessTokenType.AT_JWT));
        store().save(client(prefix + "a", "A", AccessTokenType.AT_JWT));
        List<String> seen = new java.util.ArrayList<>();
        for (int offset = 0; ; offset += 100) {
            List<Client> page = store().list(100, offset);
            page.forEach(c -> seen.add(c.id()));
            if (page.size() < 100) {
                break;
            }
        }
        assertEquals(seen.stream().sorted().toList(), seen, "by id");
        assertEquals(seen.indexOf(prefix + "a") + 1, seen.indexOf(prefix + "b"), "both listed, in order");
    }
}
