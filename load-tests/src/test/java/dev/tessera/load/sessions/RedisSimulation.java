package dev.tessera.load.sessions;

/** The comparison's load on the redis scheme (nginx :8090). */
public class RedisSimulation extends SchemeSimulation {

    public RedisSimulation() {
        super(Scheme.REDIS);
    }
}
