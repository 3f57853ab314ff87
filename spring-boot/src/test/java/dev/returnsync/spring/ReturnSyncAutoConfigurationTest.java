package dev.returnsync.spring;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Guard;
import dev.returnsync.core.domain.Guards;
import dev.returnsync.core.domain.Policy;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.engine.DispatcherConfig;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.notify.Notifier;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.spi.supplier.SupplierRegistry;
import dev.returnsync.testsupport.InMemoryNotifier;
import dev.returnsync.testsupport.SimulatedSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The starter's beans: in memory without a DataSource, the application's beans collected or preferred, properties checked. */
@Timeout(60)
class ReturnSyncAutoConfigurationTest {
    static final SupplierId ACME = SupplierId.of("acme");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ReturnSyncAutoConfiguration.class));

    @Test
    void withoutADataSourceTheEngineKeepsCasesInMemoryAndRunsItsLoopWithTheContext() {
        ReturnSyncEngine[] seen = new ReturnSyncEngine[1];
        runner.withPropertyValues("returnsync.dispatch.batch-size=7", "returnsync.deadlines.after.SHIPPED=3d",
                        "returnsync.deadlines.after.RECEIVED=2d", "returnsync.workflow.settings.region=eu", "returnsync.workflow.reapplication.window=3d",
                        "returnsync.workflow.reapplication.max-rounds=2")
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertInstanceOf(InMemoryCaseStore.class, context.getBean(CaseStore.class));
                    ReturnSyncEngine engine = context.getBean(ReturnSyncEngine.class);
                    assertTrue(engine.isRunning(), "the loop starts with the context");
                    assertTrue(context.getBean(ReturnSyncLoop.class).isRunning());
                    ReturnWorkflow workflow = engine.workflow();
                    assertEquals(Duration.ofDays(3), workflow.deadlines().deadline(LegState.SHIPPED).orElseThrow().after());
                    assertEquals(Duration.ofDays(2), workflow.deadlines().deadline(LegState.RECEIVED).orElseThrow().after());
                    assertEquals(Duration.ofHours(48),
                            workflow.deadlines().deadline(LegState.NEGOTIATING).orElseThrow().after(), "others keep theirs");
                    assertEquals("eu", workflow.settings().get("region"));
                    assertEquals(new dev.returnsync.core.domain.ReapplicationPolicy(Duration.ofDays(3), 2),
                            workflow.reapplication());
                    assertEquals(7, context.getBean(ReturnSyncProperties.class).getDispatch().toConfig().batchSize());
                    seen[0] = engine;
                });
        assertFalse(seen[0].isRunning(), "the loop stops with the context");
    }

    @Test
    void theApplicationsAdaptersNotifierGuardsAndPoliciesAreCollected() {
        runner.withUserConfiguration(HostParts.class).withPropertyValues("returnsync.loop.enabled=false").run(context -> {
            assertNull(context.getStartupFailure());
            assertTrue(context.getBean(SupplierRegistry.class).find(ACME).isPresent());
            ReturnWorkflow workflow = context.getBean(ReturnWorkflow.class);
            assertEquals(List.of(context.getBean(Guard.class)), workflow.guards());
            assertEquals(List.of(context.getBean(Policy.class)), workflow.policies());
            assertFalse(context.containsBean("returnSyncLoop"), "returnsync.loop.enabled=false: no loop");
            assertFalse(context.getBean(ReturnSyncEngine.class).isRunning());
        });
    }

    @Test
    void everyBeanOfTheApplicationIsPreferred() {
        runner.withUserConfiguration(HostBeans.class).run(context -> {
            assertNull(context.getStartupFailure());
            HostBeans host = context.getBean(HostBeans.class);
            assertSame(host.store, context.getBean(CaseStore.class));
            assertSame(host.workflow, context.getBean(ReturnWorkflow.class));
            assertSame(host.suppliers, context.getBean(SupplierRegistry.class));
            assertSame(host.engine, context.getBean(ReturnSyncEngine.class));
            assertSame(host.loop, context.getBean(ReturnSyncLoop.class));
            assertEquals(1, context.getBeansOfType(ReturnSyncEngine.class).size());
        });
    }

    @Test
    void aDatabaseWithoutAStoreStopsTheStartInsteadOfKeepingCasesInMemory() {
        runner.withBean(DataSource.class, () -> dataSourceOf("H2")).run(context -> {
            Throwable failure = context.getStartupFailure();
            assertNotNull(failure);
            assertTrue(rootMessage(failure).contains("no store for the DataSource's database H2"), rootMessage(failure));
        });
        runner.withBean(DataSource.class, () -> dataSourceOf("H2")).withPropertyValues("returnsync.store.type=memory")
                .run(context -> assertInstanceOf(InMemoryCaseStore.class, context.getBean(CaseStore.class)));
    }

    @Test
    void badPropertiesStopTheStartNamingTheProperty() {
        assertRefused("returnsync.dispatch.batch-size", "returnsync.dispatch.batch-size=0");
        assertRefused("returnsync.loop.interval", "returnsync.loop.interval=0s");
        assertRefused("returnsync.dispatch.backoff.jitter", "returnsync.dispatch.backoff.jitter=1.5");
        assertRefused("returnsync.dispatch.backoff.initial must not be longer than returnsync.dispatch.backoff.max",
                "returnsync.dispatch.backoff.initial=2h", "returnsync.dispatch.backoff.max=1h");
        assertRefused("returnsync.deadlines.after may only name states that have a deadline: " + statesWithDeadlines(),
                "returnsync.deadlines.after.DECLINED=1d");
        assertRefused("returnsync.store.schema", "returnsync.store.schema=Robert'); DROP TABLE");
        assertRefused("returnsync.workflow.reapplication.window", "returnsync.workflow.reapplication.window=0s");
        assertRefused("returnsync.workflow.reapplication.max-rounds",
                "returnsync.workflow.reapplication.max-rounds=11");
    }

    /** The states the default policy gives a deadline, as the refusal names them. */
    private static String statesWithDeadlines() {
        return java.util.Arrays.stream(LegState.values())
                .filter(state -> dev.returnsync.core.domain.DeadlinePolicy.ofDefaults().deadline(state).isPresent())
                .map(LegState::name).collect(java.util.stream.Collectors.joining(", "));
    }

    private void assertRefused(String named, String... properties) {
        runner.withPropertyValues(properties).run(context -> {
            Throwable failure = context.getStartupFailure();
            assertNotNull(failure, "refused: " + String.join(", ", properties));
            String message = messages(failure);
            assertTrue(message.contains(named), message);
        });
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    /** A DataSource whose connections say they belong to {@code product}, and do nothing else. */
    static DataSource dataSourceOf(String product) {
        DatabaseMetaData metaData = proxy(DatabaseMetaData.class, "getDatabaseProductName", product);
        Connection connection = proxy(Connection.class, "getMetaData", metaData);
        return proxy(DataSource.class, "getConnection", connection);
    }

    private static <T> T proxy(Class<T> type, String method, Object answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            if (m.getName().equals(method)) {
                return answer;
            }
            if (m.getName().equals("close")) {
                return null;
            }
            throw new UnsupportedOperationException(m.getName());
        }));
    }

    @Configuration(proxyBeanMethods = false)
    static class HostParts {
        @Bean
        SimulatedSupplier acme() {
            return SimulatedSupplier.of(ACME, SimulatedSupplier.Style.NUMBER_IN_REPLY);
        }

        @Bean
        Notifier notifier() {
            return new InMemoryNotifier();
        }

        @Bean
        Guard evidence() {
            return Guards.evidenceForQualityComplaints();
        }

        @Bean
        Policy quiet() {
            return new Policy() {
                @Override
                public String name() {
                    return "quiet";
                }

                @Override
                public List<dev.returnsync.core.domain.Command> react(dev.returnsync.core.domain.ReturnCase after,
                        dev.returnsync.spi.ReturnEvent event, dev.returnsync.core.domain.RuleContext context) {
                    return List.of();
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HostBeans {
        final CaseStore store = new InMemoryCaseStore();
        final ReturnWorkflow workflow = ReturnWorkflow.ofDefaults();
        final SupplierRegistry suppliers = SupplierRegistry.none();
        final ReturnSyncEngine engine = ReturnSyncEngine.builder().store(store)
                .dispatcherConfig(DispatcherConfig.ofDefaults()).build();
        final ReturnSyncLoop loop = new ReturnSyncLoop(engine, null, Duration.ofSeconds(1),
                new LoopHeartbeat(java.time.Clock.systemUTC()));

        @Bean
        CaseStore store() {
            return store;
        }

        @Bean
        ReturnWorkflow workflow() {
            return workflow;
        }

        @Bean
        SupplierRegistry suppliers() {
            return suppliers;
        }

        @Bean
        ReturnSyncEngine engine() {
            return engine;
        }

        @Bean
        ReturnSyncLoop loop() {
            return loop;
        }
    }
}
