package example.micronaut.rp;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

/** The signed-in user, or a link to /oauth/login/tessera, which micronaut-security-oauth2 serves. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class HomeController {

    @Get
    @Produces(MediaType.TEXT_HTML)
    public String home(@Nullable Authentication user) {
        String body = user == null
                ? "<p><a id=\"login\" href=\"/oauth/login/tessera\">Sign in with Tessera</a></p>"
                : "<p id=\"user\">Signed in as <b id=\"username\">" + escape(user.getName()) + "</b> (<span id=\"name\">"
                        + escape(String.valueOf(user.getAttributes().get("name"))) + "</span>)</p>";
        return "<!doctype html><html><head><title>Micronaut relying party</title></head><body>"
                + "<h1>Micronaut relying party</h1>" + body + "</body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
