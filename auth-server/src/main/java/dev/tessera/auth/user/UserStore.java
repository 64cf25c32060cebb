package dev.tessera.auth.user;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where accounts live. Usernames are case-insensitive. */
public interface UserStore {

    Optional<User> findByUsername(String username);

    /**
     * The key under which logins as {@code username} are counted: equal for every spelling that
     * {@link #findByUsername} matches to one account, whether or not the account exists.
     */
    String loginKey(String username);

    Optional<User> findById(UUID id);

    /** Accounts whose username, name or email contains {@code query} (all when null), by username. */
    List<User> search(String query, int limit, int offset);

    /** Inserts or replaces the account with this id. */
    void save(User user);
}
