package dev.tessera.auth.user;

import java.util.Set;
import java.util.UUID;

/** An account. {@code passwordHash} is an argon2id PHC string. */
public record User(UUID id, String username, String passwordHash, String displayName, String email,
                   Set<String> roles, boolean disabled) {
}
