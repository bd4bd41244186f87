package vn.lienthong.gateway.intake.sms;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address or a CIDR range ({@code 127.0.0.1}, {@code 10.0.0.0/8}, {@code ::1}) a caller may come from. */
public record AddressRange(byte[] network, int prefixLength) {

    public static AddressRange parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an empty address");
        }
        String[] parts = text.strip().split("/", 2);
        if (!parts[0].matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range (host names are not resolved)");
        }
        byte[] address;
        try {
            address = InetAddress.getByName(parts[0]).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
        int prefix = address.length * 8;
        if (parts.length == 2) {
            try {
                prefix = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("'" + text + "' has an invalid prefix length");
            }
        }
        return new AddressRange(address, prefix);
    }

    public boolean contains(String address) {
        if (address == null || !address.matches("[0-9a-fA-F:.]+")) {
            return false;
        }
        byte[] candidate;
        try {
            candidate = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return false;
        }
        if (candidate.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (candidate[full] & mask) == (network[full] & mask);
    }
}
