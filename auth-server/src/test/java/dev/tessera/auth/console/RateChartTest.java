package dev.tessera.auth.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tessera.auth.admin.AdminStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dashboard chart's geometry: a readable scale, one point per bucket, rates per second. */
class RateChartTest {

    @Test
    void theScaleIsTheNextOneTwoOrFiveAndAnIdleServerShowsOne() {
        assertEquals(1, RateChart.niceCeiling(0));
        assertEquals(1, RateChart.niceCeiling(0.3));
        assertEquals(2, RateChart.niceCeiling(1.2));
        assertEquals(5, RateChart.niceCeiling(4.9));
        assertEquals(10, RateChart.niceCeiling(7));
        assertEquals(200, RateChart.niceCeiling(101));
    }

    @Test
    void countsBecomeRatesPlottedAgainstTheScale() {
        AdminStats.Activity activity = new AdminStats.Activity(Instant.EPOCH, Duration.ofSeconds(10),
                new long[] {0, 40, 20}, new long[] {15, 0, 0});
        RateChart chart = RateChart.of(activity);

        assertEquals(List.of("0", "2.5", "5"), chart.gridLabel(), "4 logins/s peak: scale 5");
        double bottom = RateChart.HEIGHT - RateChart.BOTTOM;
        double top = RateChart.TOP;
        assertEquals(List.of(bottom, (bottom + top) / 2, top), chart.gridY());
        assertEquals("44.0,192.0 376.0,48.0 708.0,120.0", chart.logins(), "0, 4 and 2 per second");
        assertEquals("44.0,138.0 376.0,192.0 708.0,192.0", chart.refreshes(), "1.5 per second first");
    }
}
