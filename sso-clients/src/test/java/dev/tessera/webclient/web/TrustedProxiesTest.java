package dev.tessera.webclient.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void addressesAndNetworksMatchExactlyTheirRange() throws Exception {
        TrustedProxies trusted = TrustedProxies.of(List.of("127.0.0.1", "10.1.0.0/16", "192.168.1.128/25", "::1"));
        assertTrue(trusted.trusts(ip("127.0.0.1")));
        assertFalse(trusted.trusts(ip("127.0.0.2")));
        assertTrue(trusted.trusts(ip("10.1.255.3")));
        assertFalse(trusted.trusts(ip("10.2.0.1")));
        assertTrue(trusted.trusts(ip("192.168.1.200")));
        assertFalse(trusted.trusts(ip("192.168.1.100")));
        assertTrue(trusted.trusts(ip("::1")));
        assertFalse(trusted.trusts(null));
    }

    @Test
    void nothingIsTrustedByDefault() throws Exception {
        assertFalse(TrustedProxies.of(null).trusts(ip("127.0.0.1")));
        assertTrue(TrustedProxies.of(List.of()).isEmpty());
    }

    @Test
    void namesAndImpossiblePrefixesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(List.of("localhost")));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(List.of("10.0.0.0/33")));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(List.of("10.0.0.0/x")));
    }
}
