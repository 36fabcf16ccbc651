import type { Logger } from './logger.ts';
import type { Services } from './services/index.ts';

interface Job {
  name: string;
  intervalMs: number;
  run: () => Promise<unknown>;
}

/** Background work (outbox delivery, decision release) on timers; each run is idempotent. */
export function startBackgroundJobs(services: Services, logger: Logger): () => void {
  const jobs: Job[] = [
    { name: 'outbox', intervalMs: services.config.outboxIntervalMs, run: () => services.notifications.deliverDue() },
    { name: 'decision-release', intervalMs: services.config.releaseJobIntervalMs, run: () => services.decisionRelease.releaseDue() },
    { name: 'account-sweep', intervalMs: 15 * 60_000, run: () => services.beneficiaryAccounts.sweepLapsed() },
    { name: 'deadline-reminders', intervalMs: 60 * 60_000, run: () => services.deadlineReminders.sendDue() },
    { name: 'retention', intervalMs: services.config.retentionJobIntervalMs, run: () => services.retention.applyAll() },
    { name: 'draft-reminders', intervalMs: 3_600_000, run: () => services.draftReminders.sendDue() },
  ];
  const timers = jobs.map((job) => {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        await job.run();
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
