package vn.lienthong.gateway.config;

import java.util.List;

/** The operator's configuration cannot be used; the message names every file and problem found. */
public class GatewayConfigException extends RuntimeException {

    private final List<String> problems;

    public GatewayConfigException(List<String> problems) {
        super("gateway configuration has " + problems.size() + " problem(s):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
