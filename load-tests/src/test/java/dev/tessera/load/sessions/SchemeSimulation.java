package dev.tessera.load.sessions;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.forAll;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * One scheme under the comparison's load ({@link Load}): warm-up, then the steady window that
 * docs/comparison.md reports. The run fails (Gatling assertions) on any failed request (a 401
 * included: nothing should end a session here), or when the steady p99 exceeds
 * {@code -Dp99.limit.ms}. Subclasses name the scheme: one simulation per scheme.
 */
public abstract class SchemeSimulation extends Simulation {

    protected SchemeSimulation(Scheme scheme) {
        Load load = Load.start();
        HttpProtocolBuilder protocol = http.disableCaching().acceptHeader("application/json, text/html")
                .userAgentHeader("tessera-gatling");
        ScenarioBuilder users = scenario(scheme.label + " users")
                .exec(Flows.signIn(scheme, s -> load.phase(), "login"))
                .exitHereIfFailed()
                .exec(repeat(Load.READS).on(Flows.readProfile(scheme, s -> load.phase()).pause(Load.PAUSE)));
        setUp(users.injectOpen(
                rampUsersPerSec(1).to(Load.RATE).during(Load.WARMUP),
                constantUsersPerSec(Load.RATE).during(Load.STEADY)))
                .protocols(protocol)
                .assertions(
                        forAll().failedRequests().count().is(0L),
                        details("steady: profile").responseTime().percentile(99.0).lt(Load.P99_LIMIT_MS),
                        details("steady: profile").requestsPerSec().gt(0.0));
    }
}
