package dev.tessera.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/**
 * Load on {@code POST /oauth/token}, one phase after another so they do not compete:
 * the reference (an unauthenticated endpoint of the same server), client_credentials, refresh
 * chains (each user logs in once, then refreshes with its newest token), and password logins.
 * Settings: -Dbase.url, -Dusers (concurrent users per phase), -Dphase.seconds, -Dmax.p99.ms.
 *
 * <p>Assertions make a run fail (and {@code ./tessera bench token} with it) when the endpoint breaks
 * under load: no failed request at all in the measured phases (a rotation that loses a race answers
 * invalid_grant, which is a failure here), and a generous p99 bound that only catches a server in
 * trouble; throughput is reported, never asserted, since this machine is shared.
 */
public class TokenEndpointSimulation extends Simulation {

    private static final String BASE_URL = System.getProperty("base.url", "http://127.0.0.1:9000");
    private static final int USERS = Integer.getInteger("users", 32);
    private static final Duration PHASE = Duration.ofSeconds(Integer.getInteger("phase.seconds", 20));
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("warmup.seconds", 10));
    private static final int MAX_P99_MILLIS = Integer.getInteger("max.p99.ms", 5_000);

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL).shareConnections().disableCaching()
            .acceptHeader("application/json").userAgentHeader("tessera-gatling");

    private static ChainBuilder reference(String phase) {
        return exec(http(phase + ": GET /.well-known/openid-configuration")
                .get("/.well-known/openid-configuration").check(status().is(200)));
    }

    private static ChainBuilder clientCredentials(String phase) {
        return exec(http(phase + ": client_credentials")
                .post("/oauth/token").basicAuth("service-a", "service-a-secret")
                .formParam("grant_type", "client_credentials").check(status().is(200)));
    }

    private static ChainBuilder login(String phase) {
        return exec(http(phase + ": password login")
                .post("/oauth/token").basicAuth("cli", "cli-secret")
                .formParam("grant_type", "password").formParam("username", "alice").formParam("password", "alice-pass")
                .check(status().is(200), jsonPath("$.refresh_token").saveAs("refreshToken")));
    }

    private static ChainBuilder refresh(String phase) {
        return exec(http(phase + ": refresh (rotating)")
                .post("/oauth/token").basicAuth("cli", "cli-secret")
                .formParam("grant_type", "refresh_token").formParam("refresh_token", "#{refreshToken}")
                .check(status().is(200), jsonPath("$.refresh_token").saveAs("refreshToken")));
    }

    private PopulationBuilder phase(String name, ChainBuilder setUp, ChainBuilder body, Duration length) {
        ScenarioBuilder scenario = scenario(name).exec(setUp).exec(during(length).on(body));
        return scenario.injectOpen(atOnceUsers(USERS));
    }

    {
        ChainBuilder nothing = exec(session -> session);
        setUp(phase("warmup", login("warmup"), exec(reference("warmup"), clientCredentials("warmup"), refresh("warmup")), WARMUP)
                .andThen(phase("reference", nothing, reference("reference"), PHASE))
                .andThen(phase("client_credentials", nothing, clientCredentials("client_credentials"), PHASE))
                .andThen(phase("refresh", login("refresh setup"), refresh("refresh"), PHASE))
                .andThen(phase("password", nothing, login("password"), PHASE)))
                .protocols(protocol)
                .assertions(
                        global().responseTime().percentile(99.0).lt(MAX_P99_MILLIS),
                        details("client_credentials: client_credentials").failedRequests().count().is(0L),
                        details("refresh: refresh (rotating)").failedRequests().count().is(0L),
                        details("password: password login").failedRequests().count().is(0L),
                        details("reference: GET /.well-known/openid-configuration").failedRequests().count().is(0L));
    }
}
