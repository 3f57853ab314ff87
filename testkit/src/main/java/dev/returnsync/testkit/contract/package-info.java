/**
 * Contract suites for the ports of {@code returnsync-spi}: abstract JUnit Jupiter classes that an implementation's
 * test extends, providing a fresh instance and a few hooks, layered by capability.
 * <ul>
 *   <li>{@link dev.returnsync.testkit.contract.CaseStoreContract}: every guarantee of
 *       {@link dev.returnsync.spi.store.CaseStore};</li>
 *   <li>{@link dev.returnsync.testkit.contract.NotifierContract}, and
 *       {@link dev.returnsync.testkit.contract.FailingNotifierContract} for notifiers that can be made to fail;</li>
 *   <li>{@link dev.returnsync.testkit.contract.SupplierAdapterContract}, with
 *       {@link dev.returnsync.testkit.contract.PollingSupplierAdapterContract} for pull-only suppliers and
 *       {@link dev.returnsync.testkit.contract.SupplierAdapterFaultContract} for the behaviour under
 *       {@link dev.returnsync.testkit.contract.SupplierFault faults}.</li>
 * </ul>
 * Use the testkit with test scope.
 */
package dev.returnsync.testkit.contract;
