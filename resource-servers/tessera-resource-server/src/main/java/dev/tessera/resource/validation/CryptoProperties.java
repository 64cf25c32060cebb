package dev.tessera.resource.validation;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The same switch as the auth server's {@code tessera.crypto.native-provider}: verify signatures with
 * Amazon Corretto Crypto Provider where it loads (the JDK's providers otherwise, with a warning and the
 * gauge {@code tessera.crypto.provider{use=jwt}} at 0).
 *
 * @param nativeProvider use the native provider when it loads
 */
@ConfigurationProperties("tessera.crypto")
public record CryptoProperties(@Bindable(defaultValue = "true") boolean nativeProvider) {
}
