package dev.tessera.contract.revocation;

/** What one mark is kept under: a kind and its subject ({@code device} and a sid, say). */
public record RevocationTarget(RevocationEvent.Kind kind, String subject) {

    /** The subject of a {@link RevocationEvent.Kind#DEVICE_CLIENT} mark. */
    public static RevocationTarget deviceClient(String deviceId, String clientId) {
        return new RevocationTarget(RevocationEvent.Kind.DEVICE_CLIENT, deviceId + ":" + clientId);
    }
}
