package dev.tessera.auth.sso.page;

/**
 * What the login page shows.
 *
 * @param requestId  the pending authorization request the form resumes, or empty
 * @param clientName the application the user signs in to, or null for a sign-in at the SSO itself
 * @param error      why the last attempt failed, or null
 */
public record LoginForm(String csrf, String requestId, String clientName, String error, String username) {
}
