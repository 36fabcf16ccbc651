import type { TestApp } from '../../support/testApp.ts';
import { nationalIdChecksumHolds } from '../../../src/domain/nationalId.ts';
import type { ActingContext } from '../../../src/services/actor.ts';

/** A valid ID/Iqama from nine leading digits: the tenth is the check digit. */
export function validNationalId(first9: string): string {
  for (let digit = 0; digit <= 9; digit++) {
    if (nationalIdChecksumHolds(first9 + digit)) return first9 + digit;
  }
  throw new Error('unreachable');
}

let counter = 0;
export function uniqueNationalId(kind: '1' | '2' = '1'): string {
  counter += 1;
  return validNationalId(kind + String(Date.now() % 1e5).padStart(5, '0') + String(counter).padStart(3, '0'));
}

export async function createBeneficiary(testApp: TestApp, overrides: { nationalId?: string; mobile?: string } = {}) {
  const record = await testApp.data.repositories.beneficiaries.create({
    nationalId: overrides.nationalId ?? uniqueNationalId(),
    mobile: overrides.mobile ?? '+966512345678',
  });
  const context: ActingContext = { kind: 'beneficiary', id: record.id, label: record.nationalId, ip: '127.0.0.1', userAgent: 'test' };
  return { record, context };
}

export const COMPLETE_STEPS = {
  eligibility: { livesInServiceArea: true, city: 'الرياض' },
  personal: { fullName: 'فاطمة علي الزهراني', birthDate: '1985-04-12', nationality: 'saudi', maritalStatus: 'widowed', idExpiryDate: '2029-01-01' },
  contact: { city: 'الرياض', district: 'النسيم', email: null },
  household: {},
  income: { incomeSalary: null, incomeSocialSecurity: 2500, incomePension: null, incomeOther: null, obligationLoans: 800, obligationOther: null },
  housing: { housingType: 'rented', monthlyRent: 1500 },
  support: { supportType: 'rent', needDescription: 'تأخرت في سداد الإيجار ثلاثة أشهر وأحتاج إلى مساعدة.' },
  documents: {},
} as const;

/** A draft with every step answered, ready to sign. */
export async function completedDraft(testApp: TestApp, context: ActingContext, beneficiaryId: number) {
  const applications = testApp.services.applications;
  const started = await applications.startOrResumeDraft(beneficiaryId, 'website', context);
  for (const [step, values] of Object.entries(COMPLETE_STEPS)) {
    await applications.saveStep(started.request.id, step as keyof typeof COMPLETE_STEPS, values, undefined, context);
  }
  return started.request.id;
}

/** What an officer's "return for more information" leaves behind, for tests that do not go through the staff screens. */
export async function addInfoRequest(testApp: TestApp, requestId: number, items: string[]) {
  const { createPrismaClient } = await import('../../../src/data/prismaClient.ts');
  const prisma = await createPrismaClient(testApp.config.databaseUrl);
  await prisma.infoRequest.create({ data: { requestId, items: JSON.stringify(items), requestedById: 1, requestedByRole: 'relations_officer' } });
  await prisma.$disconnect();
}
