package dev.tessera.auth.crypto;

/**
 * One argon2id computation (RFC 9106, version 0x13): the raw tag for a password, salt and cost. Every
 * engine returns the same bytes for the same input, so a hash stored by one verifies with any other.
 */
interface Argon2Engine {

    byte[] argon2id(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length);

    /** What the start-up log and the {@code tessera.crypto.provider} metric call it. */
    String name();
}
