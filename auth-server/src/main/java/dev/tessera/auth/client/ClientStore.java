package dev.tessera.auth.client;

import java.util.List;
import java.util.Optional;

/** Where registered clients live. */
public interface ClientStore {

    Optional<Client> findById(String id);

    /** Registered clients by id, one page of them (the console lists them). */
    List<Client> list(int limit, int offset);

    /** Inserts or replaces the client with this id. */
    void save(Client client);
}
