package dev.tessera.auth.token.store;

import java.util.UUID;

class InMemoryRefreshTokenStoreTest extends RefreshTokenStoreContract {

    private final InMemoryRefreshTokenStore store = new InMemoryRefreshTokenStore();

    @Override
    protected RefreshTokenStore store() {
        return store;
    }

    @Override
    protected Owner newOwner() {
        return new Owner(UUID.randomUUID(), "cli", UUID.randomUUID());
    }
}
