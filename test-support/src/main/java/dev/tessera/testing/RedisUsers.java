package dev.tessera.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Redis users of {@code redis/users.acl} (the file the launcher applies too), created on the test
 * Redis so every integration test runs each component as its own user, and the URIs they connect with.
 */
public final class RedisUsers {

    /** One line of the file: the user, its dev password, its ACL rules. */
    private record User(String name, String devPassword, List<String> rules) {
    }

    private static final Map<String, User> USERS = read();

    private RedisUsers() {
    }

    private static Map<String, User> read() {
        InputStream in = RedisUsers.class.getResourceAsStream("/redis/users.acl");
        if (in == null) {
            throw new IllegalStateException("redis/users.acl is not on the classpath (test-support packages it)");
        }
        Map<String, User> users = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] words = line.trim().split("\\s+");
                if (words.length >= 3 && !words[0].startsWith("#")) {
                    users.put(words[0], new User(words[0], words[1], List.of(Arrays.copyOfRange(words, 2, words.length))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return users;
    }

    /** {@code redisUri} (whose credentials, if any, may create users) for {@code user} with its dev password. */
    public static String uriAs(String redisUri, String user) {
        User known = USERS.get(user);
        if (known == null) {
            throw new IllegalArgumentException("no Redis user " + user + " in redis/users.acl");
        }
        return uriOf(redisUri, known);
    }

    /**
     * Creates the Redis user of a web client registered by a test, {@code tessera-web-<clientId>}, with the
     * file's web-client rules ({@code tessera-web-mail}'s) moved to that client's key prefix, on the Redis at
     * {@code adminUri}; returns the URI a replica of that client connects with.
     */
    public static String forWebClient(String adminUri, String clientId) {
        User template = USERS.get("tessera-web-mail");
        String name = "tessera-web-" + clientId;
        User user = new User(name, "dev-" + name, template.rules().stream()
                .map(rule -> rule.replace("tessera:web:mail:", "tessera:web:" + clientId + ":")).toList());
        create(adminUri, List.of(user));
        return uriOf(adminUri, user);
    }

    /** {@code <user>:<dev password>}, the user information of a URI that connects as {@code user}. */
    public static String userInfo(String user) {
        User known = USERS.get(user);
        if (known == null) {
            throw new IllegalArgumentException("no Redis user " + user + " in redis/users.acl");
        }
        return known.name() + ":" + known.devPassword();
    }

    private static String uriOf(String redisUri, User user) {
        URI uri = URI.create(redisUri);
        return uri.getScheme() + "://" + user.name() + ":" + user.devPassword() + "@" + uri.getHost() + ":"
                + (uri.getPort() < 0 ? 6379 : uri.getPort()) + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    /** Creates (or resets) every user on the Redis at {@code adminUri}: ACL SETUSER is idempotent with reset. */
    static void apply(String adminUri) {
        create(adminUri, USERS.values());
    }

    private static void create(String adminUri, java.util.Collection<User> users) {
        URI uri = URI.create(adminUri);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort()), 2000);
            socket.setSoTimeout(2000);
            if (uri.getUserInfo() != null) {
                List<String> auth = new ArrayList<>(List.of("AUTH"));
                auth.addAll(List.of(uri.getUserInfo().split(":", 2)));
                command(socket, auth);
            }
            for (User user : users) {
                List<String> args = new ArrayList<>(List.of("ACL", "SETUSER", user.name(), "reset", "on", ">" + user.devPassword()));
                args.addAll(user.rules());
                command(socket, args);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the Redis users of redis/users.acl at " + adminUri
                    + " (" + e.getMessage() + ")", e);
        }
    }

    /** Sends one command (RESP) and fails unless the reply is +OK. */
    private static void command(Socket socket, List<String> args) throws IOException {
        StringBuilder request = new StringBuilder("*").append(args.size()).append("\r\n");
        for (String arg : args) {
            request.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg).append("\r\n");
        }
        OutputStream out = socket.getOutputStream();
        out.write(request.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        StringBuilder reply = new StringBuilder();
        InputStream in = socket.getInputStream();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            reply.append((char) c);
        }
        if (!reply.toString().startsWith("+OK")) {
            throw new IOException(args.get(0) + " " + args.get(1) + " answered " + reply.toString().trim());
        }
    }
}
