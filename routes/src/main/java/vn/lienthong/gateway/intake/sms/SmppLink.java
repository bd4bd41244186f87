package vn.lienthong.gateway.intake.sms;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.component.smpp.SmppConstants;
import org.apache.camel.component.smpp.SmppEndpoint;
import org.apache.camel.support.service.ServiceHelper;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.Session;
import org.jsmpp.session.SessionStateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMPP bind to the operator's SMSC, kept up with exponential back-off. camel-smpp binds and
 * speaks the protocol (enquire-link, PDUs, splitting replies into UDH parts); this class owns the
 * bind's life: it binds at start without failing the gateway when the SMSC is away, and when the bind
 * is lost or refused it waits {@code reconnect-initial-delay}, then twice as long after each failure up
 * to {@code reconnect-max-delay} (camel-smpp's own reconnect retries at a fixed interval, so it is off).
 * <p>
 * Transceiver: one bind; messages arrive through it (to the route {@code intake-sms-smpp}) and replies
 * leave through it. Receiver: messages on a receiver bind, replies on a second, transmitter bind.
 */
public final class SmppLink implements SessionStateListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmppLink.class);

    public enum State { DISABLED, BINDING, BOUND, WAITING }

    private final CamelContext camel;
    private final SmsProperties.Smpp settings;
    private final String intakeRouteId;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("smpp-bind").daemon(true).factory());
    private volatile State state;
    private volatile Producer transmitter;
    private volatile SmppEndpoint transmitterEndpoint;
    private volatile Consumer receiver;
    private Duration nextDelay;
    private int attempts;
    private volatile boolean closed;

    public SmppLink(CamelContext camel, SmsProperties.Smpp settings, String intakeRouteId) {
        this.camel = camel;
        this.settings = settings;
        this.intakeRouteId = intakeRouteId;
        this.state = settings.enabled() ? State.WAITING : State.DISABLED;
        this.nextDelay = settings.reconnectInitialDelay();
    }

    public State state() {
        return state;
    }

    /** Binds now (in the background); the gateway starts whether or not the SMSC answers. */
    public void start() {
        if (settings.enabled()) {
            scheduler.execute(this::bind);
        }
    }

    private synchronized void bind() {
        if (closed || state == State.BOUND) {
            return;
        }
        state = State.BINDING;
        attempts++;
        try {
            SmppEndpoint tx = endpoint();
            if (settings.transceiver()) {
                tx.getConfiguration().setMessageReceiverRouteId(intakeRouteId);
            } else {
                SmppEndpoint rx = endpoint();
                rx.getConfiguration().setAddressRange(settings.addressRange());
                Processor route = exchange -> camel.getRoute(intakeRouteId).getConsumer().getProcessor().process(exchange);
                Consumer consumer = rx.createConsumer(route);
                ServiceHelper.startService(consumer);
                receiver = consumer;
                // the transmitter binds on the first reply
                tx.getConfiguration().setLazySessionCreation(true);
            }
            Producer producer = tx.createProducer();
            ServiceHelper.startService(producer);
            transmitter = producer;
            transmitterEndpoint = tx;
            state = State.BOUND;
            nextDelay = settings.reconnectInitialDelay();
            LOG.info("SMPP {} bind to {}:{} as {} is up (attempt {})", settings.bind(), settings.host(), settings.port(),
                    settings.systemId(), attempts);
            attempts = 0;
        } catch (Exception e) {
            release();
            state = State.WAITING;
            LOG.warn("SMPP bind to {}:{} failed (attempt {}): {}; next attempt in {} ms", settings.host(), settings.port(),
                    attempts, rootMessage(e), nextDelay.toMillis());
            schedule(nextDelay);
            long next = (long) Math.min(settings.reconnectMaxDelay().toMillis(), nextDelay.toMillis() * settings.reconnectMultiplier());
            nextDelay = Duration.ofMillis(Math.max(next, 1));
        }
    }

    /** Told by jSMPP when a session changes state: a closed bind is replaced, after the back-off delay. */
    @Override
    public void onStateChange(SessionState newState, SessionState oldState, Session source) {
        if (newState == SessionState.CLOSED && !closed && state == State.BOUND) {
            state = State.WAITING;
            LOG.warn("SMPP bind to {}:{} lost; rebinding in {} ms", settings.host(), settings.port(), nextDelay.toMillis());
            scheduler.execute(() -> {
                synchronized (this) {
                    release();
                }
                schedule(nextDelay);
            });
        }
    }

    private void schedule(Duration delay) {
        if (!closed) {
            scheduler.schedule(this::bind, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Sends one message through the bind; camel-smpp splits a long text into UDH parts.
     *
     * @throws IOException when there is no bind or the SMSC refuses (the outbox retries)
     */
    public void send(OutboundSms sms) throws Exception {
        Producer producer = transmitter;
        SmppEndpoint endpoint = transmitterEndpoint;
        if (producer == null || endpoint == null || state != State.BOUND) {
            throw new IOException("no SMPP bind (" + state + ")");
        }
        Exchange exchange = endpoint.createExchange();
        var in = exchange.getIn();
        in.setHeader(SmppConstants.DEST_ADDR, List.of(sms.to().startsWith("+") ? sms.to().substring(1) : sms.to()));
        in.setHeader(SmppConstants.DEST_ADDR_TON, TypeOfNumber.INTERNATIONAL.value());
        in.setHeader(SmppConstants.DEST_ADDR_NPI, NumberingPlanIndicator.ISDN.value());
        in.setHeader(SmppConstants.SOURCE_ADDR, sms.from());
        in.setHeader(SmppConstants.SOURCE_ADDR_TON, TypeOfNumber.UNKNOWN.value());
        in.setHeader(SmppConstants.SOURCE_ADDR_NPI, NumberingPlanIndicator.UNKNOWN.value());
        in.setHeader(SmppConstants.ALPHABET, sms.unicode() ? Alphabet.ALPHA_UCS2.value() : Alphabet.ALPHA_DEFAULT.value());
        in.setHeader(SmppConstants.DATA_CODING, sms.unicode() ? (byte) 0x08 : (byte) 0x00);
        in.setBody(sms.text());
        producer.process(exchange);
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
    }

    /**
     * A new endpoint for each bind attempt (not registered in the context, so a failed attempt leaves
     * nothing behind). Credentials are set on the configuration: they never appear in a URI or a log.
     */
    private SmppEndpoint endpoint() throws Exception {
        SmppEndpoint endpoint = (SmppEndpoint) camel.getComponent("smpp")
                .createEndpoint("smpp://" + settings.host() + ":" + settings.port());
        var c = endpoint.getConfiguration();
        c.setSystemId(settings.systemId());
        c.setPassword(settings.password());
        c.setSystemType(settings.systemType());
        c.setEnquireLinkTimer((int) settings.enquireLinkInterval().toMillis());
        c.setTransactionTimer((int) settings.transactionTimeout().toMillis());
        c.setMaxReconnect(0);
        c.setInitialReconnectDelay(0);
        c.setEncoding("UTF-8");
        c.setSplittingPolicy(org.apache.camel.component.smpp.SmppSplittingPolicy.ALLOW);
        c.setSessionStateListener(this);
        ServiceHelper.startService(endpoint);
        return endpoint;
    }

    private void release() {
        Producer producer = transmitter;
        Consumer consumer = receiver;
        transmitter = null;
        transmitterEndpoint = null;
        receiver = null;
        ServiceHelper.stopAndShutdownServices(producer, consumer);
    }

    /** The root cause, without the password (jSMPP quotes field values in its messages). */
    private String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? "" : ": " + t.getMessage();
        if (settings.password() != null && !settings.password().isEmpty()) {
            message = message.replace(settings.password(), "***");
        }
        return t.getClass().getSimpleName() + message;
    }

    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        synchronized (this) {
            release();
        }
    }
}
