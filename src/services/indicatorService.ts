import type { Config } from '../config.ts';
import type { DataAccess } from '../data/index.ts';
import { CHANNELS } from '../domain/channels.ts';
import { todayIso } from '../domain/dates.ts';
import { FEEDBACK_STATUSES, type FeedbackKind } from '../domain/suggestionsAndComplaints.ts';
import { ANSWERED_STATUSES, OPEN_WORK_STATUSES, heldAnswersOutsideOpenWork } from '../domain/workInHand.ts';
import { median, percentOf, percentile, wholeDaysBetween } from '../domain/statistics.ts';
import type { Clock } from './clock.ts';

export const INDICATOR_PERIODS = [30, 90, 365] as const;
export type IndicatorPeriod = (typeof INDICATOR_PERIODS)[number];

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * The policy's "quality culture" indicators for managers: work in hand, how long answers take,
 * intake by channel, questions and satisfaction over a chosen period.
 */
export function indicatorService(data: DataAccess, config: Config, clock: Clock) {
  return {
    async summary(periodDays: IndicatorPeriod) {
      const now = clock.now();
      const since = new Date(now.getTime() - periodDays * DAY_MS);
      const overdueCutoff = new Date(now.getTime() - config.overdueAfterDays * DAY_MS);
      const indicators = data.repositories.indicators;
      const [
        byStatus,
        overdue,
        heldAnswers,
        byChannel,
        answers,
        returnedForInformation,
        registered,
        servicesDelivered,
        asked,
        answeredQuestions,
        openQuestions,
        ratings,
        inquiries,
        feedbackCases,
      ] = await Promise.all([
        indicators.countByStatus(OPEN_WORK_STATUSES),
        indicators.overdueWithCommittee(overdueCutoff),
        indicators.awaitingReleaseByStatus(ANSWERED_STATUSES),
        indicators.submittedByChannel(since),
        indicators.answersReleased(since),
        indicators.returnedForInformation(since),
        indicators.registered(since),
        indicators.servicesDelivered(todayIso(since, config.timeZone)),
        indicators.questionsAsked(since),
        indicators.questionsAnswered(since),
        indicators.questionsOpen(),
        indicators.ratings(since),
        indicators.inquiriesByChannel(since),
        indicators.suggestionsAndComplaints(since, now),
      ]);
      const casesOf = (kind: FeedbackKind) => ({
        byStatus: FEEDBACK_STATUSES.map((status) => ({ status, count: feedbackCases.byStatus.find((row) => row.kind === kind && row.status === status)?.count ?? 0 })),
        overdue: feedbackCases.overdue.find((row) => row.kind === kind)?.count ?? 0,
      });

      const daysToAnswer = answers.flatMap((answer) =>
        answer.request.submittedAt && answer.releasedAt
          ? [wholeDaysBetween(answer.request.submittedAt, answer.releasedAt)]
          : [],
      );
      const committeeDays = answers.flatMap((answer) =>
        answer.request.raisedAt
          ? [wholeDaysBetween(answer.request.raisedAt, answer.decidedAt)]
          : [],
      );
      const hoursToAnswerQuestion = answeredQuestions.flatMap((question) =>
        question.answeredAt
          ? [Math.floor((question.answeredAt.getTime() - question.askedAt.getTime()) / HOUR_MS)]
          : [],
      );
      const accepted = answers.filter((answer) => answer.outcome === 'accept').length;
      const submitted = byChannel.reduce((total, row) => total + row.count, 0);
      const backlog = [
        ...OPEN_WORK_STATUSES.map((status) => ({
          status: status as string,
          labelKey: `domain:status.staff.${status}`,
          count: byStatus.find((row) => row.status === status)?.count ?? 0,
        })),
        {
          status: 'rejected_awaiting_release',
          labelKey: 'indicators:backlog.rejectedAwaitingRelease',
          count: heldAnswersOutsideOpenWork(heldAnswers),
        },
      ];
      const awaitingRelease = heldAnswers.reduce((total, row) => total + row.count, 0);

      return {
        periodDays,
        since,
        backlog: {
          byStatus: backlog,
          total: backlog.reduce((total, row) => total + row.count, 0),
          overdueWithCommittee: overdue,
          overdueAfterDays: config.overdueAfterDays,
          awaitingRelease,
        },
        intake: {
          submitted,
          byChannel: CHANNELS.map((channel) => {
            const count = byChannel.find((row) => row.channel === channel)?.count ?? 0;
            return { channel, count, percent: percentOf(count, submitted) };
          }),
        },
        answers: {
          total: answers.length,
          accepted,
          rejected: answers.length - accepted,
          acceptedPercent: percentOf(accepted, answers.length),
          medianDaysToAnswer: median(daysToAnswer),
          p90DaysToAnswer: percentile(daysToAnswer, 0.9),
          medianCommitteeDays: median(committeeDays),
          returnedForInformation,
        },
        registration: { registered, servicesDelivered },
        questions: {
          asked,
          answered: answeredQuestions.length,
          medianHoursToAnswer: median(hoursToAnswerQuestion),
          open: openQuestions,
        },
        satisfaction: ratings,
        contact: {
          inquiriesByChannel: CHANNELS.map((channel) => ({ channel, count: inquiries.find((row) => row.channel === channel)?.count ?? 0 })),
          inquiries: inquiries.reduce((total, row) => total + row.count, 0),
          complaints: casesOf('complaint'),
          suggestions: casesOf('suggestion'),
        },
      };
    },
  };
}
export type IndicatorService = ReturnType<typeof indicatorService>;
export type IndicatorSummary = Awaited<ReturnType<IndicatorService['summary']>>;
