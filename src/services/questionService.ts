import type { DataAccess, Repositories } from '../data/index.ts';
import { auditActor, type ActingContext } from './actor.ts';
import type { Clock } from './clock.ts';
import type { NotificationService } from './notificationService.ts';

export type QuestionOutcome = { ok: true; id: number } | { ok: false; status: 404 | 409 | 422; field: string; code: string };

export function questionService(data: DataAccess, clock: Clock, notifications: NotificationService) {
  async function withAskers(questions: NonNullable<Awaited<ReturnType<Repositories['feedback']['findQuestion']>>>[]) {
    const beneficiaries = await data.repositories.feedback.beneficiariesByIds([...new Set(questions.map((question) => question.beneficiaryId))]);
    const requests = await data.repositories.feedback.requestsByIds(questions.flatMap((question) => (question.requestId ? [question.requestId] : [])));
    return questions.map((question) => {
      const beneficiary = beneficiaries.find((row) => row.id === question.beneficiaryId);
      return {
        ...question,
        beneficiaryName: beneficiary?.fullName ?? null,
        nationalId: beneficiary?.nationalId ?? '',
        reference: requests.find((request) => request.id === question.requestId)?.reference ?? null,
      };
    });
  }

  return {
    async ask(context: ActingContext & { kind: 'beneficiary' }, input: { question: string; requestId: number | null }): Promise<QuestionOutcome> {
      return data.transaction(async (repositories): Promise<QuestionOutcome> => {
        if (input.requestId != null) {
          const target = await repositories.feedback.ratingTarget(input.requestId);
          // Someone else's request reads as an unknown choice, so request ids cannot be probed.
          if (!target || target.beneficiaryId !== context.id) return { ok: false, status: 422, field: 'requestId', code: 'feedback:errors.requestUnknown' };
        }
        const question = await repositories.feedback.addQuestion({ beneficiaryId: context.id, requestId: input.requestId, question: input.question, askedAt: clock.now() });
        await repositories.audit.append({
          ...auditActor(context),
          action: 'question.asked',
          entityType: 'question',
          entityId: question.id,
          requestId: input.requestId,
          visibleToBeneficiary: input.requestId != null,
          at: question.askedAt,
        });
        return { ok: true, id: question.id };
      });
    },

    async listForBeneficiary(beneficiaryId: number) {
      const questions = await data.repositories.feedback.questionsOf(beneficiaryId);
      const requests = await data.repositories.feedback.requestsByIds(questions.flatMap((question) => (question.requestId ? [question.requestId] : [])));
      return questions.map((question) => ({ ...question, reference: requests.find((request) => request.id === question.requestId)?.reference ?? null }));
    },

    /** Oldest first, so nobody waits behind newer questions. */
    unanswered: async () => withAskers(await data.repositories.feedback.unansweredQuestions()),

    /** A still-open question with who asked it, for the answer form; null once answered. */
    async openQuestion(id: number) {
      const question = await data.repositories.feedback.findQuestion(id);
      return question && !question.answeredAt ? ((await withAskers([question]))[0] ?? null) : null;
    },

    async answer(context: ActingContext & { kind: 'staff' }, id: number, answer: string): Promise<QuestionOutcome> {
      return data.transaction(async (repositories): Promise<QuestionOutcome> => {
        const question = await repositories.feedback.findQuestion(id);
        if (!question) return { ok: false, status: 404, field: 'answer', code: 'feedback:errors.questionNotFound' };
        const answeredAt = clock.now();
        const answered = await repositories.feedback.answerQuestion(id, { answer, answeredById: context.id, answeredAt });
        if (!answered) return { ok: false, status: 409, field: 'answer', code: 'feedback:errors.alreadyAnswered' };
        await repositories.audit.append({
          ...auditActor(context),
          action: 'question.answered',
          entityType: 'question',
          entityId: id,
          requestId: question.requestId,
          visibleToBeneficiary: question.requestId != null,
          at: answeredAt,
        });
        const [beneficiary] = await repositories.feedback.beneficiariesByIds([question.beneficiaryId]);
        const [request] = question.requestId ? await repositories.feedback.requestsByIds([question.requestId]) : [];
        await notifications.enqueue(repositories, {
          template: 'questionAnswered',
          params: {},
          beneficiaryId: question.beneficiaryId,
          mobile: beneficiary?.mobile ?? null,
          email: request?.email ?? null,
          dedupeKey: `question-answered:${id}`,
        });
        return { ok: true, id };
      });
    },
  };
}
