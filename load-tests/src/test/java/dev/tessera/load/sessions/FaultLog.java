package dev.tessera.load.sessions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * What Gatling's statistics cannot say about a fault run: which users were active when the fault
 * began, which of them were logged out (a 401: the session was gone), and when the last failure or
 * logout happened (the time to recover). Failed requests themselves are counted by Gatling.
 */
final class FaultLog {

    /** A user counts as active at the fault if it sent a request within this before it. */
    private static final long ACTIVE_WINDOW_MS = 2_000;

    private static final class PerScheme {
        final Map<Long, Long> lastSeen = new ConcurrentHashMap<>();
        final Set<Long> loggedOut = ConcurrentHashMap.newKeySet();
        final AtomicInteger logouts = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        final AtomicInteger failedSignIns = new AtomicInteger();
        final AtomicLong lastTrouble = new AtomicLong();
        volatile int activeAtFault = -1;
    }

    private final Map<Scheme, PerScheme> schemes = new EnumMap<>(Scheme.class);
    private volatile long faultStart;
    private volatile long faultEnd;
    private volatile int exitCode = -1;

    FaultLog() {
        for (Scheme scheme : Scheme.values()) {
            schemes.put(scheme, new PerScheme());
        }
    }

    /** One profile read's outcome: its HTTP status, or null when it failed (no answer, or not 200/401). */
    void outcome(Scheme scheme, long user, Integer status) {
        PerScheme s = schemes.get(scheme);
        long now = System.currentTimeMillis();
        s.lastSeen.put(user, now);
        if (status == null || status == 401) {
            if (status == null) {
                s.failures.incrementAndGet();
            } else {
                s.logouts.incrementAndGet();
                s.loggedOut.add(user);
            }
            if (faultStart > 0) {
                s.lastTrouble.accumulateAndGet(now, Math::max);
            }
        }
    }

    /** A sign-in that did not complete: a failure, though Gatling already counts its request. */
    void failedSignIn(Scheme scheme, long user) {
        PerScheme s = schemes.get(scheme);
        s.failedSignIns.incrementAndGet();
        if (faultStart > 0) {
            s.lastTrouble.accumulateAndGet(System.currentTimeMillis(), Math::max);
        }
    }

    void faultStarted() {
        long now = System.currentTimeMillis();
        for (PerScheme s : schemes.values()) {
            s.activeAtFault = (int) s.lastSeen.values().stream().filter(t -> t >= now - ACTIVE_WINDOW_MS).count();
            s.loggedOut.clear();
            s.logouts.set(0);
            s.failures.set(0);
            s.failedSignIns.set(0);
        }
        faultStart = now;
    }

    void faultEnded(int code) {
        faultEnd = System.currentTimeMillis();
        exitCode = code;
    }


    void write(Path file, String fault, String command) throws IOException {
        String perScheme = schemes.entrySet().stream().map(e -> {
            PerScheme s = e.getValue();
            long last = s.lastTrouble.get();
            double recovery = last == 0 ? 0 : (last - faultStart) / 1000.0;
            return String.format(Locale.ROOT, "\"%s\": {\"active_at_fault\": %d, \"users_logged_out\": %d, \"logouts\": %d, "
                    + "\"failed_reads\": %d, \"failed_sign_ins\": %d, \"recovery_seconds\": %.1f}", e.getKey().label, s.activeAtFault,
                    s.loggedOut.size(), s.logouts.get(), s.failures.get(), s.failedSignIns.get(), recovery);
        }).collect(Collectors.joining(",\n    "));
        String json = String.format(Locale.ROOT, "{\n  \"fault\": \"%s\",\n  \"command\": \"%s\",\n  \"started_ms\": %d,\n"
                + "  \"fault_seconds\": %.1f,\n  \"exit_code\": %d,\n  \"schemes\": {\n    %s\n  }\n}\n", fault,
                command.replace("\\", "\\\\").replace("\"", "\\\""), faultStart, (faultEnd - faultStart) / 1000.0, exitCode, perScheme);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, json);
    }
}
