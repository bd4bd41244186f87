package vn.lienthong.gateway.intake.sms;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import vn.lienthong.gateway.broker.BrokerAddresses;
import vn.lienthong.gateway.intake.rest.RestProblems;

/**
 * The SMS channel: Kannel's callback, messages from the SMPP bind, and the outbox that sends every
 * reply and notification.
 */
@Component
public class SmsRoutes extends RouteBuilder {

    /** The route the SMPP bind hands {@code deliver_sm} to. */
    public static final String SMPP_INTAKE_ROUTE = "intake-sms-smpp";
    /** Name of the second Camel servlet, mapped at {@code /sms/*}. */
    public static final String SERVLET = "SmsCamelServlet";

    private final KannelIntakeProcessor kannel;
    private final SmppInbound smpp;
    private final SmsSender sender;
    private final SmsProperties properties;

    public SmsRoutes(KannelIntakeProcessor kannel, SmppInbound smpp, SmsSender sender, SmsProperties properties) {
        this.kannel = kannel;
        this.smpp = smpp;
        this.sender = sender;
        this.properties = properties;
    }

    @Override
    public void configure() {
        // GET (get-url) and POST (post-url) /sms/kannel/{sourceId}; problems answered as for REST, so
        // smsbox sees a non-2xx status and retries
        from("servlet:/kannel?servletName=" + SERVLET + "&matchOnUriPrefix=true&httpMethodRestrict=GET,POST&chunked=false"
                + "&headerFilterStrategy=#strictHeaderFilterStrategy")
                .routeId("intake-sms-kannel")
                .routeConfigurationId(RestProblems.ID)
                .process(kannel::handle);

        // deliver_sm from the bind (SmppLink); an exception becomes an error deliver_sm_resp and the
        // SMSC delivers the message again
        from("direct:" + SMPP_INTAKE_ROUTE)
                .routeId(SMPP_INTAKE_ROUTE)
                // one line with the cause; never the exchange's headers (they carry the sender's number)
                .errorHandler(defaultErrorHandler().logExhaustedMessageHistory(false).logStackTrace(false))
                .process(smpp::process);

        // one local JMS transaction per outbox message (on the consumer's cached session; a Spring
        // transaction manager would open a connection per message): a failed send rolls back and the
        // broker redelivers it after its redelivery delay (lienthong.sms.outbound address settings)
        from("jms:queue:" + BrokerAddresses.SMS_OUTBOUND + "?connectionFactory=#brokerConnectionFactory"
                + "&transacted=true&lazyCreateTransactionManager=false&cacheLevelName=CACHE_CONSUMER"
                + "&concurrentConsumers=" + properties.outbound().concurrency()
                + "&maxConcurrentConsumers=" + properties.outbound().concurrency()
                + "&headerFilterStrategy=#strictHeaderFilterStrategy"
                // one WARN line per failed attempt (the cause, never the number); redelivery follows
                + "&errorHandlerLoggingLevel=WARN&errorHandlerLogStackTrace=false")
                .routeId("deliver-sms-outbound")
                .errorHandler(defaultErrorHandler().logExhausted(false).logStackTrace(false))
                .process(exchange -> sender.deliver(BrokerSmsQueues.outbound(exchange.getIn().getBody(byte[].class))));

        if (properties.smpp().enabled()) {
            // parts stored by a gateway that stopped before the message was whole
            from("timer:sms-fragments?delay=5000&period=30000")
                    .routeId("intake-sms-smpp-sweep")
                    .process(exchange -> smpp.sweep(properties.fragmentTimeout()));
        }
    }
}
