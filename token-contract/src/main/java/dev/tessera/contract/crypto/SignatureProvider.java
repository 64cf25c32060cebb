package dev.tessera.contract.crypto;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import com.nimbusds.jose.jca.JCAAware;
import com.nimbusds.jose.jca.JCAContext;
import java.security.Provider;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JCA provider that JWT signers and verifiers use: Amazon Corretto Crypto Provider (AWS-LC, native)
 * where it loads and passes its self-tests, otherwise the JDK's providers. It is handed to each Nimbus
 * signer and verifier through its JCA context, not installed JVM-wide, so TLS, SecureRandom and
 * everything else keep the JDK's providers. Nimbus signs and verifies Ed25519 with Tink, outside JCA,
 * so EdDSA is unaffected.
 */
public final class SignatureProvider {

    /** The name {@link #name()} reports when the native provider is in use. */
    public static final String NATIVE = "ACCP";
    /** The name {@link #name()} reports for the JDK's providers. */
    public static final String JDK = "JDK";

    private static final Logger LOG = LoggerFactory.getLogger(SignatureProvider.class);

    private final Provider provider;
    private final String fallbackReason;

    private SignatureProvider(Provider provider, String fallbackReason) {
        this.provider = provider;
        this.fallbackReason = fallbackReason;
    }

    /** The JDK's providers, in the order the JVM is configured with. */
    public static SignatureProvider jdk() {
        return new SignatureProvider(null, null);
    }

    /**
     * The native provider when {@code preferNative} and it loads; otherwise the JDK's, with a log line
     * saying why (the caller reports {@link #name()} as a metric).
     */
    public static SignatureProvider select(boolean preferNative) {
        if (!preferNative) {
            LOG.info("JWT signatures: the JDK's providers (the native provider is turned off)");
            return jdk();
        }
        return select(SignatureProvider::loadNative);
    }

    static SignatureProvider select(Callable<Provider> loader) {
        try {
            Provider loaded = loader.call();
            LOG.info("JWT signatures: {} {}", loaded.getName(), loaded.getVersionStr());
            return new SignatureProvider(loaded, null);
        } catch (Exception | LinkageError e) {
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warn("JWT signatures: the JDK's providers, because Amazon Corretto Crypto Provider cannot be used here ({})",
                    reason);
            return new SignatureProvider(null, reason);
        }
    }

    private static Provider loadNative() {
        AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
        // Throws when the native library did not load on this platform or a self-test failed.
        accp.assertHealthy();
        return accp;
    }

    /** Makes {@code signerOrVerifier} use this provider; returns it. */
    public <T extends JCAAware<JCAContext>> T apply(T signerOrVerifier) {
        if (provider != null) {
            signerOrVerifier.getJCAContext().setProvider(provider);
        }
        return signerOrVerifier;
    }

    /** {@value #NATIVE} or {@value #JDK}. */
    public String name() {
        return provider != null ? NATIVE : JDK;
    }

    /** The provider handed to Nimbus; empty for the JDK's providers. */
    public Optional<Provider> provider() {
        return Optional.ofNullable(provider);
    }

    /** Why the native provider was wanted but not used; empty when it is used or was turned off. */
    public Optional<String> fallbackReason() {
        return Optional.ofNullable(fallbackReason);
    }

    @Override
    public String toString() {
        return provider != null ? provider.getName() + " " + provider.getVersionStr() : "JDK providers";
    }
}
