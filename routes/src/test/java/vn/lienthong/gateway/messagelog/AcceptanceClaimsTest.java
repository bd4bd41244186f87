package vn.lienthong.gateway.messagelog;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link AcceptanceClaimsContract} on the embedded H2 database (both "instances" share its pool). */
class AcceptanceClaimsTest extends AcceptanceClaimsContract {

    @TempDir
    Path dir;

    @Override
    protected Database newDatabase() {
        return TestDatabases.h2(dir);
    }

    @Override
    protected Database sameDatabase(Database db) {
        // one process opens the embedded file once
        return db;
    }
}
