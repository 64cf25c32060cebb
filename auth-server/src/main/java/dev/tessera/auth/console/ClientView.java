package dev.tessera.auth.console;

import dev.tessera.auth.client.Client;
import java.util.List;
import java.util.TreeSet;

/** A registered client as the console lists it: everything but its secret's hash. */
public record ClientView(String id, String name, boolean confidential, String grants, String scopes,
                         List<String> redirectUris, String accessTokenType, String sessionPolicy) {

    static ClientView of(Client client) {
        return new ClientView(client.id(), client.name(), client.confidential(),
                String.join(" ", new TreeSet<>(client.grantTypes())), String.join(" ", new TreeSet<>(client.scopes())),
                client.redirectUris(), client.accessTokenType().columnValue(),
                client.sessionPolicy() == null ? "default" : client.sessionPolicy());
    }
}
