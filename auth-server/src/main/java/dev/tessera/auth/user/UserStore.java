package dev.tessera.auth.user;

import java.util.Optional;
import java.util.UUID;

/** Where accounts live. Usernames are case-insensitive. */
public interface UserStore {

    Optional<User> findByUsername(String username);

    Optional<User> findById(UUID id);

    /** Inserts or replaces the account with this id. */
    void save(User user);
}
