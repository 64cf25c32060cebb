package dev.tessera.auth.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** A heap audit log for plain-Java tests; it passes the same contract as {@link JdbcAuditLog}. */
public class InMemoryAuditLog implements AuditLog {

    private final List<AuditRecord> records = new ArrayList<>();

    @Override
    public synchronized void record(AuditEvent event) {
        records.add(new AuditRecord(records.size() + 1, Instant.now(), event.type(), event.actor(), event.userId(),
                event.clientId(), event.deviceId(), event.ip(), event.detail()));
    }

    @Override
    public synchronized List<AuditRecord> find(UUID userId, String type, int limit, int offset) {
        return records.stream()
                .filter(r -> userId == null || userId.equals(r.userId()))
                .filter(r -> type == null || type.equals(r.type()))
                .sorted(Comparator.comparing(AuditRecord::occurredAt).thenComparing(AuditRecord::id).reversed())
                .skip(offset).limit(limit).toList();
    }
}
