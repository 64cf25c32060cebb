package dev.tessera.orders;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Each user's latest orders, in Redis ({@code orders:<user id>}, newest first, at most
 * {@value #KEEP}), so every replica sees the same list.
 */
@Singleton
public class OrderStore {

    static final int KEEP = 100;

    private final RedisCommands<String, String> redis;
    private final JsonMapper json;

    public OrderStore(StatefulRedisConnection<String, String> connection, JsonMapper json) {
        this.redis = connection.sync();
        this.json = json;
    }

    public void add(String userId, Order order) {
        try {
            redis.lpush(key(userId), json.writeValueAsString(order));
            redis.ltrim(key(userId), 0, KEEP - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Order> latest(String userId, int limit) {
        List<Order> orders = new ArrayList<>();
        for (String value : redis.lrange(key(userId), 0, limit - 1)) {
            try {
                orders.add(json.readValue(value, Order.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return orders;
    }

    private static String key(String userId) {
        return "orders:" + userId;
    }
}
