package dev.tessera.auth.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tessera.auth.audit.AuditRecord;
import dev.tessera.auth.security.AdminAuthority;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;

/** {@code GET /admin/audit?user=&type=&page=&size=}: the audit log, newest first. */
@SecurityRequirement(name = "bearer")
@Controller("/admin/audit")
@Secured(AdminAuthority.NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminAuditController {

    private final AuditSearch audit;

    public AdminAuditController(AuditSearch audit) {
        this.audit = audit;
    }

    @Get
    public AuditPage list(@Nullable @QueryValue String user, @Nullable @QueryValue String type,
                          @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        Page paging = Page.of(page, size);
        return new AuditPage(audit.find(user, type, paging), paging.page(), paging.size());
    }

    /** One page of audit events. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS) // empty lists and nulls are answers too
    public record AuditPage(List<AuditRecord> events, int page, int size) {
    }
}
