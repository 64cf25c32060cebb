package dev.tessera.auth.device;

import java.util.Locale;
import java.util.Optional;

/** What kind of user agent a device is; session policies count devices per type. */
public enum DeviceType {
    WEB, MOBILE, DESKTOP, CLI, SERVICE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DeviceType> parse(String code) {
        for (DeviceType type : values()) {
            if (type.code().equals(code)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
