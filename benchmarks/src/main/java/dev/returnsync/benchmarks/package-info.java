/**
 * JMH benchmarks of the return workflow, returnsync's pure domain side by side with peer state machines
 * (Spring Statemachine, squirrel-foundation, stateless4j) and a hand-written floor.
 *
 * <p>Every implementation runs the same single-leg happy path ({@link dev.returnsync.benchmarks.Step}) on the
 * same input ({@link dev.returnsync.benchmarks.Scenario}) behind one small interface
 * ({@link dev.returnsync.benchmarks.ReturnFlow}); {@link dev.returnsync.benchmarks.FlowType} picks one by
 * {@code @Param}. Nothing here is deployed; see {@code docs/performance.md}.
 */
package dev.returnsync.benchmarks;
