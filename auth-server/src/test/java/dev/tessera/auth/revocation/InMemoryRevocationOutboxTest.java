package dev.tessera.auth.revocation;

import java.time.Clock;

class InMemoryRevocationOutboxTest extends RevocationOutboxContract {

    private final InMemoryRevocationOutbox store = new InMemoryRevocationOutbox(Clock.systemUTC());

    @Override
    protected RevocationOutbox store() {
        return store;
    }
}
