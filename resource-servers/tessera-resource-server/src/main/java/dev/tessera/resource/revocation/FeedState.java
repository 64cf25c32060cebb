package dev.tessera.resource.revocation;

/** Whether this replica's revocation view can be trusted, and what it does if not. */
public enum FeedState {
    /** The feed answered within the staleness bound. */
    LIVE,
    /** Silent too long: bearer requests get 503. */
    STALE_FAILING_CLOSED,
    /** Silent too long, configured to keep serving from the last known view. */
    STALE_FAILING_OPEN;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
