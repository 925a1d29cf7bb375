/**
 * What Nurture tells its processes: every message is written to the engine outbox in the
 * transaction of the change it reports ({@link io.nurture.orchestration.ProcessMessages}) and
 * published after commit, in order per correlation key, by the {@link io.nurture.orchestration.EngineRelay}.
 */
package io.nurture.orchestration;
