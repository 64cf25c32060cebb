package dev.tessera.load.sessions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * What Gatling's statistics cannot say about a fault run, per population (a scheme's label, or
 * {@code refresh} for the refresh chains): which users were active when the fault began, which of them
 * were logged out (a 401: the session was gone), how many answers were 5xx or no answer at all, how
 * many refresh families were lost (a rotation refused with 400: the chain cannot go on), and when the
 * last trouble happened (the time to recover). Failed requests themselves are counted by Gatling.
 */
final class FaultLog {

    /** A user counts as active at the fault if it sent a request within this before it. */
    private static final long ACTIVE_WINDOW_MS = 2_000;

    private static final class Population {
        final Map<Long, Long> lastSeen = new ConcurrentHashMap<>();
        final Set<Long> loggedOut = ConcurrentHashMap.newKeySet();
        final AtomicInteger logouts = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        final AtomicInteger serverErrors = new AtomicInteger();
        final AtomicInteger noAnswers = new AtomicInteger();
        final AtomicInteger failedSignIns = new AtomicInteger();
        final AtomicInteger lostFamilies = new AtomicInteger();
        final AtomicLong lastTrouble = new AtomicLong();
        volatile int activeAtFault = -1;
    }

    private final Map<String, Population> populations = new ConcurrentSkipListMap<>();
    private volatile long faultStart;
    private volatile long faultEnd;
    private volatile int exitCode = -1;

    private Population population(String label) {
        return populations.computeIfAbsent(label, l -> new Population());
    }

    /**
     * One profile read's outcome: {@code status} is 200 or 401, or null when the read failed; {@code httpStatus}
     * is what the server answered, null when nothing answered.
     */
    void outcome(String label, long user, Integer status, Integer httpStatus) {
        Population p = population(label);
        long now = System.currentTimeMillis();
        p.lastSeen.put(user, now);
        if (status != null && status == 200) {
            return;
        }
        if (status != null && status == 401) {
            p.logouts.incrementAndGet();
            p.loggedOut.add(user);
        } else {
            failed(p, httpStatus);
        }
        trouble(p, now);
    }

    /** One refresh rotation's outcome; a 400 means the family is gone: the chain signs in again. */
    void rotation(long user, Integer httpStatus) {
        Population p = population("refresh");
        long now = System.currentTimeMillis();
        p.lastSeen.put(user, now);
        if (httpStatus != null && httpStatus == 200) {
            return;
        }
        if (httpStatus != null && httpStatus == 400) {
            p.lostFamilies.incrementAndGet();
        } else {
            failed(p, httpStatus);
        }
        trouble(p, now);
    }

    /** A sign-in that did not complete: a failure, though Gatling already counts its request. */
    void failedSignIn(String label, long user) {
        Population p = population(label);
        p.failedSignIns.incrementAndGet();
        trouble(p, System.currentTimeMillis());
    }

    private static void failed(Population p, Integer httpStatus) {
        p.failures.incrementAndGet();
        if (httpStatus == null) {
            p.noAnswers.incrementAndGet();
        } else if (httpStatus >= 500) {
            p.serverErrors.incrementAndGet();
        }
    }

    private void trouble(Population p, long now) {
        if (faultStart > 0) {
            p.lastTrouble.accumulateAndGet(now, Math::max);
        }
    }

    void faultStarted() {
        long now = System.currentTimeMillis();
        for (Population p : populations.values()) {
            p.activeAtFault = (int) p.lastSeen.values().stream().filter(t -> t >= now - ACTIVE_WINDOW_MS).count();
            p.loggedOut.clear();
            p.logouts.set(0);
            p.failures.set(0);
            p.serverErrors.set(0);
            p.noAnswers.set(0);
            p.failedSignIns.set(0);
            p.lostFamilies.set(0);
        }
        faultStart = now;
    }

    void faultEnded(int code) {
        faultEnd = System.currentTimeMillis();
        exitCode = code;
    }

    void write(Path file, String fault, String command) throws IOException {
        String perPopulation = populations.entrySet().stream().map(e -> {
            Population p = e.getValue();
            long last = p.lastTrouble.get();
            double recovery = last == 0 ? 0 : (last - faultStart) / 1000.0;
            return String.format(Locale.ROOT, "\"%s\": {\"active_at_fault\": %d, \"users_logged_out\": %d, \"logouts\": %d, "
                    + "\"failed_reads\": %d, \"server_errors\": %d, \"no_answers\": %d, \"failed_sign_ins\": %d, "
                    + "\"lost_refresh_families\": %d, \"recovery_seconds\": %.1f}", e.getKey(), p.activeAtFault,
                    p.loggedOut.size(), p.logouts.get(), p.failures.get(), p.serverErrors.get(), p.noAnswers.get(),
                    p.failedSignIns.get(), p.lostFamilies.get(), recovery);
        }).collect(Collectors.joining(",\n    "));
        String json = String.format(Locale.ROOT, "{\n  \"fault\": \"%s\",\n  \"command\": \"%s\",\n  \"started_ms\": %d,\n"
                + "  \"fault_seconds\": %.1f,\n  \"exit_code\": %d,\n  \"schemes\": {\n    %s\n  }\n}\n", fault,
                command.replace("\\", "\\\\").replace("\"", "\\\""), faultStart, (faultEnd - faultStart) / 1000.0, exitCode,
                perPopulation);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, json);
    }
}
