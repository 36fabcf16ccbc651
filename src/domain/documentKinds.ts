/** The kinds of document an applicant (or staff for them) attaches to a request. */
export const DOCUMENT_KINDS = ['income_proof', 'lease', 'medical_report', 'id_copy', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
