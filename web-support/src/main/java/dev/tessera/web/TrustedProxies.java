package dev.tessera.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The proxies whose {@code X-Forwarded-*} headers an app believes: IP literals ({@code 127.0.0.1},
 * {@code ::1}) or networks ({@code 10.0.0.0/8}). Host names are refused, so nothing here waits on DNS.
 * A request from anybody else is taken at its peer address, whatever headers it carries: anyone can
 * write {@code X-Forwarded-For}.
 */
public final class TrustedProxies {

    private static final Pattern LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private record Network(byte[] prefix, int bits) {

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            int mask = (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    private final List<Network> networks;

    private TrustedProxies(List<Network> networks) {
        this.networks = networks;
    }

    /** Parses the configured entries; a malformed one throws with its text, so start-up stops. */
    public static TrustedProxies of(List<String> entries) {
        List<Network> networks = new ArrayList<>();
        for (String entry : entries == null ? List.<String>of() : entries) {
            if (!entry.isBlank()) {
                networks.add(network(entry.trim()));
            }
        }
        return new TrustedProxies(List.copyOf(networks));
    }

    private static Network network(String entry) {
        int slash = entry.indexOf('/');
        String literal = slash < 0 ? entry : entry.substring(0, slash);
        byte[] address = literal(literal).orElseThrow(() ->
                new IllegalArgumentException("trusted proxy '" + entry + "' is not an IP address or network")).getAddress();
        try {
            int bits = slash < 0 ? address.length * 8 : Integer.parseInt(entry.substring(slash + 1));
            if (bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException("trusted proxy '" + entry + "' has an impossible prefix length");
            }
            return new Network(address, bits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("trusted proxy '" + entry + "' is not an IP address or network", e);
        }
    }

    /** An IP literal, parsed without any DNS lookup; empty for anything else. */
    private static Optional<InetAddress> literal(String text) {
        if (text == null || !LITERAL.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    public boolean trusts(InetAddress peer) {
        if (peer == null) {
            return false;
        }
        byte[] address = peer.getAddress();
        return networks.stream().anyMatch(n -> n.contains(address));
    }

    public boolean isEmpty() {
        return networks.isEmpty();
    }

    /**
     * The client's address: the peer, unless the peer is a trusted proxy; then the right-most entry of
     * {@code X-Forwarded-For} that is not itself a trusted proxy (each proxy appends the address it saw,
     * so entries left of the first untrusted one may have been written by the client). Malformed entries
     * end the walk at the address seen so far.
     */
    public String clientAddress(InetAddress peer, String forwardedFor) {
        if (peer == null) {
            return "unknown";
        }
        InetAddress client = peer;
        if (trusts(peer) && forwardedFor != null) {
            String[] hops = forwardedFor.split(",");
            for (int i = hops.length - 1; i >= 0 && trusts(client); i--) {
                Optional<InetAddress> hop = literal(hops[i].trim());
                if (hop.isEmpty()) {
                    break;
                }
                client = hop.get();
            }
        }
        return client.getHostAddress();
    }
}
