package dev.tessera.load.sessions;

/** The comparison's load on the sticky scheme (nginx :8080). */
public class StickySimulation extends SchemeSimulation {

    public StickySimulation() {
        super(Scheme.STICKY);
    }
}
