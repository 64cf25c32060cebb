package dev.tessera.auth.support;

import dev.tessera.testing.TestServices;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * The test Redis as its default (administrative) user, for tests that inspect it as a whole or play
 * another component: the auth server itself connects as {@code tessera-auth}, which may not list keys.
 */
public final class RedisAdmin {

    private static volatile RedisCommands<String, String> commands;

    private RedisAdmin() {
    }

    public static RedisCommands<String, String> sync() {
        RedisCommands<String, String> current = commands;
        if (current == null) {
            synchronized (RedisAdmin.class) {
                if (commands == null) {
                    RedisClient client = RedisClient.create(TestServices.endpoints().redisUri());
                    Runtime.getRuntime().addShutdownHook(new Thread(client::shutdown));
                    commands = client.connect().sync();
                }
                current = commands;
            }
        }
        return current;
    }
}
