package vn.lienthong.gateway.deliver;

/** Calls one subscriber's case system (SOAP or REST). Implementations classify; they do not retry. */
public interface CaseClient extends AutoCloseable {

    CallResult send(CaseMessage message);

    @Override
    default void close() {
    }
}
