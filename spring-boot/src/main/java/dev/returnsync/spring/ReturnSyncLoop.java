package dev.returnsync.spring;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.engine.LoopScheduler;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import java.time.Duration;

/**
 * Runs the engine's background loop (deadlines, then outbox work) with the application context: on the
 * application's {@link TaskScheduler} when it has one, else on a scheduler thread of its own. Started last and
 * stopped first, while the store is still there; stopping waits for a run in progress (up to 10 seconds), so work
 * the run claimed is finished. Work still in progress after that stays leased to this application until its lease
 * ends; then any engine on the same store takes it over, so nothing is lost.
 */
public final class ReturnSyncLoop implements SmartLifecycle {
    private final ReturnSyncEngine engine;
    private final TaskScheduler hostScheduler;
    private final Duration interval;
    private final LoopHeartbeat heartbeat;
    private ThreadPoolTaskScheduler ownScheduler;

    /** The loop of {@code engine}, every {@code interval}, on {@code hostScheduler} or, when null, its own. */
    ReturnSyncLoop(ReturnSyncEngine engine, TaskScheduler hostScheduler, Duration interval, LoopHeartbeat heartbeat) {
        this.engine = engine;
        this.hostScheduler = hostScheduler;
        this.interval = interval;
        this.heartbeat = heartbeat;
    }

    @Override
    public synchronized void start() {
        if (engine.isRunning()) {
            return;
        }
        TaskScheduler scheduler = hostScheduler;
        if (scheduler == null) {
            ownScheduler = new ThreadPoolTaskScheduler();
            ownScheduler.setThreadNamePrefix("returnsync-loop-");
            ownScheduler.setDaemon(true);
            ownScheduler.initialize();
            scheduler = ownScheduler;
        }
        TaskScheduler chosen = scheduler;
        LoopScheduler loop = (task, delay) -> chosen.scheduleWithFixedDelay(heartbeat.around(task), delay);
        heartbeat.started();
        engine.start(loop, interval);
    }

    @Override
    public synchronized void stop() {
        engine.stop();
        heartbeat.stopped();
        if (ownScheduler != null) {
            ownScheduler.shutdown();
            ownScheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return engine.isRunning();
    }

    /** {@return the heartbeat of the loop's runs} */
    public LoopHeartbeat heartbeat() {
        return heartbeat;
    }
}
