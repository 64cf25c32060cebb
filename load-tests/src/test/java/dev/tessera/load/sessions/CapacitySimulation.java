package dev.tessera.load.sessions;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.incrementUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.Cookie;
import static io.gatling.javaapi.http.HttpDsl.CookieKey;
import static io.gatling.javaapi.http.HttpDsl.addCookie;
import static io.gatling.javaapi.http.HttpDsl.getCookieValue;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Where one scheme's profile reads stop scaling. {@code pool} users sign in first; then requests
 * arrive at a stepped rate ({@code start.rate}, + {@code step.rate} per level of {@code level.seconds},
 * {@code steps} levels), each a profile read with one of the pool's sessions (or tokens). Requests are
 * named by level ({@code level 03 at 300/s: profile}), so the statistics give throughput, p99 and
 * errors per offered rate: the knee is where the p99 climbs or the throughput stops following.
 * Logins are not stepped: at argon2's cost they would find the auth server's knee, not the scheme's.
 */
public class CapacitySimulation extends Simulation {

    static final Scheme SCHEME = Scheme.named(System.getProperty("scheme", "redis"));
    static final int POOL = Integer.getInteger("pool", 40);
    static final double START = Double.parseDouble(System.getProperty("start.rate", "100"));
    static final double STEP = Double.parseDouble(System.getProperty("step.rate", "100"));
    static final int STEPS = Integer.getInteger("steps", 8);
    static final Duration LEVEL = Duration.ofSeconds(Integer.getInteger("level.seconds", 10));
    static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("warmup.seconds", 20));

    private final List<String> credentials = new CopyOnWriteArrayList<>();
    private volatile long levelsStart;

    {
        ChainBuilder keep = SCHEME == Scheme.JWT
                ? exec(s -> remember(s, s.getString("accessToken")))
                : exec(getCookieValue(CookieKey(SCHEME.cookie()).withDomain("127.0.0.1").saveAs("credential")))
                        .exec(s -> remember(s, s.getString("credential")));
        var signIn = scenario(SCHEME.label + " sign-ins").exec(Flows.signIn(SCHEME, s -> "setup", "login")).exec(keep);

        var warmUp = scenario(SCHEME.label + " warm-up reads").exec(probe(this::warmUpLabel));
        var probes = scenario(SCHEME.label + " reads").exec(probe(this::levelLabel));

        // The JIT and the connection pools warm up on a ramp to the first level, measured apart: a cold
        // first level would be the slowest of all and make every later one look fine next to it.
        setUp(signIn.injectOpen(rampUsers(POOL).during(Duration.ofSeconds(10)))
                .andThen(warmUp.injectOpen(rampUsersPerSec(1).to(START).during(WARM_UP))
                        .andThen(probes.injectOpen(incrementUsersPerSec(STEP).times(STEPS).eachLevelLasting(LEVEL).startingFrom(START)))))
                .protocols(http.shareConnections().disableCaching().userAgentHeader("tessera-gatling"));
    }

    private Session remember(Session session, String credential) {
        if (credential != null) {
            credentials.add(credential);
        }
        return session;
    }

    private ChainBuilder probe(Function<Session, String> label) {
        var use = http(s -> s.getString("level") + ": profile").get(SCHEME.baseUrl + SCHEME.profilePath).check(status().is(200));
        return exec(s -> pick(s, label.apply(s))).exec(SCHEME == Scheme.JWT
                ? exec(use.header("Authorization", s -> "Bearer " + s.getString("credential")))
                : exec(addCookie(Cookie(SCHEME.cookie(), s -> s.getString("credential")).withDomain("127.0.0.1").withPath("/")))
                        .exec(use));
    }

    private String warmUpLabel(Session session) {
        return "warm-up";
    }

    private String levelLabel(Session session) {
        long now = System.currentTimeMillis();
        if (levelsStart == 0) {
            synchronized (this) {
                if (levelsStart == 0) {
                    levelsStart = now;
                }
            }
        }
        int level = (int) Math.min(STEPS - 1, (now - levelsStart) / LEVEL.toMillis());
        return "level %02d at %.0f/s".formatted(level + 1, START + level * STEP);
    }

    private Session pick(Session session, String label) {
        String credential = credentials.get(ThreadLocalRandom.current().nextInt(credentials.size()));
        return session.set("level", label).set("credential", credential);
    }
}
