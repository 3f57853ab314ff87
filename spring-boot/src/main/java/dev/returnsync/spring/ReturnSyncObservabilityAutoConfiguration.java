package dev.returnsync.spring;

import dev.returnsync.spi.store.CaseStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * Metrics (with Micrometer on the classpath) and health (with Spring Boot's health support) of the engine the
 * starter built. Each part is there only when its library is; neither is needed.
 */
@AutoConfiguration(after = ReturnSyncAutoConfiguration.class)
@ConditionalOnBean(CaseStore.class)
public class ReturnSyncObservabilityAutoConfiguration {

    /**
     * The store's outbox figures, asked at most every 5 seconds.
     *
     * @param store the store the engine keeps its cases in
     * @return the sampler the metrics and the health indicator read
     */
    @Bean
    @ConditionalOnMissingBean
    public OutboxSampler returnSyncOutboxSampler(CaseStore store) {
        return new OutboxSampler(store, Clock.systemUTC(), Duration.ofSeconds(5));
    }

    /** Metrics in Micrometer. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class Metrics {
        @Bean
        @ConditionalOnMissingBean
        MicrometerEngineObserver returnSyncMetrics() {
            return new MicrometerEngineObserver();
        }

        @Bean
        OutboxMetrics returnSyncOutboxMetrics(OutboxSampler sampler) {
            return new OutboxMetrics(sampler);
        }
    }

    /** The health indicator, named {@code returnsync}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("returnsync")
    static class HealthCheck {
        @Bean
        @ConditionalOnMissingBean(name = "returnsyncHealthIndicator")
        ReturnSyncHealthIndicator returnsyncHealthIndicator(CaseStore store, OutboxSampler sampler,
                                                           ObjectProvider<ReturnSyncLoop> loop,
                                                           ReturnSyncProperties properties) {
            ReturnSyncLoop running = loop.getIfUnique();
            return new ReturnSyncHealthIndicator(store, sampler, running == null ? null : running.heartbeat(),
                    properties.getHealth());
        }
    }
}
