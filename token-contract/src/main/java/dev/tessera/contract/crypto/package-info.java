/**
 * Which JCA provider signs and verifies JWTs (RFC 7515, RFC 7518 §3): the native Amazon Corretto Crypto
 * Provider where it loads, the JDK's otherwise; and {@code Aead} (AES-256-GCM, HMAC-SHA256), which seals what
 * the auth server and the web clients hand to storage or browsers they do not control. Plain Java.
 */
package dev.tessera.contract.crypto;
