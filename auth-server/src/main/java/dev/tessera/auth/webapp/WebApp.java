package dev.tessera.auth.webapp;

/**
 * The auth server's own browser apps. Each is a registered OAuth client (V25__register_console_and_account_clients.sql):
 * public, authorization code with PKCE, its code exchanged inside the server.
 *
 * @param clientId its registration
 * @param path     where it is served; its redirect URI is {@code <public URL><path>/callback}
 * @param scope    what it asks for
 * @param cookie   its session cookie (path-scoped to {@code path}; cookies are shared across ports of one host)
 */
public enum WebApp {

    /** The admin console: asks for the admin scope, which the console's registration may request. */
    CONSOLE("console", "/console", "openid admin", "tessera_console"),
    /** The account page of every signed-in user. */
    ACCOUNT("account", "/account", "openid", "tessera_account");

    private final String clientId;
    private final String path;
    private final String scope;
    private final String cookie;

    WebApp(String clientId, String path, String scope, String cookie) {
        this.clientId = clientId;
        this.path = path;
        this.scope = scope;
        this.cookie = cookie;
    }

    public String clientId() {
        return clientId;
    }

    public String path() {
        return path;
    }

    public String scope() {
        return scope;
    }

    public String cookie() {
        return cookie;
    }

    /** The cookie that binds a sign-in in progress (state, PKCE verifier) to this browser. */
    public String signInCookie() {
        return cookie + "_signin";
    }

    public String callbackPath() {
        return path + "/callback";
    }
}
