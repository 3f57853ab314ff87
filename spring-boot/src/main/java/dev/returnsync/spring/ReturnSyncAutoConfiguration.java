package dev.returnsync.spring;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Guard;
import dev.returnsync.core.domain.Policy;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.engine.EngineConfig;
import dev.returnsync.core.engine.EngineObserver;
import dev.returnsync.spi.notify.Notifier;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.spi.supplier.SupplierAdapter;
import dev.returnsync.spi.supplier.SupplierRegistry;
import dev.returnsync.store.mysql.MySqlCaseStore;
import dev.returnsync.store.postgres.PostgresCaseStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * The engine in a Spring Boot application. Every bean gives way to one of the application's own
 * ({@code @ConditionalOnMissingBean}):
 * <ul>
 *   <li>the {@link CaseStore}: the store of the application's {@link DataSource} (by the database it reports), or
 *       in memory without one ({@code returnsync.store.*});</li>
 *   <li>the {@link ReturnWorkflow}, with the application's {@link Guard} and {@link Policy} beans, in their order,
 *       the deadlines of {@code returnsync.deadlines.after.*} and the settings of
 *       {@code returnsync.workflow.settings.*};</li>
 *   <li>the {@link SupplierRegistry} of the application's {@link SupplierAdapter} beans;</li>
 *   <li>the {@link ReturnSyncEngine}, with the application's {@link Notifier} (one at most; the engine logs
 *       notifications without one), its {@link EngineObserver} beans, and its {@link Clock} bean if it has one;</li>
 *   <li>the {@link ReturnSyncLoop} on the application's task scheduler, unless {@code returnsync.loop.enabled} is
 *       false.</li>
 * </ul>
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(ReturnSyncProperties.class)
public class ReturnSyncAutoConfiguration {

    /**
     * The store of the application's DataSource, or in memory.
     *
     * @param dataSource the application's DataSource; without a single one the store is in memory
     * @param factories  the stores that can be built on a DataSource, one of which must support its database
     * @param properties the validated properties, whose {@code returnsync.store.*} choose and set up the store
     * @return the store the engine keeps its cases in
     */
    @Bean
    @ConditionalOnMissingBean
    public CaseStore returnSyncCaseStore(ObjectProvider<DataSource> dataSource,
                                         ObjectProvider<DataSourceStoreFactory> factories,
                                         ReturnSyncProperties properties) {
        return new StoreSelector(factories.orderedStream().toList())
                .select(dataSource.getIfUnique(), properties.getStore());
    }

    /**
     * The workflow with the application's guards, policies, deadlines and settings.
     *
     * @param guards     the application's guards, applied in their order
     * @param policies   the application's policies, applied in their order
     * @param properties the validated properties, whose {@code returnsync.deadlines.after.*},
     *                   {@code returnsync.workflow.reapplication.*} and {@code returnsync.workflow.settings.*} set the
     *                   deadlines, the re-application policy and the settings
     * @return the workflow
     */
    @Bean
    @ConditionalOnMissingBean
    public ReturnWorkflow returnSyncWorkflow(ObjectProvider<Guard> guards, ObjectProvider<Policy> policies,
                                             ReturnSyncProperties properties) {
        ReturnWorkflow.Builder workflow = ReturnWorkflow.builder()
                .deadlines(properties.getDeadlines().toPolicy())
                .reapplication(properties.getWorkflow().getReapplication().toPolicy())
                .settings(properties.getWorkflow().getSettings());
        guards.orderedStream().forEach(workflow::guard);
        policies.orderedStream().forEach(workflow::policy);
        return workflow.build();
    }

    /**
     * The application's supplier adapters.
     *
     * @param adapters the application's supplier adapters, none or several
     * @return the registry of those adapters, by supplier
     */
    @Bean
    @ConditionalOnMissingBean
    public SupplierRegistry returnSyncSuppliers(ObjectProvider<SupplierAdapter> adapters) {
        return SupplierRegistry.of(adapters.orderedStream().toList());
    }

    /**
     * The engine.
     *
     * @param store      the store the engine keeps its cases in
     * @param workflow   the workflow the engine runs
     * @param suppliers  the suppliers the engine talks to
     * @param notifier   the application's notifier; without one the engine logs notifications
     * @param observers  the application's observers, told in their order
     * @param clock      the application's clock; without one the engine uses the system's UTC clock
     * @param properties the validated properties, whose {@code returnsync.dispatch.*}, {@code returnsync.fold-cache.*}
     *                   and {@code returnsync.deadlines.batch-size} configure the engine
     * @return the engine, not started
     */
    @Bean
    @ConditionalOnMissingBean
    public ReturnSyncEngine returnSyncEngine(CaseStore store, ReturnWorkflow workflow, SupplierRegistry suppliers,
                                             ObjectProvider<Notifier> notifier,
                                             ObjectProvider<EngineObserver> observers, ObjectProvider<Clock> clock,
                                             ReturnSyncProperties properties) {
        ReturnSyncEngine.Builder engine = ReturnSyncEngine.builder().store(store).workflow(workflow)
                .suppliers(suppliers)
                .observer(EngineObservers.of(observers.orderedStream().toList()))
                .dispatcherConfig(properties.getDispatch().toConfig())
                .engineConfig(EngineConfig.custom().foldCacheSize(properties.getFoldCache().getSize())
                        .deadlineBatchSize(properties.getDeadlines().getBatchSize()).build());
        notifier.ifAvailable(engine::notifier);
        clock.ifAvailable(engine::clock);
        return engine.build();
    }

    /**
     * The background loop, started and stopped with the application context.
     *
     * @param engine     the engine whose loop this is
     * @param scheduler  the application's task scheduler; without a single one the loop runs on a thread of its own
     * @param properties the validated properties, whose {@code returnsync.loop.interval} is the pause between runs
     * @return the loop, not started
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "returnsync.loop", name = "enabled", havingValue = "true", matchIfMissing = true)
    public ReturnSyncLoop returnSyncLoop(ReturnSyncEngine engine, ObjectProvider<TaskScheduler> scheduler,
                                         ReturnSyncProperties properties) {
        return new ReturnSyncLoop(engine, scheduler.getIfUnique(), properties.getLoop().getInterval(),
                new LoopHeartbeat(Clock.systemUTC()));
    }

    /** The MySQL and MariaDB store, when its module is on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MySqlCaseStore.class)
    static class MySqlStoreConfiguration {
        @Bean
        DataSourceStoreFactory returnSyncMySqlStoreFactory() {
            return new MySqlStoreFactory();
        }
    }

    /** The PostgreSQL store, when its module is on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(PostgresCaseStore.class)
    static class PostgresStoreConfiguration {
        @Bean
        DataSourceStoreFactory returnSyncPostgresStoreFactory() {
            return new PostgresStoreFactory();
        }
    }
}
