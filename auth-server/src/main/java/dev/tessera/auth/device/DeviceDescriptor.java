package dev.tessera.auth.device;

import dev.tessera.auth.error.OAuthException;
import dev.tessera.auth.protocol.OAuthParameters;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a login describes its device: the client's own {@code device_id}, {@code device_name} and
 * {@code device_type} when it sends them, otherwise what the User-Agent tells.
 */
public record DeviceDescriptor(String externalId, DeviceType type, String name, String userAgent, String ip) {

    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final int MAX_NAME = 100;
    private static final int MAX_USER_AGENT = 512;

    public static DeviceDescriptor from(OAuthParameters params, String userAgent, String ip) {
        String ua = userAgent == null ? "" : truncate(userAgent, MAX_USER_AGENT);
        String externalId = params.optional("device_id").orElse(null);
        if (externalId != null && !EXTERNAL_ID.matcher(externalId).matches()) {
            throw OAuthException.invalidRequest("device_id must be 1-128 characters of A-Z a-z 0-9 . _ : -");
        }
        DeviceType type = params.optional("device_type")
                .map(code -> DeviceType.parse(code).orElseThrow(() -> OAuthException.invalidRequest(
                        "device_type must be one of web, mobile, desktop, cli, service")))
                .orElseGet(() -> typeOf(ua));
        String name = params.optional("device_name")
                .map(n -> truncate(n.strip(), MAX_NAME))
                .filter(n -> !n.isEmpty())
                .orElseGet(() -> nameOf(ua, type));
        return new DeviceDescriptor(externalId, type, name, ua.isEmpty() ? null : ua, ip);
    }

    static DeviceType typeOf(String userAgent) {
        String ua = userAgent.toLowerCase(Locale.ROOT);
        if (ua.contains("electron")) {
            return DeviceType.DESKTOP;
        }
        if (ua.contains("mobile") || ua.contains("android") || ua.contains("iphone") || ua.contains("ipad")) {
            return DeviceType.MOBILE;
        }
        if (ua.startsWith("mozilla/")) {
            return DeviceType.WEB;
        }
        return DeviceType.CLI;
    }

    static String nameOf(String userAgent, DeviceType type) {
        String ua = userAgent.toLowerCase(Locale.ROOT);
        String os = ua.contains("android") ? "Android" : ua.contains("iphone") || ua.contains("ipad") ? "iOS"
                : ua.contains("windows") ? "Windows" : ua.contains("mac os") ? "macOS"
                : ua.contains("linux") ? "Linux" : null;
        String app = ua.contains("edg/") ? "Edge" : ua.contains("firefox/") ? "Firefox"
                : ua.contains("chrome/") || ua.contains("chromium/") ? "Chrome" : ua.contains("safari/") ? "Safari"
                : ua.isEmpty() ? null : truncate(userAgent.split("[/ ]", 2)[0], 40);
        if (app == null) {
            return "Unknown " + type.code();
        }
        return os == null ? app : app + " on " + os;
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
