/**
 * Contract suites for the ports of {@code returnsync-spi}: abstract JUnit Jupiter classes that an implementation's
 * test extends, providing a fresh instance. {@link dev.returnsync.testkit.contract.CaseStoreContract} checks every
 * guarantee of {@link dev.returnsync.spi.store.CaseStore}. Use the testkit with test scope.
 */
package dev.returnsync.testkit.contract;
