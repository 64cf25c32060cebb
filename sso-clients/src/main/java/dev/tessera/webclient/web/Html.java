package dev.tessera.webclient.web;

import dev.tessera.webclient.WebClientProperties;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/** The client's pages: small, escaped, in its own colour. */
final class Html {

    private Html() {
    }

    static MutableHttpResponse<String> page(WebClientProperties app, HttpStatus status, String body) {
        String html = """
                <!doctype html><html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width,initial-scale=1"><title>%s</title><style>
                body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;background:#f6f7fb;color:#1d2433}
                header{background:%s;color:#fff;padding:1rem 2rem;display:flex;justify-content:space-between;align-items:center}
                header b{font-size:1.2rem}main{max-width:640px;margin:2.5rem auto;background:#fff;border-radius:14px;
                padding:2rem 2.4rem;box-shadow:0 8px 30px rgba(20,30,60,.1)}dt{font-weight:600;margin-top:.6rem}
                dd{margin:0;color:#475066;font-family:ui-monospace,monospace;font-size:.9rem}
                a.button,button{display:inline-block;padding:.6rem 1.2rem;border-radius:8px;border:0;background:%s;color:#fff;
                font-size:1rem;font-weight:600;text-decoration:none;cursor:pointer}
                .muted{color:#6b7385;font-size:.85rem}</style></head>
                <body><header><b>%s</b><span class="muted" style="color:#fff">served by %s</span></header><main>%s</main></body></html>
                """.formatted(escape(app.title()), app.accent(), app.accent(), escape(app.title()), escape(app.serverId()), body);
        return HttpResponse.<String>status(status).body(html).contentType(MediaType.TEXT_HTML_TYPE)
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:; frame-ancestors 'none'")
                .header("X-Frame-Options", "DENY");
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
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
