package dev.tessera.auth.audit;

import java.util.List;
import java.util.UUID;

/** Appends audit events; joins the caller's transaction when there is one. */
public interface AuditLog {

    void record(AuditEvent event);

    /** Newest first; {@code userId} and {@code type} filter when not null. */
    List<AuditRecord> find(UUID userId, String type, int limit, int offset);
}
