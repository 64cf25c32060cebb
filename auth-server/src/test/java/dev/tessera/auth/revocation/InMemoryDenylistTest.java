package dev.tessera.auth.revocation;

import java.time.Clock;

class InMemoryDenylistTest extends DenylistContract {

    private final InMemoryDenylist denylist = new InMemoryDenylist(Clock.systemUTC());

    @Override
    protected Denylist denylist() {
        return denylist;
    }
}
