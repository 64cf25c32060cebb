package dev.tessera.webclient.session;

import java.util.Optional;

/** Where web sessions live. Reads slide the expiry. */
public interface SessionStore {

    void save(WebSession session);

    /**
     * Saves new tokens into a session that still exists; false (and nothing written) when it has ended
     * meanwhile, so a refresh finishing after a back-channel logout cannot bring the session back.
     */
    boolean replaceTokens(WebSession refreshed);

    Optional<WebSession> find(String id);

    void delete(String id);

    /** Ends every session of one SSO device (back-channel logout); returns how many. */
    int deleteBySid(String sid);
}
