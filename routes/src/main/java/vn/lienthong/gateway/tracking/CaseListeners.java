package vn.lienthong.gateway.tracking;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every {@link CaseStatusListener} bean about each committed change, after the commit. A
 * listener that throws despite its contract is logged (without the phone number) and the others still
 * run: the change itself is already durable.
 */
public final class CaseListeners {

    private static final Logger LOG = LoggerFactory.getLogger(CaseListeners.class);

    private final List<CaseStatusListener> listeners;

    public CaseListeners(List<CaseStatusListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    public void notifyAll(List<CaseChange> changes) {
        for (CaseChange change : changes) {
            for (CaseStatusListener listener : listeners) {
                try {
                    listener.statusChanged(change.current(), change.previous(), change.notifyPhone());
                } catch (RuntimeException e) {
                    LOG.warn("case listener {} failed for {} ({} -> {}): {}", listener.getClass().getSimpleName(),
                            change.current().trackingCode(), change.previous(), change.current().status(), e.toString());
                }
            }
        }
    }
}
