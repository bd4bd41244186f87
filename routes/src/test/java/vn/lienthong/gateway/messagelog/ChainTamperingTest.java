package vn.lienthong.gateway.messagelog;

import java.nio.file.Files;

/** {@link ChainTamperingContract} on the embedded H2 file database. */
class ChainTamperingTest extends ChainTamperingContract {

    @Override
    protected Database newDatabase() throws Exception {
        return TestDatabases.h2(Files.createTempDirectory("lienthong-chain"));
    }
}
