package dev.tessera.auth.client;

import java.util.Optional;

/** Where registered clients live. */
public interface ClientStore {

    Optional<Client> findById(String id);

    /** Inserts or replaces the client with this id. */
    void save(Client client);
}
