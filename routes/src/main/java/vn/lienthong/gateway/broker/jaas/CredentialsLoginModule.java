package vn.lienthong.gateway.broker.jaas;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

/**
 * What the broker's login modules share: reading the user and password the broker hands over, and
 * the JAAS bookkeeping of the principals a successful login adds to the subject (and removes again
 * at logout). A module decides in {@link #login()} and names its principals in {@link #granted()}.
 */
abstract class CredentialsLoginModule implements LoginModule {

    /** The user name and password of a connection; either may be null. */
    record Credentials(String user, char[] password) {
    }

    private Subject subject;
    private CallbackHandler handler;
    private final List<Principal> added = new ArrayList<>();

    @Override
    public final void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.handler = callbackHandler;
        configure(options);
    }

    /** Reads the module's options from the JAAS configuration. */
    abstract void configure(Map<String, ?> options);

    /** The principals the last successful login grants; null when it did not succeed. */
    abstract List<Principal> granted();

    /** Forgets the outcome of the last login. */
    abstract void forget();

    final Credentials credentials() throws LoginException {
        NameCallback name = new NameCallback("user");
        PasswordCallback password = new PasswordCallback("password", false);
        try {
            handler.handle(new Callback[] {name, password});
        } catch (Exception e) {
            throw new LoginException("cannot read the credentials: " + e.getMessage());
        }
        char[] secret = password.getPassword();
        password.clearPassword();
        return new Credentials(name.getName(), secret);
    }

    @Override
    public final boolean commit() {
        List<Principal> granted = granted();
        if (granted == null) {
            return false;
        }
        added.addAll(granted);
        subject.getPrincipals().addAll(added);
        return true;
    }

    @Override
    public final boolean abort() {
        forget();
        return true;
    }

    @Override
    public final boolean logout() {
        subject.getPrincipals().removeAll(added);
        added.clear();
        forget();
        return true;
    }
}
