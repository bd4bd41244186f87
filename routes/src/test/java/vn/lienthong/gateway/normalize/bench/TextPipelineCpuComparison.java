package vn.lienthong.gateway.normalize.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two builds of the text pipeline side by side in one JVM, for a machine too busy for JMH's wall-clock
 * throughput: each build in its own class loader, the same 1 MiB corpus, rounds alternating between
 * the builds, and the thread's CPU time (not wall time) per operation, so that time the thread spends
 * waiting for a core does not count. Prints the median MiB per CPU-second of each build and encoding.
 * <pre>
 * java -cp routes/target/test-classes vn.lienthong.gateway.normalize.bench.TextPipelineCpuComparison \
 *     OLD_ROUTES_TARGET NEW_ROUTES_TARGET [rounds] [CPU seconds per round, default 1]
 * </pre>
 * (each argument a {@code routes/target} directory holding {@code classes} and {@code test-classes}).
 * The new build is measured twice: as before ({@code decodeAndRepair}) and with repair from context
 * ({@code decodeAndRepairFromContext}), and on damaged text when it has {@code damagedFromContext}.
 */
public final class TextPipelineCpuComparison {

    private static final String[] ENCODINGS = {"UTF-8", "TCVN3", "VNI-Windows", "VISCII", "windows-1258"};
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private TextPipelineCpuComparison() {
    }

    /** One benchmark method of one build, with its state set up. */
    private record Subject(String name, Object state, Method method, Object argument) {

        void run() throws Exception {
            if (argument == null) {
                method.invoke(state);
            } else {
                method.invoke(state, argument);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Path oldTarget = Path.of(args[0]);
        Path newTarget = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        long minCpuNanos = (long) (1e9 * (args.length > 3 ? Double.parseDouble(args[3]) : 1.0));
        ClassLoader oldLoader = loader(oldTarget);
        ClassLoader newLoader = loader(newTarget);
        for (String encoding : ENCODINGS) {
            List<Subject> subjects = new ArrayList<>();
            subjects.add(subject("old decodeAndRepair", oldLoader, encoding, "decodeAndRepair", false));
            subjects.add(subject("new decodeAndRepair", newLoader, encoding, "decodeAndRepair", false));
            subjects.add(subject("new decodeAndRepairFromContext", newLoader, encoding, "decodeAndRepairFromContext", false));
            if (encoding.equals("UTF-8")) {
                subjects.add(subject("new damagedWithoutContext", newLoader, encoding, "damagedWithoutContext", true));
                subjects.add(subject("new damagedFromContext", newLoader, encoding, "damagedFromContext", true));
            }
            double[][] mibPerCpuSecond = new double[subjects.size()][rounds];
            for (Subject s : subjects) {
                for (int i = 0; i < 5; i++) {
                    s.run(); // warm-up
                }
            }
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < subjects.size(); k++) {
                    Subject s = subjects.get(k);
                    int ops = 0;
                    long start = CPU.getCurrentThreadCpuTime();
                    long spent;
                    do {
                        s.run();
                        ops++;
                        spent = CPU.getCurrentThreadCpuTime() - start;
                    } while (spent < minCpuNanos);
                    mibPerCpuSecond[k][r] = ops / (spent / 1e9);
                }
            }
            for (int k = 0; k < subjects.size(); k++) {
                double[] v = mibPerCpuSecond[k].clone();
                Arrays.sort(v);
                System.out.printf("%-14s %-40s median %7.2f MiB/CPU-s  (min %.2f, max %.2f, %d rounds)%n", encoding,
                        subjects.get(k).name(), v[v.length / 2], v[0], v[v.length - 1], rounds);
            }
        }
    }

    private static ClassLoader loader(Path target) throws Exception {
        return new URLClassLoader(new URL[] {target.resolve("classes").toUri().toURL(),
                target.resolve("test-classes").toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    /** A benchmark method of a build, its state set up as JMH would (the damaged corpus: its own state). */
    private static Subject subject(String name, ClassLoader loader, String encoding, String method, boolean damaged)
            throws Exception {
        Class<?> type = Class.forName("vn.lienthong.gateway.normalize.bench.TextPipelineBenchmark", true, loader);
        Object state = type.getConstructor().newInstance();
        type.getField("encoding").set(state, encoding);
        type.getMethod("setUp").invoke(state);
        if (!damaged) {
            return new Subject(name, state, type.getMethod(method), null);
        }
        Class<?> damagedType = Class.forName("vn.lienthong.gateway.normalize.bench.TextPipelineBenchmark$Damaged", true, loader);
        Object input = damagedType.getConstructor().newInstance();
        damagedType.getMethod("setUp").invoke(input);
        return new Subject(name, state, type.getMethod(method, damagedType), input);
    }
}
