import type { Request } from 'express';
import { MY_DATA_SECTIONS, type MyData, type MyDataSection } from '../../services/myDataService.ts';
import { dualDate } from '../apply/dualDate.ts';

export interface RecordView {
  title: string;
  rows: { key: string; value: string | null }[];
  /** Parts of a record held in their own lists (a request's household, documents...). */
  parts?: { heading: string; records: RecordView[] }[];
  links?: { href: string; text: string }[];
}
export interface SectionView {
  key: MyDataSection;
  heading: string;
  records: RecordView[];
  /** A sentence under the heading, for a section that needs saying what it is. */
  intro?: string;
}

const HIDDEN_FIELDS = new Set(['id', 'requestId', 'anonymisedAt']);
const REQUEST_PARTS = ['householdMembers', 'documents', 'declarations', 'infoRequests', 'decisions', 'services'] as const;

/** Codes shown by their label: the translation prefix of each coded field, per kind of record. */
type CodeLabels = Record<string, string>;
const COMMON_CODES: CodeLabels = {
  supportType: 'domain:supportTypes.',
  approvedSupportType: 'domain:supportTypes.',
  serviceType: 'domain:supportTypes.',
  nationality: 'domain:options.nationality.',
  maritalStatus: 'domain:options.maritalStatus.',
  relation: 'domain:options.relation.',
  housingType: 'domain:options.housingType.',
  outcome: 'privacy:exports.outcomes.',
};
const CODES: Record<string, CodeLabels> = {
  requests: { ...COMMON_CODES, status: 'domain:status.beneficiary.', channel: 'domain:channels.' },
  messages: { status: 'outbox:status.', channel: 'outbox:channel.' },
  dataRequests: { status: 'privacy:statuses.', channel: 'privacy:channels.', kind: 'privacy:kinds.' },
  consents: { purpose: 'privacy:consent.purposes.', channel: 'privacy:channels.' },
  parts: COMMON_CODES,
};

/** Every field shown with its translated label; dates in both calendars, yes/no for flags, codes by their label. */
function rowsOf(req: Request, record: Record<string, unknown>, skip: readonly string[] = [], codes: CodeLabels = {}) {
  return Object.entries(record)
    .filter(([field]) => !HIDDEN_FIELDS.has(field) && !skip.includes(field))
    .map(([field, value]) => ({
      key: req.t(`privacy:myData.fields.${field}`),
      value:
        value == null || value === ''
          ? null
          : value instanceof Date
            ? dualDate(req, value)
            : typeof value === 'boolean'
              ? req.t(value ? 'privacy:myData.yes' : 'privacy:myData.no')
              : codes[field]
                ? req.t(`${codes[field]}${String(value)}`, { defaultValue: String(value) })
                : String(value),
    }));
}

/** The page's view of `MyData`: one section per key of MY_DATA_SECTIONS, in that order. */
export function myDataSections(req: Request, data: MyData): SectionView[] {
  const numbered = (key: string, index: number) => req.t(`privacy:myData.recordTitle.${key}`, { number: index + 1 });
  const build: Record<MyDataSection, () => RecordView[]> = {
    account: () => [{ title: req.t('privacy:myData.sections.account'), rows: rowsOf(req, data.account) }],
    consents: () => data.consents.map((record, index) => ({ title: numbered('consents', index), rows: rowsOf(req, record, [], CODES.consents) })),
    requests: () =>
      data.requests.map((request, index) => ({
        title: request.reference ?? numbered('requests', index),
        rows: rowsOf(req, request, REQUEST_PARTS, CODES.requests),
        parts: REQUEST_PARTS.filter((part) => request[part].length > 0).map((part) => ({
          heading: req.t(`privacy:myData.parts.${part}`),
          records: (request[part] as Record<string, unknown>[]).map((item, itemIndex) => ({
            title: numbered(part, itemIndex),
            rows: rowsOf(req, item, [], CODES.parts),
            links:
              part === 'documents'
                ? [{ href: `/account/requests/${request.id}/documents/${String(item.id)}`, text: req.t('privacy:myData.downloadDocument') }]
                : undefined,
          })),
        })),
      })),
    messages: () => data.messages.map((record, index) => ({ title: numbered('messages', index), rows: rowsOf(req, record, [], CODES.messages) })),
    questions: () => data.questions.map((record, index) => ({ title: numbered('questions', index), rows: rowsOf(req, record) })),
    contacts: () => data.contacts.map((record, index) => ({ title: numbered('contacts', index), rows: rowsOf(req, record) })),
    ratings: () => data.ratings.map((record, index) => ({ title: numbered('ratings', index), rows: rowsOf(req, record) })),
    dataRequests: () => data.dataRequests.map((record) => ({ title: record.reference, rows: rowsOf(req, record, [], CODES.dataRequests) })),
    accessLog: () =>
      data.accessLog.map((group) => ({
        title: `${req.t(`domain:roles.${group.role}`, { defaultValue: group.role })}: ${req.t(`privacy:accessLog.resources.${group.resource}`, { defaultValue: group.resource })}`,
        rows: rowsOf(req, { ...group, day: dualDate(req, group.day), lastReadAt: req.format.time(group.lastReadAt) }, ['role', 'resource']),
      })),
  };
  return MY_DATA_SECTIONS.map((key) => ({
    key,
    heading: req.t(`privacy:myData.sections.${key}`),
    records: build[key](),
    intro: key === 'accessLog' ? req.t('privacy:myData.accessLogIntro') : undefined,
  }));
}
