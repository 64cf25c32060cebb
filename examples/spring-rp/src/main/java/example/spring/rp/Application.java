package example.spring.rp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** Stock oauth2Login: every page needs a user, and Spring sends strangers to Tessera's login page. */
@SpringBootApplication
@RestController
public class Application {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }

    @GetMapping(value = "/", produces = "text/html")
    String home(@AuthenticationPrincipal OidcUser user) {
        return """
                <!doctype html><html><head><title>Spring Boot relying party</title></head><body>
                <h1>Spring Boot relying party</h1>
                <p id="user">Signed in as <b id="username">%s</b> (<span id="name">%s</span>)</p>
                </body></html>
                """.formatted(HtmlUtils.htmlEscape(user.getName()), HtmlUtils.htmlEscape(String.valueOf(user.getFullName())));
    }
}
