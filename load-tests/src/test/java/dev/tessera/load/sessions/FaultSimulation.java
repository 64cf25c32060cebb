package dev.tessera.load.sessions;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The three schemes under the same load at once while a fault happens: {@code fault.command} (a shell
 * command the bench script builds: kill -9 one replica of each scheme, stop Redis for a while, or a
 * rolling restart; for {@code ./tessera chaos} any fault of load-tests/chaos.sh) runs {@code fault.at} seconds in.
 * With {@code fault.refresh.rate}, refresh chains rotate through the auth server's nginx at the same time. A user whose session is gone (401) signs in
 * again; Gatling counts failed requests, {@link FaultLog} the users logged out and the time to recover
 * ({@code fault.report}). No assertions: the failures are the measurement.
 */
public class FaultSimulation extends Simulation {

    static final String FAULT = System.getProperty("fault", "kill");
    static final String COMMAND = System.getProperty("fault.command", "true");
    static final Duration AT = Duration.ofSeconds(Integer.getInteger("fault.at", 20));
    static final Duration LENGTH = Duration.ofSeconds(Integer.getInteger("fault.run.seconds", 60));
    static final double RATE = Double.parseDouble(System.getProperty("fault.rate", "1"));
    /** Users live longer here than in the comparison (60 reads, 500 ms apart): long enough to live through the fault. */
    static final int READS = Integer.getInteger("fault.reads", 60);
    static final Duration PAUSE = Duration.ofMillis(Integer.getInteger("fault.pause.ms", 500));
    static final Path REPORT = Path.of(System.getProperty("fault.report", "target/fault.json"));
    /** Refresh chains started per second (0: none): each rotates its refresh token every pause through nginx. */
    static final double REFRESH_RATE = Double.parseDouble(System.getProperty("fault.refresh.rate", "0"));

    private final FaultLog log = new FaultLog();
    private volatile Process fault;

    {
        List<PopulationBuilder> populations = new ArrayList<>();
        for (Scheme scheme : Scheme.values()) {
            var users = scenario(scheme.label + " users")
                    .exec(Flows.signIn(scheme, s -> scheme.label, "login"))
                    .exec(s -> signedIn(s, scheme))
                    .exitHereIfFailed()
                    .exec(repeat(READS).on(Flows.readProfileOrLoggedOut(scheme, s -> scheme.label)
                            .exec(s -> record(s, scheme))
                            .exec(doIf(s -> Integer.valueOf(401).equals(s.get("status"))).then(
                                    exec(Session::markAsSucceeded)
                                            .exec(Flows.signIn(scheme, s -> scheme.label, "login again"))
                                            .exec(s -> signedIn(s, scheme))
                                            .exitHereIfFailed()))
                            .pause(PAUSE)));
            populations.add(users.injectOpen(constantUsersPerSec(RATE).during(LENGTH)));
        }
        if (REFRESH_RATE > 0) {
            populations.add(refreshChains().injectOpen(constantUsersPerSec(REFRESH_RATE).during(LENGTH)));
        }
        populations.add(scenario("fault: " + FAULT).pause(AT).exec(this::inject).injectOpen(atOnceUsers(1)));
        setUp(populations).protocols(http.disableCaching().acceptHeader("application/json, text/html")
                .userAgentHeader("tessera-gatling"));
    }

    /**
     * A first-party app keeping its refresh family alive: a password login, then a rotation every pause. A
     * rotation that fails (5xx, no answer) is retried with the same token, as a client would; a 400 means
     * the family is gone, which {@link FaultLog} counts as lost, and the chain ends.
     */
    private ScenarioBuilder refreshChains() {
        return scenario("refresh chains")
                .exec(Flows.tokenLogin(s -> "refresh", "login"))
                .exec(s -> signedIn(s, "refresh"))
                .exitHereIfFailed()
                .exec(repeat(READS).on(Flows.rotateRefreshToken(s -> "refresh")
                        .exec(s -> {
                            Integer status = httpStatus(s);
                            log.rotation(s.userId(), status);
                            return s.set("familyLost", status != null && status == 400).markAsSucceeded();
                        })
                        .exitHereIf(s -> s.getBoolean("familyLost"))
                        .pause(PAUSE)));
    }

    /** A sign-in that failed is a failure of its scheme too (the user gives up: exitHereIfFailed). */
    private Session signedIn(Session session, Scheme scheme) {
        return signedIn(session, scheme.label);
    }

    private Session signedIn(Session session, String label) {
        if (session.isFailed()) {
            log.failedSignIn(label, session.userId());
        }
        return session;
    }

    private Session record(Session session, Scheme scheme) {
        log.outcome(scheme.label, session.userId(), session.contains("status") ? session.getInt("status") : null,
                httpStatus(session));
        return session;
    }

    private static Integer httpStatus(Session session) {
        return session.contains("httpStatus") ? session.getInt("httpStatus") : null;
    }

    /** Starts the fault without blocking Gatling's threads; a rolling restart takes a minute. */
    private Session inject(Session session) {
        log.faultStarted();
        try {
            fault = new ProcessBuilder("bash", "-c", COMMAND).inheritIO().start();
            fault.onExit().thenAccept(p -> log.faultEnded(p.exitValue()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the fault command: " + COMMAND, e);
        }
        return session;
    }

    @Override
    public void after() {
        try {
            if (fault != null && !fault.waitFor(5, TimeUnit.MINUTES)) {
                fault.destroy();
            }
            log.write(REPORT, FAULT, COMMAND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
