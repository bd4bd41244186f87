package vn.lienthong.gateway.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SendDeadlinesTest {

    @Test
    void aSendPastItsDeadlineIsInterruptedAndTheInterruptDoesNotOutliveIt() throws Exception {
        try (SendDeadlines deadlines = new SendDeadlines(Duration.ofMillis(200))) {
            long start = System.nanoTime();
            SendDeadlines.Send send = deadlines.start();
            assertThatThrownBy(() -> Thread.sleep(10_000)).isInstanceOf(InterruptedException.class);
            long waited = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertThat(waited).as("interrupted after the deadline, at most a sweep or two late").isBetween(200L, 2_000L);
            assertThat(send.expired()).isTrue();
            send.close();
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
        }
    }

    @Test
    void aSendThatFinishedInTimeIsNeverInterrupted() throws Exception {
        try (SendDeadlines deadlines = new SendDeadlines(Duration.ofMillis(100))) {
            for (int i = 0; i < 1_000; i++) {
                deadlines.start().close();
            }
            SendDeadlines.Send last = deadlines.start();
            last.close();
            Thread.sleep(400);
            assertThat(last.expired()).isFalse();
            assertThat(Thread.interrupted()).isFalse();
        }
    }

    @Test
    void onlyTheLateSendIsInterrupted() throws Exception {
        try (SendDeadlines deadlines = new SendDeadlines(Duration.ofMillis(150))) {
            boolean[] interrupted = new boolean[2];
            Thread[] threads = new Thread[2];
            for (int i = 0; i < 2; i++) {
                int n = i;
                threads[i] = new Thread(() -> {
                    SendDeadlines.Send send = deadlines.start();
                    try {
                        Thread.sleep(n == 0 ? 20 : 5_000);
                    } catch (InterruptedException e) {
                        interrupted[n] = true;
                    } finally {
                        send.close();
                    }
                    if (n == 0) {
                        try {
                            Thread.sleep(500);
                        } catch (InterruptedException e) {
                            interrupted[n] = true;
                        }
                    }
                });
                threads[i].start();
            }
            for (Thread t : threads) {
                t.join(10_000);
            }
            assertThat(interrupted).containsExactly(false, true);
        }
    }
}
