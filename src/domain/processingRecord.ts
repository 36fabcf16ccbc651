import type { StaffRole } from './roles.ts';
import type { RetentionCategory } from './retention.ts';

/**
 * The record of processing: each category of personal data, the schema fields that hold it, why it
 * is processed, who may read it and which retention rules end it. The admin page is generated from
 * this and the retention table; a unit test checks every field against prisma/schema.prisma.
 */
export interface ProcessingCategory {
  key: string;
  fields: readonly `${string}.${string}`[];
  readers: readonly (StaffRole | 'beneficiary')[];
  retention: readonly RetentionCategory[];
}

const CASEWORK: readonly (StaffRole | 'beneficiary')[] = ['beneficiary', 'relations_officer', 'social_researcher', 'committee_member', 'committee_chair', 'manager'];

export const PROCESSING_RECORD: readonly ProcessingCategory[] = [
  { key: 'identity', fields: ['Beneficiary.nationalId', 'Beneficiary.fullName', 'SupportRequest.fullName', 'SupportRequest.birthDate', 'SupportRequest.nationality', 'SupportRequest.maritalStatus', 'SupportRequest.idExpiryDate'], readers: CASEWORK, retention: ['abandoned_drafts', 'rejected_withdrawn_requests', 'accepted_beneficiary_files'] },
  { key: 'contact', fields: ['Beneficiary.mobile', 'SupportRequest.email', 'SupportRequest.city', 'SupportRequest.district'], readers: ['beneficiary', 'relations_officer', 'social_researcher', 'committee_member', 'committee_chair', 'manager', 'admin'], retention: ['unverified_accounts', 'rejected_withdrawn_requests', 'accepted_beneficiary_files'] },
  { key: 'household', fields: ['HouseholdMember.fullName', 'HouseholdMember.relation', 'HouseholdMember.birthDate', 'HouseholdMember.nationalId', 'HouseholdMember.monthlyIncome'], readers: CASEWORK, retention: ['rejected_withdrawn_requests', 'accepted_beneficiary_files'] },
  { key: 'financial', fields: ['SupportRequest.incomeSalary', 'SupportRequest.incomeSocialSecurity', 'SupportRequest.incomePension', 'SupportRequest.incomeOther', 'SupportRequest.obligationLoans', 'SupportRequest.obligationOther', 'SupportRequest.housingType', 'SupportRequest.monthlyRent', 'SupportRequest.iban'], readers: CASEWORK, retention: ['rejected_withdrawn_requests', 'accepted_beneficiary_files'] },
  { key: 'need', fields: ['SupportRequest.supportType', 'SupportRequest.needDescription', 'Referral.findings', 'VerificationLine.note'], readers: CASEWORK, retention: ['rejected_withdrawn_requests', 'accepted_beneficiary_files'] },
  { key: 'documents', fields: ['RequestDocument.originalName', 'RequestDocument.storageKey', 'Declaration.signatureName', 'Declaration.ip'], readers: CASEWORK, retention: ['documents_after_decision', 'rejected_withdrawn_requests', 'accepted_beneficiary_files'] },
  { key: 'support', fields: ['Decision.amount', 'Decision.approvedSupportType', 'ServiceDelivery.amount', 'ServiceDelivery.deliveredOn', 'Beneficiary.fileNumber'], readers: ['beneficiary', 'relations_officer', 'committee_member', 'committee_chair', 'manager'], retention: ['accepted_beneficiary_files'] },
  { key: 'messages', fields: ['Notification.recipient', 'Notification.body'], readers: ['beneficiary', 'admin'], retention: ['message_bodies'] },
  { key: 'questions', fields: ['BeneficiaryQuestion.question', 'BeneficiaryQuestion.answer', 'Inquiry.subject', 'Inquiry.answer', 'ServiceRating.comment'], readers: ['beneficiary', 'relations_officer', 'manager'], retention: ['rejected_withdrawn_requests', 'accepted_beneficiary_files'] },
  { key: 'consent', fields: ['Beneficiary.privacyConsentAt', 'Beneficiary.privacyNoticeVersion', 'ConsentRecord.granted', 'DataRequest.details', 'DataRequest.answer'], readers: ['beneficiary', 'relations_officer', 'manager'], retention: ['audit_entries'] },
  { key: 'security', fields: ['Session.data', 'AuditEntry.actorLabel', 'AuditEntry.ip', 'AuditEntry.details'], readers: ['admin', 'manager'], retention: ['sessions', 'audit_entries'] },
  // The beneficiary reads their own part of it on "my data": the role and the day, not the person or the address.
  { key: 'access', fields: ['AccessLog.staffId', 'AccessLog.role', 'AccessLog.resource', 'AccessLog.at', 'AccessLog.ip'], readers: ['beneficiary', 'admin', 'manager'], retention: ['access_logs'] },
];
