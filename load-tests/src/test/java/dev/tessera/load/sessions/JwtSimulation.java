package dev.tessera.load.sessions;

/** The comparison's load on the jwt scheme (nginx :8100). */
public class JwtSimulation extends SchemeSimulation {

    public JwtSimulation() {
        super(Scheme.JWT);
    }
}
