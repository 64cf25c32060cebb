package dev.tessera.auth.device;

import java.util.UUID;

class InMemoryDeviceStoreTest extends DeviceStoreContract {

    private final InMemoryDeviceStore store = new InMemoryDeviceStore();

    @Override
    protected DeviceStore store() {
        return store;
    }

    @Override
    protected UUID newUser() {
        return UUID.randomUUID();
    }
}
