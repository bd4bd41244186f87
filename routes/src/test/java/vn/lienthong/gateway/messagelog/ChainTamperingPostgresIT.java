package vn.lienthong.gateway.messagelog;

import vn.lienthong.gateway.it.PostgresServer;

/** {@link ChainTamperingContract} on a real PostgreSQL server. */
class ChainTamperingPostgresIT extends ChainTamperingContract {

    @Override
    protected Database newDatabase() throws Exception {
        PostgresServer pg = PostgresServer.get();
        return TestDatabases.postgres(pg.newDatabase(), PostgresServer.USER, pg.password());
    }
}
