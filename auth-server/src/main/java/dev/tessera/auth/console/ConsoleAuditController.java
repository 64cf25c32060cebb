package dev.tessera.auth.console;

import dev.tessera.auth.admin.AuditSearch;
import dev.tessera.auth.admin.Page;
import dev.tessera.auth.admin.UserAdministration;
import dev.tessera.auth.audit.AuditEvent;
import dev.tessera.auth.audit.AuditRecord;
import dev.tessera.auth.page.PageResponse;
import dev.tessera.auth.user.User;
import dev.tessera.auth.webapp.WebApp;
import dev.tessera.auth.webapp.WebAppAccess;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /console/audit}: the audit log, newest first, a page at a time, by user (id or username) and event type. */
@Controller("/console/audit")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConsoleAuditController {

    private static final int PAGE_SIZE = 50;

    private final WebAppAccess access;
    private final AuditSearch audit;
    private final UserAdministration users;

    public ConsoleAuditController(WebAppAccess access, AuditSearch audit, UserAdministration users) {
        this.access = access;
        this.audit = audit;
        this.users = users;
    }

    @Get
    public HttpResponse<?> list(HttpRequest<?> request, @Nullable @QueryValue String user, @Nullable @QueryValue String type,
                                @Nullable @QueryValue Integer page) {
        return access.page(WebApp.CONSOLE, request, admin -> {
            Page paging = Page.of(page, PAGE_SIZE);
            String userFilter = user == null ? "" : user.strip();
            String typeFilter = type == null || !AuditEvent.TYPES.contains(type) ? "" : type;
            Optional<User> named = userFilter.isEmpty() ? Optional.empty() : users.lookup(userFilter);
            List<AuditRecord> events = !userFilter.isEmpty() && named.isEmpty() ? List.of()
                    : audit.find(named.map(u -> u.id().toString()).orElse(null), typeFilter, paging);
            Map<String, Object> model = new HashMap<>();
            model.put("user", admin);
            model.put("userFilter", userFilter);
            model.put("unknownUser", !userFilter.isEmpty() && named.isEmpty());
            model.put("type", typeFilter);
            model.put("types", AuditEvent.TYPES);
            model.put("events", events);
            model.put("page", paging.page());
            model.put("more", events.size() == PAGE_SIZE);
            return PageResponse.ok("console/audit", model);
        });
    }
}
