package dev.tessera.webclient.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The peers whose {@code X-Forwarded-*} headers are believed: IP literals ({@code 127.0.0.1},
 * {@code ::1}) or networks ({@code 10.0.0.0/8}). Host names are refused, so nothing here waits on DNS.
 */
final class TrustedProxies {

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

    /** Parses the configured entries; a malformed one stops the start-up with its text. */
    static TrustedProxies of(List<String> entries) {
        List<Network> networks = new ArrayList<>();
        for (String entry : entries == null ? List.<String>of() : entries) {
            networks.add(network(entry.trim()));
        }
        return new TrustedProxies(List.copyOf(networks));
    }

    private static Network network(String entry) {
        int slash = entry.indexOf('/');
        String literal = slash < 0 ? entry : entry.substring(0, slash);
        if (!LITERAL.matcher(literal).matches()) {
            throw new IllegalArgumentException("trusted proxy '" + entry + "' is not an IP address or network");
        }
        try {
            byte[] address = InetAddress.getByName(literal).getAddress();
            int bits = slash < 0 ? address.length * 8 : Integer.parseInt(entry.substring(slash + 1));
            if (bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException("trusted proxy '" + entry + "' has an impossible prefix length");
            }
            return new Network(address, bits);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("trusted proxy '" + entry + "' is not an IP address or network", e);
        }
    }

    boolean trusts(InetAddress peer) {
        if (peer == null) {
            return false;
        }
        byte[] address = peer.getAddress();
        return networks.stream().anyMatch(n -> n.contains(address));
    }

    boolean isEmpty() {
        return networks.isEmpty();
    }
}
