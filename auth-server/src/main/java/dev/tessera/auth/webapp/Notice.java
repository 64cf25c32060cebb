package dev.tessera.auth.webapp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a page says after an action redirected back to it ({@code ?done=<code>}): fixed sentences, so a
 * link can never make a page say something else.
 */
public enum Notice {

    DEVICE_SIGNED_OUT("device-signed-out",
            "The device is signed out: its refresh token is refused and its access tokens are denied everywhere."),
    SIGNED_OUT_EVERYWHERE("signed-out-everywhere", "Every device of this user is signed out."),
    REVOKED_BEFORE("revoked-before", "Everything issued to this user until now is revoked."),
    KEY_ROTATED("key-rotated", "New keys sign from now on. The previous ones stay published until their tokens expire."),
    OTHERS_SIGNED_OUT("others-signed-out", "Every other device is signed out. This one stays signed in."),
    QUEUED("queued", "Redis is unreachable: the sign-out is committed and reaches the resource servers when Redis is back.");

    private final String code;
    private final String text;

    Notice(String code, String text) {
        this.code = code;
        this.text = text;
    }

    public String code() {
        return code;
    }

    public String text() {
        return text;
    }

    public static Optional<Notice> of(String code) {
        return Arrays.stream(values()).filter(n -> n.code.equals(code)).findFirst();
    }

    /** The notices of a page's {@code done} and {@code queued} query parameters (both may be null). */
    public static List<Notice> shown(String done, String queued) {
        List<Notice> notices = new ArrayList<>(of(done).stream().toList());
        if (queued != null) {
            notices.add(QUEUED);
        }
        return notices;
    }

    /** The query that makes the page show this notice (and {@link #QUEUED} when Redis has not heard yet). */
    public String query(boolean propagated) {
        return "?done=" + code + (propagated ? "" : "&queued=1");
    }
}
