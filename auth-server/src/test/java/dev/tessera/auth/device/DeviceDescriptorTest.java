package dev.tessera.auth.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tessera.auth.error.OAuthException;
import dev.tessera.auth.protocol.OAuthParameters;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceDescriptorTest {

    private static DeviceDescriptor describe(Map<String, String> params, String userAgent) {
        return DeviceDescriptor.from(OAuthParameters.of(params), userAgent, "10.0.0.1");
    }

    @Test
    void userAgentTellsTypeAndName() {
        assertEquals(DeviceType.MOBILE, describe(Map.of(), "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Safari/604.1").type());
        assertEquals("Safari on iOS", describe(Map.of(), "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Safari/604.1").name());
        assertEquals(DeviceType.WEB, describe(Map.of(), "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0").type());
        assertEquals("Firefox on Linux", describe(Map.of(), "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0").name());
        assertEquals(DeviceType.CLI, describe(Map.of(), "curl/8.5.0").type());
        assertEquals("curl", describe(Map.of(), "curl/8.5.0").name());
        assertEquals("Unknown cli", describe(Map.of(), null).name());
    }

    @Test
    void clientSuppliedValuesWin() {
        DeviceDescriptor d = describe(Map.of("device_id", "install-42", "device_type", "desktop", "device_name", "  Work laptop "),
                "curl/8.5.0");
        assertEquals("install-42", d.externalId());
        assertEquals(DeviceType.DESKTOP, d.type());
        assertEquals("Work laptop", d.name());
    }

    @Test
    void badDeviceParametersAreInvalidRequests() {
        assertThrows(OAuthException.class, () -> describe(Map.of("device_type", "fridge"), null));
        assertThrows(OAuthException.class, () -> describe(Map.of("device_id", "has spaces and ; semicolons"), null));
        assertEquals(100, describe(Map.of("device_name", "n".repeat(500)), null).name().length());
    }
}
