package dev.tessera.auth.webapp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the console and the account page show times and user agents. */
public final class Display {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_AGENT = 60;

    private Display() {
    }

    public static String time(Instant at) {
        return at == null ? "—" : TIME.format(at);
    }

    /** "just now", "5 min ago", "3 h ago", "2 days ago". */
    public static String ago(Instant at, Instant now) {
        if (at == null) {
            return "never";
        }
        Duration d = Duration.between(at, now);
        if (d.toSeconds() < 60) {
            return "just now";
        }
        if (d.toMinutes() < 60) {
            return d.toMinutes() + " min ago";
        }
        if (d.toHours() < 48) {
            return d.toHours() + " h ago";
        }
        return d.toDays() + " days ago";
    }

    /** A query parameter value, percent-encoded for a link. */
    public static String query(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public static String agent(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "—";
        }
        return userAgent.length() <= MAX_AGENT ? userAgent : userAgent.substring(0, MAX_AGENT - 1) + "…";
    }
}
