import type { Logger } from './logger.ts';
import type { Services } from './services/index.ts';

export interface Job {
  name: string;
  intervalMs: number;
  run: () => Promise<unknown>;
}

export function backgroundJobs(services: Services): Job[] {
  return [
    { name: 'outbox', intervalMs: services.config.outboxIntervalMs, run: () => services.notifications.deliverDue() },
    { name: 'decision-release', intervalMs: services.config.releaseJobIntervalMs, run: () => services.decisionRelease.releaseDue() },
    { name: 'account-sweep', intervalMs: 15 * 60_000, run: () => services.beneficiaryAccounts.sweepLapsed() },
    { name: 'deadline-reminders', intervalMs: 60 * 60_000, run: () => services.deadlineReminders.sendDue() },
    { name: 'retention', intervalMs: services.config.retentionJobIntervalMs, run: () => services.retention.applyAll() },
    { name: 'draft-reminders', intervalMs: 3_600_000, run: () => services.draftReminders.sendDue() },
  ];
}

/**
 * One run of a job, unless another instance is running it now (PostgreSQL advisory lock): every instance runs the
 * timers, one at a time does the work, so a message is sent once. Returns whether this instance ran it.
 */
export function runJob(services: Services, job: Job): Promise<boolean> {
  return services.runExclusively(job.name, job.run);
}

/** Background work (outbox delivery, decision release, account sweep, retention) on timers; each run is idempotent. */
export function startBackgroundJobs(services: Services, logger: Logger): () => void {
  const jobs = backgroundJobs(services);
  const timers = jobs.map((job) => {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        await runJob(services, job);
      } catch (error) {
        logger.error({ err: error, job: job.name }, 'background job failed');
      } finally {
        running = false;
      }
    };
    void tick();
    return setInterval(tick, job.intervalMs);
  });
  return () => timers.forEach(clearInterval);
}
