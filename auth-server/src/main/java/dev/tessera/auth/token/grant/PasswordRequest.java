package dev.tessera.auth.token.grant;

import dev.tessera.auth.client.Client;
import dev.tessera.auth.device.DeviceDescriptor;
import java.util.Optional;

/** RFC 6749 §4.3.2: a password token request, parsed. {@code device} describes the new sign-in's device. */
public record PasswordRequest(Client client, String username, String password, Optional<String> scope,
                              DeviceDescriptor device, String ip) {
}
