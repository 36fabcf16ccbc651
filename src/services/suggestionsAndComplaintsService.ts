import type { Config } from '../config.ts';
import type { DataAccess } from '../data/index.ts';
import { parseSaudiMobile } from '../domain/mobile.ts';
import {
  chooseOwner,
  FEEDBACK_MESSAGE_MAX_LENGTH,
  FEEDBACK_NAME_MAX_LENGTH,
  feedbackReference,
  isFeedbackKind,
  isOverdue,
  respondBy,
} from '../domain/suggestionsAndComplaints.ts';
import type { FieldError } from '../routes/forms.ts';
import { auditActor, type ActingContext } from './actor.ts';
import { requireStaff } from './caseworkSupport.ts';
import type { Clock } from './clock.ts';
import type { NotificationService } from './notificationService.ts';

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

export type SendOutcome = { ok: true; reference: string } | { ok: false; errors: FieldError[] };

/** Suggestions and complaints from beneficiaries and visitors: a reference, an owner, a deadline and a reply. */
export function suggestionsAndComplaintsService(data: DataAccess, config: Config, clock: Clock, notifications: NotificationService) {
  return {
    async send(input: { kind: unknown; message: unknown; name: unknown; mobile: unknown }, context: ActingContext): Promise<SendOutcome> {
      const errors: FieldError[] = [];
      if (!isFeedbackKind(input.kind)) errors.push({ field: 'kind', code: 'feedback:errors.kindRequired' });
      const message = text(input.message);
      if (message === '') errors.push({ field: 'message', code: 'feedback:errors.messageRequired' });
      else if ([...message].length > FEEDBACK_MESSAGE_MAX_LENGTH) errors.push({ field: 'message', code: 'feedback:errors.messageTooLong' });
      const name = text(input.name).replace(/\s+/gu, ' ');
      if ([...name].length > FEEDBACK_NAME_MAX_LENGTH) errors.push({ field: 'name', code: 'feedback:errors.nameTooLong' });
      let mobile: string | null = null;
      if (text(input.mobile) !== '') {
        const parsed = parseSaudiMobile(input.mobile);
        if (parsed.ok) mobile = parsed.e164;
        else errors.push({ field: 'mobile', code: 'feedback:errors.mobileInvalid' });
      }
      if (errors.length > 0 || !isFeedbackKind(input.kind)) return { ok: false, errors };
      const kind = input.kind;
      return data.transaction(async (repositories) => {
        const now = clock.now();
        const managers = await repositories.staff.listActiveWithRole('manager');
        const loads = await repositories.feedback.openCountsByOwner(managers.map((manager) => manager.id));
        const ownerStaffId = chooseOwner(managers.map((manager) => ({ id: manager.id, openCount: loads.find((load) => load.id === manager.id)?.count ?? 0 })));
        const beneficiaryId = context.kind === 'beneficiary' ? context.id : null;
        const beneficiary = beneficiaryId ? await repositories.beneficiaries.findById(beneficiaryId) : null;
        const created = await repositories.feedback.addSuggestionOrComplaint(
          { kind, message, beneficiaryId, name: name || null, mobile: mobile ?? beneficiary?.mobile ?? null, ownerStaffId, receivedAt: now, respondBy: respondBy(kind, now) },
          (id) => feedbackReference(config.referencePrefix, kind, id),
        );
        await repositories.audit.append({
          ...auditActor(context),
          action: `${kind}.received`,
          entityType: kind,
          entityId: created.id,
          visibleToBeneficiary: false,
          details: { reference: created.reference, ownerStaffId },
          at: now,
        });
        return { ok: true as const, reference: created.reference ?? '' };
      });
    },

    findByReference: (reference: string) => data.repositories.feedback.findSuggestionOrComplaintByReference(reference),

    async list() {
      const items = await data.repositories.feedback.suggestionsAndComplaints();
      const now = clock.now();
      const staffNames = await data.repositories.casework.staffNames(items.flatMap((item) => (item.ownerStaffId ? [item.ownerStaffId] : [])));
      return { items: items.map((item) => ({ ...item, overdue: isOverdue(item, now) })), staffNames };
    },

    async get(id: number) {
      const item = await data.repositories.feedback.findSuggestionOrComplaint(id);
      if (!item) return null;
      const staffNames = await data.repositories.casework.staffNames([item.ownerStaffId ?? 0, item.repliedById ?? 0]);
      return { item: { ...item, overdue: isOverdue(item, clock.now()) }, staffNames };
    },

    /** The reply, told to the sender by SMS when they left a number. */
    async reply(id: number, replyText: unknown, context: ActingContext): Promise<{ ok: true } | { ok: false; status: 400 | 404 | 409; errors: FieldError[] }> {
      const staff = requireStaff(context);
      const reply = text(replyText);
      if (reply === '') return { ok: false, status: 400, errors: [{ field: 'reply', code: 'feedback:errors.replyRequired' }] };
      if ([...reply].length > FEEDBACK_MESSAGE_MAX_LENGTH) return { ok: false, status: 400, errors: [{ field: 'reply', code: 'feedback:errors.messageTooLong' }] };
      return data.transaction(async (repositories) => {
        const item = await repositories.feedback.findSuggestionOrComplaint(id);
        if (!item) return { ok: false as const, status: 404 as const, errors: [] };
        const now = clock.now();
        if (!(await repositories.feedback.replyToSuggestionOrComplaint(id, { reply, repliedById: staff.id, repliedAt: now }))) {
          return { ok: false as const, status: 409 as const, errors: [{ field: 'reply', code: 'feedback:errors.replyAlreadySent' }] };
        }
        await repositories.audit.append({
          ...auditActor(context),
          action: `${item.kind}.answered`,
          entityType: item.kind,
          entityId: id,
          visibleToBeneficiary: false,
          details: { reference: item.reference },
          at: now,
        });
        if (item.mobile) {
          await notifications.enqueue(repositories, {
            template: 'feedbackAnswered',
            params: { reference: item.reference ?? '', reply },
            beneficiaryId: item.beneficiaryId,
            mobile: item.mobile,
            email: null,
            dedupeKey: `feedback-answered:${id}`,
          });
        }
        return { ok: true as const };
      });
    },
  };
}
export type SuggestionsAndComplaintsService = ReturnType<typeof suggestionsAndComplaintsService>;
