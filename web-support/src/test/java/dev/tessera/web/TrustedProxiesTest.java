package dev.tessera.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void networksAndLiteralsAreTrustedNothingElse() throws Exception {
        TrustedProxies proxies = TrustedProxies.of(List.of("127.0.0.1", "10.0.0.0/8", "::1"));
        assertTrue(proxies.trusts(ip("127.0.0.1")));
        assertTrue(proxies.trusts(ip("10.20.30.40")));
        assertTrue(proxies.trusts(ip("::1")));
        assertFalse(proxies.trusts(ip("11.0.0.1")));
        assertFalse(proxies.trusts(null));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(List.of("proxy.example.com")));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(List.of("10.0.0.0/33")));
    }

    @Test
    void theClientIsTheRightMostAddressNoTrustedProxyWrote() throws Exception {
        TrustedProxies proxies = TrustedProxies.of(List.of("127.0.0.1", "10.0.0.0/8"));
        assertEquals("203.0.113.7", proxies.clientAddress(ip("127.0.0.1"), "203.0.113.7"));
        assertEquals("203.0.113.7", proxies.clientAddress(ip("127.0.0.1"), "198.51.100.1, 203.0.113.7, 10.1.1.1"),
                "what the client wrote itself, left of its real address, is ignored");
        assertEquals("10.1.1.1", proxies.clientAddress(ip("127.0.0.1"), "not-an-ip, 10.1.1.1"),
                "a malformed hop ends the walk");
        assertEquals("198.51.100.9", proxies.clientAddress(ip("198.51.100.9"), "203.0.113.7"),
                "an untrusted peer's header is ignored");
        assertEquals("127.0.0.1", proxies.clientAddress(ip("127.0.0.1"), null));
        assertEquals("127.0.0.1", TrustedProxies.of(List.of()).clientAddress(ip("127.0.0.1"), "203.0.113.7"),
                "nobody trusted: only peers count");
    }
}
