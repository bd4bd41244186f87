package vn.lienthong.gateway.messagelog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

/**
 * Payloads are stored gzip-compressed (readable with any gunzip), at the fastest level: on the intake
 * path CPU matters more than bytes. Each thread keeps its deflater, whose native state is costly to
 * allocate per request.
 */
public final class Gzip {

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED, true));

    private Gzip() {
    }

    public static byte[] compress(byte[] data) {
        Deflater deflater = DEFLATER.get();
        deflater.reset();
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
        out.writeBytes(HEADER);
        byte[] buffer = new byte[Math.max(512, Math.min(data.length + 64, 64 * 1024))];
        while (!deflater.finished()) {
            int n = deflater.deflate(buffer);
            out.write(buffer, 0, n);
        }
        CRC32 crc = new CRC32();
        crc.update(data);
        writeIntLE(out, (int) crc.getValue());
        writeIntLE(out, data.length);
        return out.toByteArray();
    }

    private static void writeIntLE(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }

    /** @throws IOException when the bytes are not an intact gzip stream (the CRC is checked) */
    public static byte[] decompress(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }
}
