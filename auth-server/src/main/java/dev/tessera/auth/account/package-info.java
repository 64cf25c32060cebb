/**
 * The account page ({@code /account}): a signed-in user's own devices and sign-ins, and signing
 * devices out, through {@link dev.tessera.auth.device.MyDevices} (the owner of self-service).
 */
package dev.tessera.auth.account;
