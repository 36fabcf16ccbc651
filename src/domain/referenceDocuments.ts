/**
 * The policy's tools for the beneficiary-relations officer that are documents: the association's
 * bylaws, the social research services guide and the beneficiary support policy guide. The fourth
 * tool, the support request form, is the portal's own walk-in form.
 */
export const REFERENCE_DOCUMENT_KINDS = [
  'bylaws',
  'research_services_guide',
  'support_policy_guide',
] as const;
export type ReferenceDocumentKind = (typeof REFERENCE_DOCUMENT_KINDS)[number];

export function isReferenceDocumentKind(value: unknown): value is ReferenceDocumentKind {
  return (
    typeof value === 'string' && (REFERENCE_DOCUMENT_KINDS as readonly string[]).includes(value)
  );
}
