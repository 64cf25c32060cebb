/**
 * Which JCA provider signs and verifies JWTs (RFC 7515, RFC 7518 §3): the native Amazon Corretto Crypto
 * Provider where it loads, the JDK's otherwise. Plain Java, shared by the auth server and every verifier.
 */
package dev.tessera.contract.crypto;
