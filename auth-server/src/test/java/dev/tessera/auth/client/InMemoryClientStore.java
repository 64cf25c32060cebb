package dev.tessera.auth.client;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A heap client registry for plain-Java tests; it passes the same contract as {@link JdbcClientStore}. */
public class InMemoryClientStore implements ClientStore {

    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    @Override
    public Optional<Client> findById(String id) {
        return Optional.ofNullable(clients.get(id));
    }

    @Override
    public List<Client> list(int limit, int offset) {
        return clients.values().stream().sorted(Comparator.comparing(Client::id)).skip(offset).limit(limit).toList();
    }

    @Override
    public void save(Client client) {
        clients.put(client.id(), client);
    }
}
