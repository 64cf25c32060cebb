package dev.tessera.auth.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tessera.auth.client.Client;
import dev.tessera.auth.error.OAuthError;
import dev.tessera.auth.error.OAuthException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopesTest {

    private static final Client CLIENT = new Client("c", "C", null, false, Set.of("password"),
            Set.of("openid", "profile", "orders:read"), Set.of("openid"), List.of(), null, List.of(), null);

    @Test
    void absentScopeUsesTheClientsDefaults() {
        assertEquals(Set.of("openid"), Scopes.resolve(Optional.empty(), CLIENT));
    }

    @Test
    void requestedScopeWithinTheClientsIsGrantedAndExtraSpacesIgnored() {
        assertEquals(Set.of("openid", "orders:read"), Scopes.resolve(Optional.of("orders:read  openid"), CLIENT));
    }

    @Test
    void scopeBeyondTheClientsOrMalformedIsInvalidScope() {
        for (String bad : new String[] {"admin", "openid \"quoted\"", "back\\slash", "   "}) {
            OAuthException e = assertThrows(OAuthException.class, () -> Scopes.resolve(Optional.of(bad), CLIENT), bad);
            assertEquals(OAuthError.INVALID_SCOPE, e.error());
        }
    }

    @Test
    void narrowingKeepsWithinTheGrantedScope() {
        assertEquals(Set.of("openid"), Scopes.narrow(Optional.of("openid"), "openid profile"));
        assertEquals(Set.of("openid", "profile"), Scopes.narrow(Optional.empty(), "profile openid"));
        assertThrows(OAuthException.class, () -> Scopes.narrow(Optional.of("orders:read"), "openid profile"));
    }

    @Test
    void theAdminScopeIsGrantedOnlyWithTheAdminRole() {
        assertEquals(Set.of("admin", "openid"), Scopes.grantable(Set.of("admin", "openid"), Set.of("user", "admin")));
        assertEquals(Set.of("openid"), Scopes.grantable(Set.of("admin", "openid"), Set.of("user")));
        assertEquals(Set.of("openid"), Scopes.grantable(Set.of("openid"), Set.of()));
        OAuthException e = assertThrows(OAuthException.class, () -> Scopes.grantable(Set.of("admin"), Set.of()));
        assertEquals(OAuthError.INVALID_SCOPE, e.error());
    }
}
