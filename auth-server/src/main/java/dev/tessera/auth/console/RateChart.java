package dev.tessera.auth.console;

import dev.tessera.auth.admin.AdminStats;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard's chart, drawn on the server as SVG geometry: logins and refreshes per second over the
 * activity window, two polylines over three horizontal grid lines. Numbers only, so nothing in it needs
 * escaping; the page draws it at load and its script swaps in new geometry every few seconds.
 *
 * @param logins    the logins polyline's {@code points}
 * @param refreshes the refreshes polyline's {@code points}
 * @param gridY     the y of the grid lines, bottom (0) to top (the scale's maximum)
 * @param gridLabel the rate at each grid line
 */
@Serdeable
public record RateChart(String logins, String refreshes, List<Double> gridY, List<String> gridLabel) {

    public static final int WIDTH = 720;
    public static final int HEIGHT = 220;
    public static final int LEFT = 44;
    public static final int RIGHT = 12;
    public static final int TOP = 12;
    public static final int BOTTOM = 28;

    public static RateChart of(AdminStats.Activity activity) {
        double seconds = activity.bucket().toSeconds();
        double max = 0;
        for (int i = 0; i < activity.logins().length; i++) {
            max = Math.max(max, Math.max(activity.logins()[i], activity.refreshes()[i]) / seconds);
        }
        double scale = niceCeiling(max);
        return new RateChart(points(activity.logins(), seconds, scale), points(activity.refreshes(), seconds, scale),
                List.of(y(0, scale), y(scale / 2, scale), y(scale, scale)),
                List.of("0", label(scale / 2), label(scale)));
    }

    /** The smallest 1, 2 or 5 times a power of ten at or above {@code value}; 1 for an idle server. */
    static double niceCeiling(double value) {
        if (value <= 1) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String points(long[] counts, double seconds, double scale) {
        StringBuilder points = new StringBuilder();
        double step = counts.length > 1 ? (WIDTH - LEFT - RIGHT) / (double) (counts.length - 1) : 0;
        for (int i = 0; i < counts.length; i++) {
            if (i > 0) {
                points.append(' ');
            }
            points.append(format(LEFT + i * step)).append(',').append(format(y(counts[i] / seconds, scale)));
        }
        return points.toString();
    }

    private static double y(double rate, double scale) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - rate / scale);
    }

    private static String label(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : format(value);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
