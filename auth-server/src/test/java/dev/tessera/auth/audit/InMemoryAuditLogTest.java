package dev.tessera.auth.audit;

class InMemoryAuditLogTest extends AuditLogContract {

    private final InMemoryAuditLog store = new InMemoryAuditLog();

    @Override
    protected AuditLog store() {
        return store;
    }
}
