import type { DataAccess } from '../data/index.ts';
import type { ActingContext } from './actor.ts';
import { NotFoundError } from './errors.ts';

type BeneficiaryContext = ActingContext & { kind: 'beneficiary' };

/** The beneficiary's own settings: contact e-mail and the sessions their account has open. */
export function profileService(data: DataAccess) {
  const actor = (context: BeneficiaryContext) =>
    ({ actorType: 'beneficiary' as const, actorId: context.id, actorLabel: context.label, ip: context.ip, entityType: 'beneficiary', entityId: context.id });

  return {
    async changeEmail(context: BeneficiaryContext, email: string | null): Promise<void> {
      await data.transaction(async (repositories) => {
        const record = await repositories.beneficiaries.findById(context.id);
        if (!record) throw new NotFoundError();
        if ((record.email ?? null) === email) return;
        await repositories.beneficiaries.update(context.id, { email });
        await repositories.audit.append({ ...actor(context), action: email ? 'beneficiary.email_changed' : 'beneficiary.email_removed' });
      });
    },

    /** Ends every other session of the account (another phone, a shared computer); this one stays. */
    async signOutOtherSessions(context: BeneficiaryContext, currentSid: string): Promise<number> {
      const ended = await data.sessionStore.destroyAllOf({ beneficiaryId: context.id }, { keepSid: currentSid });
      await data.repositories.audit.append({ ...actor(context), action: 'beneficiary.other_sessions_ended', details: { ended } });
      return ended;
    },
  };
}
export type ProfileService = ReturnType<typeof profileService>;
