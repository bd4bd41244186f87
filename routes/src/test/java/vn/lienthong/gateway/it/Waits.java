package vn.lienthong.gateway.it;

import java.time.Duration;

/**
 * Ceilings of the tests' waits. A wait on a signal (a reply arrived, a record reached a queue) ends
 * as soon as the signal comes, so its ceiling only decides how long a broken test takes to fail;
 * it is generous because the same machine often runs other builds (20 s ceilings failed two runs
 * in three there). {@code -Dlienthong.it.signal-timeout=PT5M} raises it further.
 */
public final class Waits {

    public static final Duration SIGNAL = Duration.parse(System.getProperty("lienthong.it.signal-timeout", "PT2M"));

    private Waits() {
    }
}
