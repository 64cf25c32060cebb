package dev.tessera.auth.audit;

/** Appends audit events; joins the caller's transaction when there is one. */
public interface AuditLog {

    void record(AuditEvent event);
}
