package dev.tessera.auth.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.auth.support.Logins;
import dev.tessera.auth.support.Sql;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The dashboard's activity: the audit log counted per bucket, complete buckets only, nothing lost or doubled. */
@MicronautTest(transactional = false)
class AdminStatsTest extends IntegrationTest {

    @Inject
    AdminStats stats;
    @Inject
    Sql sql;

    @Test
    void activityBucketsAddUpToTheAuditLogOverTheSameWindow() {
        Logins logins = new Logins(http);
        String refreshToken = logins.alice().field("refresh_token");
        logins.refresh(refreshToken);
        clock.advance(Duration.ofSeconds(10)); // the bucket of these events is complete now

        AdminStats.Activity activity = stats.activity(Duration.ofMinutes(5), Duration.ofSeconds(10));

        assertEquals(30, activity.logins().length);
        assertEquals(0, activity.start().getEpochSecond() % 10, "buckets start on a multiple of their size");
        Timestamp from = Timestamp.from(activity.start());
        Timestamp to = Timestamp.from(activity.start().plus(Duration.ofMinutes(5)));
        assertEquals(sql.count("SELECT count(*) FROM audit_events WHERE event_type = 'login.succeeded' "
                + "AND occurred_at >= ? AND occurred_at < ?", from, to), Arrays.stream(activity.logins()).sum());
        assertEquals(sql.count("SELECT count(*) FROM audit_events WHERE event_type = 'token.refreshed' "
                + "AND occurred_at >= ? AND occurred_at < ?", from, to), Arrays.stream(activity.refreshes()).sum());
        assertTrue(activity.logins()[29] + activity.logins()[28] >= 1, "this test's login is in the last buckets");
    }
}
