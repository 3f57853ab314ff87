package dev.returnsync.testkit.contract;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs a contract suite through the JUnit Platform launcher and reports each test method's result: the way to
 * check that a suite catches a deliberately broken implementation (a subclass of the suite over a faulty port).
 */
public final class ContractRun {
    private ContractRun() {
    }

    /**
     * Each test method's result, by method name.
     *
     * @param suite the test class to run, e.g. a concrete contract subclass
     * @return the results, by method name
     */
    public static Map<String, TestExecutionResult> run(Class<?> suite) {
        Map<String, TestExecutionResult> results = new ConcurrentHashMap<>();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest() && id.getSource().orElse(null) instanceof MethodSource method) {
                    results.put(method.getMethodName(), result);
                }
            }
        };
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(suite)).build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, listener);
        return new TreeMap<>(results);
    }

    /**
     * The names of the tests that failed.
     *
     * @param results the results {@link #run} returned
     * @return the failed tests' names
     */
    public static Set<String> failed(Map<String, TestExecutionResult> results) {
        Set<String> failed = new TreeSet<>();
        results.forEach((name, result) -> {
            if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                failed.add(name);
            }
        });
        return failed;
    }
}
