package dev.tessera.auth.user;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A heap user store for plain-Java tests; it passes the same contract as {@link JdbcUserStore}. */
public class InMemoryUserStore implements UserStore {

    private final Map<UUID, User> users = new ConcurrentHashMap<>();

    @Override
    public Optional<User> findByUsername(String username) {
        return users.values().stream().filter(u -> u.username().equalsIgnoreCase(username)).findFirst();
    }

    @Override
    public Optional<User> findById(UUID id) {
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public List<User> search(String query, int limit, int offset) {
        String q = query == null ? null : query.toLowerCase(Locale.ROOT);
        return users.values().stream()
                .filter(u -> q == null || contains(u.username(), q) || contains(u.displayName(), q) || contains(u.email(), q))
                .sorted(Comparator.comparing(u -> u.username().toLowerCase(Locale.ROOT)))
                .skip(offset).limit(limit).toList();
    }

    private static boolean contains(String value, String query) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(query);
    }

    @Override
    public void save(User user) {
        users.put(user.id(), user);
    }
}
