package vn.lienthong.gateway.it;

import java.util.List;

/** {@link MessageLogCrashContract} on the embedded database. */
class MessageLogCrashIT extends MessageLogCrashContract {

    @Override
    protected List<String> databaseArgs() {
        return List.of();
    }
}
