package example.spring.api;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@SpringBootApplication
@RestController
public class Application {

    private static final JwtGrantedAuthoritiesConverter SCOPES = new JwtGrantedAuthoritiesConverter();

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }

    /**
     * RFC 9068 access tokens carry typ "at+jwt", which Spring Security 6's default decoder refuses
     * (it accepts only "JWT" or no typ). This accepts at+jwt, and only at+jwt (RFC 9068 §4).
     */
    @Bean
    @ConditionalOnProperty(name = "tessera.accept-at-jwt", havingValue = "true", matchIfMissing = true)
    JwkSetUriJwtDecoderBuilderCustomizer acceptAtJwt() {
        return builder -> builder.jwtProcessorCustomizer(processor -> processor.setJWSTypeVerifier(
                new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt"))));
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/ping").permitAll()
                        .requestMatchers("/api/admin").hasRole("admin")
                        .anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(Application::authenticate)));
        return http.build();
    }

    /** scope -> SCOPE_x (Spring's default), roles -> ROLE_x, preferred_username (or sub) as the name. */
    static JwtAuthenticationToken authenticate(Jwt jwt) {
        Collection<GrantedAuthority> authorities = new ArrayList<>(SCOPES.convert(jwt));
        List<String> roles = jwt.getClaimAsStringList("roles");
        if (roles != null) {
            roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        }
        String name = jwt.hasClaim("preferred_username") ? jwt.getClaimAsString("preferred_username") : jwt.getSubject();
        return new JwtAuthenticationToken(jwt, authorities, name);
    }

    @GetMapping("/api/whoami")
    Map<String, Object> whoami(JwtAuthenticationToken authentication) {
        return Map.of("stack", "spring", "name", authentication.getName(), "authorities",
                authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
    }

    @GetMapping("/api/admin")
    Map<String, Object> admin(JwtAuthenticationToken authentication) {
        return Map.of("stack", "spring", "admin", authentication.getName());
    }

    @GetMapping("/api/ping")
    Map<String, Object> ping() {
        return Map.of("stack", "spring", "status", "up");
    }
}
