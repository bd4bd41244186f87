package vn.lienthong.gateway.intake;

import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.lienthong.gateway.broker.EmbeddedBroker;
import java.util.List;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.GatewayConfigException;
import vn.lienthong.gateway.security.AdminAccess;
import vn.lienthong.gateway.config.GatewayProperties;
import vn.lienthong.gateway.identity.IdentityKeys;
import vn.lienthong.gateway.identity.IdentityProtector;
import vn.lienthong.gateway.intake.rest.RestIntakeProcessor;
import vn.lienthong.gateway.normalize.VietnamesePayloadDecoder;
import vn.lienthong.gateway.normalize.VietnameseRecordNormalizer;
import vn.lienthong.gateway.normalize.PayloadDecoder;
import vn.lienthong.gateway.normalize.RecordNormalizer;
import vn.lienthong.gateway.publish.RecordPublisher;
import vn.lienthong.gateway.security.StrictHeaderFilterStrategy;

/** Assembles the intake pipeline from plain classes. */
@Configuration(proxyBeanMethods = false)
public class IntakeSetup {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    StrictHeaderFilterStrategy strictHeaderFilterStrategy() {
        return new StrictHeaderFilterStrategy();
    }

    @Bean
    PayloadDecoder payloadDecoder() {
        return new VietnamesePayloadDecoder();
    }

    @Bean
    RecordNormalizer recordNormalizer() {
        return new VietnameseRecordNormalizer();
    }

    @Bean(destroyMethod = "close")
    RecordPublisher recordPublisher(ConnectionFactory brokerConnectionFactory, GatewayProperties properties,
            ObjectProvider<EmbeddedBroker> embedded) {
        EmbeddedBroker broker = embedded.getIfAvailable();
        return new RecordPublisher(brokerConnectionFactory, properties.broker().sendTimeout(),
                broker == null ? () -> null : broker::refusal);
    }

    /** The entitled subscribers' keys are read (and the demo key refused in production) at start-up. */
    @Bean
    IdentityProtector identityProtector(GatewayConfig config, GatewayProperties properties) {
        return new IdentityProtector(IdentityKeys.load(config, properties.production()));
    }

    @Bean
    IntakeService intakeService(GatewayConfig config, PayloadDecoder decoder, RecordNormalizer normalizer,
            RecordPublisher publisher, ObjectProvider<IntakeLog> intakeLog, IdentityProtector identityProtector, Clock clock) {
        return new IntakeService(config, SourceMappings.compile(config), decoder, normalizer, new RecordValidator(), publisher,
                intakeLog.getIfAvailable(() -> IntakeLog.NONE), identityProtector, clock);
    }

    @Bean
    AdminAccess adminAccess(GatewayProperties properties, vn.lienthong.gateway.security.oidc.RealmTokens realmTokens) {
        List<String> hashes = properties.admin().apiKeySha256();
        if (properties.production() && hashes.stream().anyMatch(AdminAccess::isDemoHash)) {
            throw new GatewayConfigException(List.of("lienthong.admin.api-key-sha256: the production profile refuses the demo operator key"));
        }
        return new AdminAccess(hashes, realmTokens);
    }

    @Bean
    RestIntakeProcessor restIntakeProcessor(IntakeService intake, GatewayConfig config, GatewayProperties properties,
            vn.lienthong.gateway.security.SourceCallers sourceCallers) {
        return new RestIntakeProcessor(intake, config, properties.intake().maxBodySize(), sourceCallers);
    }
}
