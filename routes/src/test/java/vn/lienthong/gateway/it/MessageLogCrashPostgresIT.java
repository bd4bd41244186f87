package vn.lienthong.gateway.it;

import java.util.List;

/** {@link MessageLogCrashContract} on a real PostgreSQL server. */
class MessageLogCrashPostgresIT extends MessageLogCrashContract {

    @Override
    protected List<String> databaseArgs() throws Exception {
        return PostgresServer.get().gatewayArgs();
    }
}
