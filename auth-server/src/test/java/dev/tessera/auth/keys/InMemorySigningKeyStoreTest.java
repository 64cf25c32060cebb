package dev.tessera.auth.keys;

class InMemorySigningKeyStoreTest extends SigningKeyStoreContract {

    private final InMemorySigningKeyStore store = new InMemorySigningKeyStore();

    @Override
    protected SigningKeyStore store() {
        return store;
    }
}
