package dev.tessera.load.sessions;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.forAll;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.currentLocation;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Single sign-on under load: each user signs in with a password at mail (redis scheme, nginx :8090),
 * then opens docs, which must sign it in without a password (the auth server's SSO session answers
 * /oauth/authorize at once). A login page on the way to docs fails the request.
 */
public class SsoSimulation extends Simulation {

    static final String DOCS_URL = System.getProperty("docs.url", "http://127.0.0.1:8201");
    static final double RATE = Double.parseDouble(System.getProperty("sso.rate", "2"));
    static final Duration LENGTH = Duration.ofSeconds(Integer.getInteger("sso.seconds", 30));

    {
        var users = scenario("sso users")
                .exec(Flows.ssoLogin(Scheme.REDIS.baseUrl, s -> "mail", "login"))
                .exitHereIfFailed()
                .exec(http("docs: sign-in without password").get(DOCS_URL + "/login")
                        .check(status().is(200), currentLocation().is(DOCS_URL + "/"), regex("id=\"greeting\"").exists()));
        setUp(users.injectOpen(constantUsersPerSec(RATE).during(LENGTH)))
                .protocols(http.disableCaching().userAgentHeader("tessera-gatling"))
                .assertions(forAll().failedRequests().count().is(0L),
                        details("docs: sign-in without password").responseTime().percentile(99.0).lt(Load.P99_LIMIT_MS * 4));
    }
}
