package dev.tessera.auth.user;

class InMemoryUserStoreTest extends UserStoreContract {

    private final InMemoryUserStore store = new InMemoryUserStore();

    @Override
    protected UserStore store() {
        return store;
    }
}
