package dev.tessera.auth.device;

import java.util.Locale;
import java.util.Optional;

/**
 * How many devices a user may have signed in to one client at once. A new login beyond the limit
 * signs the older devices out (reason {@code login_elsewhere}).
 */
public enum SessionPolicy {
    /** Any number of devices. */
    UNLIMITED,
    /** One device per type: a new login on a second phone signs the first phone out. */
    ONE_PER_DEVICE_TYPE,
    /** One device: a new login anywhere signs every other device out. */
    SINGLE;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<SessionPolicy> parse(String code) {
        for (SessionPolicy policy : values()) {
            if (policy.code().equals(code)) {
                return Optional.of(policy);
            }
        }
        return Optional.empty();
    }

    /** Whether a new login on {@code newType} must sign out an existing device of {@code existingType}. */
    public boolean displaces(DeviceType existingType, DeviceType newType) {
        return switch (this) {
            case UNLIMITED -> false;
            case ONE_PER_DEVICE_TYPE -> existingType == newType;
            case SINGLE -> true;
        };
    }
}
