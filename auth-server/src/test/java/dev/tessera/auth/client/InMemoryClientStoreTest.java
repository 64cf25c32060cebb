package dev.tessera.auth.client;

class InMemoryClientStoreTest extends ClientStoreContract {

    private final InMemoryClientStore store = new InMemoryClientStore();

    @Override
    protected ClientStore store() {
        return store;
    }
}
