package dev.tessera.auth.support;

import dev.tessera.testing.Http;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A cookie jar over {@link Http}: follows nothing by itself, so each redirect can be inspected. */
public final class Browser {

    private static final Pattern INPUT = Pattern.compile("name=\"(\\w+)\" value=\"([^\"]*)\"");

    private final Http http;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public Browser(Http http) {
        this.http = http;
    }

    public Http.Response get(String pathOrUrl) {
        return remember(http.send(pathOrUrl, "GET", null, null, null, headers()));
    }

    public Http.Response postForm(String path, Map<String, String> form) {
        return remember(http.send(path, "POST", "application/x-www-form-urlencoded", Http.form(form), null, headers()));
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    /** The hidden inputs of the page's form (csrf, request). */
    public static Map<String, String> hiddenInputs(Http.Response page) {
        Map<String, String> inputs = new LinkedHashMap<>();
        Matcher m = INPUT.matcher(page.body());
        while (m.find()) {
            inputs.put(m.group(1), m.group(2).replace("&amp;", "&"));
        }
        return inputs;
    }

    /** A query parameter of a redirect's Location. */
    public static String queryParam(Http.Response redirect, String name) {
        String query = URI.create(redirect.header("Location")).getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return java.net.URLDecoder.decode(kv.length > 1 ? kv[1] : "", java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private Map<String, String> headers() {
        return cookies.isEmpty() ? Map.of() : Map.of("Cookie", cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
    }

    private Http.Response remember(Http.Response response) {
        for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("set-cookie")) {
                continue;
            }
            for (String value : header.getValue()) {
                String[] nameValue = value.split(";", 2)[0].split("=", 2);
                if (value.toLowerCase().contains("max-age=0") || nameValue.length < 2 || nameValue[1].isEmpty()) {
                    cookies.remove(nameValue[0].trim());
                } else {
                    cookies.put(nameValue[0].trim(), nameValue[1].trim());
                }
            }
        }
        return response;
    }
}
