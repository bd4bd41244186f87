package vn.lienthong.gateway.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a configuration problem into a short start-up report instead of a stack trace. */
public class GatewayConfigFailureAnalyzer extends AbstractFailureAnalyzer<GatewayConfigException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, GatewayConfigException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct the files named above (see docs/operator-guide.md) and start the gateway again.", cause);
    }
}
