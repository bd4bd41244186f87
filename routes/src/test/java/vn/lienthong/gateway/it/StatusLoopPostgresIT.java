package vn.lienthong.gateway.it;

import java.util.List;

/** {@link StatusLoopContract} on a real PostgreSQL server (the production database). */
class StatusLoopPostgresIT extends StatusLoopContract {

    @Override
    protected List<String> databaseArgs() throws Exception {
        return PostgresServer.get().gatewayArgs();
    }
}
