package vn.lienthong.gateway.messagelog;

import vn.lienthong.gateway.it.PostgresServer;

/**
 * {@link AcceptanceClaimsContract} on a real PostgreSQL server, each "instance" with its own
 * connection pool: the claim as two gateways sharing the production database take it.
 */
class AcceptanceClaimsPostgresIT extends AcceptanceClaimsContract {

    private String url;

    @Override
    protected Database newDatabase() throws Exception {
        PostgresServer pg = PostgresServer.get();
        url = pg.newDatabase();
        return TestDatabases.postgres(url, PostgresServer.USER, pg.password());
    }

    @Override
    protected Database sameDatabase(Database db) throws Exception {
        return TestDatabases.postgres(url, PostgresServer.USER, PostgresServer.get().password());
    }
}
