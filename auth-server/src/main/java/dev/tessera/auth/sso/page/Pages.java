package dev.tessera.auth.sso.page;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/** The few server-rendered pages of the SSO: small, escaped, no scripts. */
public final class Pages {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f3f5f9;margin:0;
              display:flex;min-height:100vh;align-items:center;justify-content:center;color:#1d2433}
            main{background:#fff;padding:2.2rem 2.4rem;border-radius:14px;box-shadow:0 8px 30px rgba(20,30,60,.12);
              width:min(360px,90vw)}
            h1{font-size:1.35rem;margin:0 0 .3rem}p.sub{color:#5b6478;margin:0 0 1.4rem;font-size:.95rem}
            label{display:block;font-size:.85rem;font-weight:600;margin:.9rem 0 .3rem}
            input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:.65rem .75rem;
              border:1px solid #c9d0dd;border-radius:8px;font-size:1rem}
            button{margin-top:1.4rem;width:100%;padding:.7rem;border:0;border-radius:8px;background:#3454d1;
              color:#fff;font-size:1rem;font-weight:600;cursor:pointer}
            .error{background:#fdecec;color:#a12020;padding:.6rem .8rem;border-radius:8px;font-size:.9rem}
            .brand{letter-spacing:.14em;font-size:.75rem;font-weight:700;color:#3454d1;text-transform:uppercase}
            """;

    private Pages() {
    }

    public static MutableHttpResponse<String> login(HttpStatus status, String csrf, String requestId, String clientName,
                                             String error, String username) {
        String body = """
                <p class="brand">Tessera</p>
                <h1>Sign in</h1>
                <p class="sub">%s</p>
                %s
                <form method="post" action="/login" autocomplete="on">
                  <input type="hidden" name="csrf" value="%s">
                  <input type="hidden" name="request" value="%s">
                  <label for="username">Username</label>
                  <input type="text" id="username" name="username" value="%s" autocomplete="username" required autofocus>
                  <label for="password">Password</label>
                  <input type="password" id="password" name="password" autocomplete="current-password" required>
                  <button type="submit">Sign in</button>
                </form>
                """.formatted(clientName == null ? "One account for every Tessera application."
                        : "to continue to " + escape(clientName),
                error == null ? "" : "<p class=\"error\" role=\"alert\">" + escape(error) + "</p>",
                escape(csrf), escape(requestId == null ? "" : requestId), escape(username == null ? "" : username));
        return page(status, "Sign in · Tessera", body);
    }

    public static MutableHttpResponse<String> message(HttpStatus status, String title, String text) {
        return page(status, title + " · Tessera", "<p class=\"brand\">Tessera</p><h1>" + escape(title) + "</h1><p class=\"sub\">"
                + escape(text) + "</p>");
    }

    public static MutableHttpResponse<String> confirmLogout(String csrf) {
        return page(HttpStatus.OK, "Sign out · Tessera", """
                <p class="brand">Tessera</p><h1>Sign out?</h1><p class="sub">You will be signed out of every application.</p>
                <form method="post" action="/oauth/logout"><input type="hidden" name="csrf" value="%s">
                <button type="submit">Sign out</button></form>
                """.formatted(escape(csrf)));
    }

    private static MutableHttpResponse<String> page(HttpStatus status, String title, String body) {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width,initial-scale=1\"><title>" + escape(title) + "</title><style>" + STYLE
                + "</style></head><body><main>" + body + "</main></body></html>";
        return HttpResponse.<String>status(status).body(html).contentType(MediaType.TEXT_HTML_TYPE)
                .header("Cache-Control", "no-store")
                // Nothing here may be framed or run scripts: clickjacking and injection defence in depth.
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:; frame-ancestors 'none'")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin");
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
