package dev.tessera.auth.admin;

import dev.tessera.auth.audit.AuditLog;
import dev.tessera.auth.audit.AuditRecord;
import dev.tessera.auth.error.ApiException;
import dev.tessera.auth.support.Ids;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** The audit log as administrators read it, newest first: by user and event type, a page at a time. */
@Singleton
public class AuditSearch {

    private static final Pattern TYPE = Pattern.compile("[a-z_.]{1,48}");

    private final AuditLog audit;

    public AuditSearch(AuditLog audit) {
        this.audit = audit;
    }

    /** {@code user} (a user id) and {@code type} (like {@code login.failed}) may be null or blank: no filter. */
    public List<AuditRecord> find(String user, String type, Page paging) {
        String eventType = type == null || type.isBlank() ? null : type;
        if (eventType != null && !TYPE.matcher(eventType).matches()) {
            throw ApiException.badRequest("type must look like login.failed");
        }
        UUID userId = user == null || user.isBlank() ? null : Ids.uuid(user, "user");
        return audit.find(userId, eventType, paging.size(), paging.offset());
    }
}
