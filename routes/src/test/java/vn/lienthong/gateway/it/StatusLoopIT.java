package vn.lienthong.gateway.it;

import java.util.List;

/** {@link StatusLoopContract} on the embedded database (the default: nothing to install). */
class StatusLoopIT extends StatusLoopContract {

    @Override
    protected List<String> databaseArgs() {
        return List.of();
    }
}
