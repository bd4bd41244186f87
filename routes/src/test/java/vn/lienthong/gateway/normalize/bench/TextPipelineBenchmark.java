package vn.lienthong.gateway.normalize.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import vn.lienthong.gateway.normalize.text.LegacyCharset;
import vn.lienthong.gateway.normalize.text.RepairedText;
import vn.lienthong.gateway.normalize.text.TextDecoding;
import vn.lienthong.gateway.normalize.text.TextOptions;
import vn.lienthong.gateway.normalize.text.TextRepairer;

/**
 * The text pipeline of issue 3 on 1 MiB of input: detect and decode the bytes ("auto"), then repair
 * (mojibake, NFC, line joining, lost letters). One operation is one MiB, so the score in ops/s is
 * MiB/s on one core (one thread). The corpus is the same mixed text in every encoding: Vietnamese
 * prose from the fixtures' vocabulary, numbers, dates, phone numbers, ASCII words, line and paragraph
 * breaks. Run with bench/normalize-jmh.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TextPipelineBenchmark {

    static final int MIB = 1 << 20;

    @Param({"UTF-8", "TCVN3", "VNI-Windows", "VISCII", "windows-1258"})
    public String encoding;

    private byte[] input;
    private final TextOptions options = TextOptions.runningText(List.of(), false);
    /** Repair from context, filling and removing what it finds: the most it does on a text. */
    private final TextOptions context = TextOptions.runningText(List.of(), true, true, 0, true);

    @Setup
    public void setUp() {
        input = corpus(encoding);
    }

    @Benchmark
    public RepairedText decodeAndRepair() {
        TextDecoding.Decoded decoded = TextDecoding.decode(input, null, "auto");
        return TextRepairer.repair(decoded.text(), options);
    }

    /** The same input with repair from context: on correct text it must cost (almost) nothing more. */
    @Benchmark
    public RepairedText decodeAndRepairFromContext() {
        TextDecoding.Decoded decoded = TextDecoding.decode(input, null, "auto");
        return TextRepairer.repair(decoded.text(), context);
    }

    /**
     * Damaged text: the UTF-8 corpus with one word in twenty that holds a letter outside ASCII losing
     * it to "??" (as a lossy channel leaves it), repaired from context with filling. Run it with
     * {@code -p encoding=UTF-8}: the damage does not depend on the encoding parameter.
     */
    @State(Scope.Benchmark)
    public static class Damaged {
        byte[] input;

        @Setup
        public void setUp() {
            String text = new String(corpus("UTF-8"), StandardCharsets.UTF_8);
            StringBuilder out = new StringBuilder(text.length());
            int words = 0;
            for (String word : text.split(" ", -1)) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                int lost = -1;
                for (int i = 0; i < word.length() && lost < 0; i++) {
                    lost = word.charAt(i) >= 0x80 ? i : -1;
                }
                if (lost >= 0 && words++ % 20 == 0) {
                    out.append(word, 0, lost).append("??").append(word, lost + 1, word.length());
                } else {
                    out.append(word);
                }
            }
            input = out.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    @Benchmark
    public RepairedText damagedFromContext(Damaged damaged) {
        TextDecoding.Decoded decoded = TextDecoding.decode(damaged.input, null, "auto");
        return TextRepairer.repair(decoded.text(), context);
    }

    @Benchmark
    public RepairedText damagedWithoutContext(Damaged damaged) {
        TextDecoding.Decoded decoded = TextDecoding.decode(damaged.input, null, "auto");
        return TextRepairer.repair(decoded.text(), options);
    }

    /** 1 MiB of the mixed corpus in the given encoding, cut at a line end. */
    static byte[] corpus(String encoding) {
        Random random = new Random(20260312L);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(MIB);
        while (true) {
            StringBuilder paragraph = new StringBuilder();
            paragraph(random, paragraph);
            byte[] bytes = encode(paragraph.toString(), encoding);
            if (out.size() + bytes.length > MIB) {
                return out.toByteArray();
            }
            out.writeBytes(bytes);
        }
    }

    private static byte[] encode(String text, String encoding) {
        return encoding.equals("UTF-8") ? text.getBytes(StandardCharsets.UTF_8) : LegacyCharset.forName(encoding).orElseThrow().encode(text);
    }

    private static final String[] WORDS = ("Kính gửi Thanh tra tỉnh Tôi xin phản ánh việc cán bộ tiếp nhận hồ sơ tại Bộ phận Một cửa xã Tân Phú "
            + "yêu cầu nộp thêm tiền ngoài quy định khi làm thủ tục đăng ký hộ kinh doanh Sự việc xảy ra sáng ngày Đề nghị cơ quan chức năng "
            + "xem xét xử lý nghiêm Người phản ánh Nguyễn Thị Hương điện thoại tố cáo ông Trần Văn cán bộ địa chính Mỹ Thuận đã nhận tiền "
            + "của một số hộ để lập hợp thức hóa đất lấn chiếm giữ bí mật danh tính phường chậm giải quyết cấp giấy chứng nhận quyền sử dụng "
            + "quá hạn mà không có văn bản giải thích làm rõ khoản thu hỗ trợ đồng công chứng UBND thuế bồi dưỡng kiểm tra Phùng Thắng "
            + "khiếu nại kiến nghị Sơn Đông Phú Thọ Ninh Bình Vĩnh Phúc Nam Định huyện Lập Thạch").split(" ");
    private static final String[] ASCII = "email portal SMS hotline OK file PDF Zalo online CCCD".split(" ");

    private static void paragraph(Random random, StringBuilder out) {
        int sentences = 1 + random.nextInt(4);
        for (int s = 0; s < sentences; s++) {
            int words = 6 + random.nextInt(18);
            for (int w = 0; w < words; w++) {
                int pick = random.nextInt(40);
                String word = pick == 0 ? String.format("%02d/%02d/2026", 1 + random.nextInt(28), 1 + random.nextInt(12))
                        : pick == 1 ? String.format("09%d %03d %03d", random.nextInt(10), random.nextInt(1000), random.nextInt(1000))
                        : pick == 2 ? ASCII[random.nextInt(ASCII.length)]
                        : pick == 3 ? Integer.toString(random.nextInt(100_000))
                        : WORDS[random.nextInt(WORDS.length)];
                out.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
                out.append(w + 1 < words ? (random.nextInt(12) == 0 ? ", " : " ") : ". ");
            }
        }
        out.setLength(out.length() - 1);
        out.append(random.nextInt(3) == 0 ? "\n\n" : "\n");
    }
}
