package dev.tessera.webclient.session;

import java.util.Optional;

/** Where web sessions live. Reads slide the expiry. */
public interface SessionStore {

    void save(WebSession session);

    Optional<WebSession> find(String id);

    void delete(String id);

    /** Ends every session of one SSO device (back-channel logout); returns how many. */
    int deleteBySid(String sid);
}
