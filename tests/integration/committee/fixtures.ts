import { createPrismaClient } from '../../../src/data/prismaClient.ts';
import { responseWindowOpensAt } from '../../../src/domain/responseWindow.ts';
import { nationalIdChecksumHolds } from '../../../src/domain/nationalId.ts';
import { passwordHasher } from '../../../src/services/passwordHasher.ts';
import type { TestApp } from '../../support/testApp.ts';

let sequence = 0;

/** A national ID that passes the check digit, so the beneficiary can sign in. */
function nextNationalId(): string {
  sequence += 1;
  const body = `1${String(Date.now() % 100_000).padStart(5, '0')}${String(sequence).padStart(3, '0')}`;
  for (let check = 0; check <= 9; check += 1) {
    if (nationalIdChecksumHolds(body + check)) return body + check;
  }
  throw new Error('unreachable: one check digit always fits');
}

export interface RaisedRequestOptions {
  submittedAt?: Date;
  city?: string;
  supportType?: string;
  fullName?: string;
  status?: string;
  mobile?: string;
  email?: string | null;
  /** Gives the beneficiary an online account (verified mobile) with this password. */
  beneficiaryPassword?: string;
}

/**
 * Named fixture: a request the officers have already raised to the committee, written
 * straight to the database so these tests do not depend on the intake screens.
 */
export async function raisedRequest(testApp: TestApp, options: RaisedRequestOptions = {}) {
  const prisma = await createPrismaClient(testApp.config.databaseUrl);
  try {
    const submittedAt = options.submittedAt ?? testApp.clock.now();
    const beneficiary = await prisma.beneficiary.create({
      data: {
        nationalId: nextNationalId(),
        mobile: options.mobile ?? '+966501234567',
        fullName: options.fullName ?? 'سارة محمد العتيبي',
        ...(options.beneficiaryPassword
          ? { passwordHash: await passwordHasher.hash(options.beneficiaryPassword), mobileVerifiedAt: submittedAt, privacyConsentAt: submittedAt, privacyNoticeVersion: '1' }
          : {}),
      },
    });
    sequence += 1;
    const request = await prisma.supportRequest.create({
      data: {
        beneficiaryId: beneficiary.id,
        reference: `MZL-2026-${String(sequence).padStart(6, '0')}`,
        status: options.status ?? 'with_committee',
        channel: 'website',
        fullName: options.fullName ?? 'سارة محمد العتيبي',
        city: options.city ?? 'الرياض',
        district: 'النسيم',
        email: options.email === undefined ? 'sara@example.org' : options.email,
        supportType: options.supportType ?? 'rent',
        needDescription: 'تأخر سداد الإيجار ثلاثة أشهر',
        incomeSalary: 3000,
        housingType: 'rented',
        monthlyRent: 1500,
        submittedAt,
        responseWindowOpensAt: responseWindowOpensAt(submittedAt, testApp.config.responseWindowDays),
        raisedAt: submittedAt,
        householdMembers: { create: [{ fullName: 'ريم العتيبي', relation: 'daughter', birthDate: '2015-04-01' }] },
        verificationLines: { create: [{ item: 'identity', outcome: 'verified', staffId: 1 }] },
      },
    });
    return { requestId: request.id, beneficiaryId: beneficiary.id, reference: request.reference!, nationalId: beneficiary.nationalId };
  } finally {
    await prisma.$disconnect();
  }
}

export async function withPrisma<T>(testApp: TestApp, work: (prisma: Awaited<ReturnType<typeof createPrismaClient>>) => Promise<T>) {
  const prisma = await createPrismaClient(testApp.config.databaseUrl);
  try {
    return await work(prisma);
  } finally {
    await prisma.$disconnect();
  }
}
