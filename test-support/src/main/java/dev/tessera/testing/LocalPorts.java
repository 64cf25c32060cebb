package dev.tessera.testing;

import java.io.IOException;
import java.net.ServerSocket;

/** Helpers for the processes tests start on this machine. */
final class LocalPorts {

    private LocalPorts() {
    }

    /** A port nothing listens on right now. */
    static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
