package dev.tessera.auth.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link UserStore} must do. */
public abstract class UserStoreContract {

    protected abstract UserStore store();

    private User saved(String username, String displayName) {
        User user = new User(UUID.randomUUID(), username, "$argon2id$unused", displayName, username + "@example.test",
                Set.of("user"), false);
        store().save(user);
        return user;
    }

    @Test
    void usersAreFoundByIdAndByUsernameIgnoringCase() {
        String name = "Contract-" + UUID.randomUUID();
        User user = saved(name, "Contract User");
        assertEquals(Optional.of(user), store().findById(user.id()));
        assertEquals(Optional.of(user.id()), store().findByUsername(name.toUpperCase()).map(User::id));
        assertEquals(Optional.empty(), store().findById(UUID.randomUUID()));
    }

    @Test
    void saveReplacesTheAccountWithTheSameId() {
        User user = saved("contract-" + UUID.randomUUID(), "Before");
        store().save(new User(user.id(), user.username(), user.passwordHash(), "After", user.email(), user.roles(), true));
        User after = store().findById(user.id()).orElseThrow();
        assertEquals("After", after.displayName());
        assertTrue(after.disabled());
    }

    @Test
    void searchMatchesUsernameNameOrEmailInUsernameOrder() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        User b = saved("b-" + marker, "Second");
        User a = saved("a-" + marker, "First");
        assertEquals(List.of(a.id(), b.id()), store().search(marker, 10, 0).stream().map(User::id).toList());
        assertEquals(List.of(b.id()), store().search(marker, 1, 1).stream().map(User::id).toList());
    }
}
