/** How much one request may hold: a bound on the disk one applicant (or one stolen session) can fill. */
export interface DocumentLimits {
  maxCount: number;
  maxTotalMegabytes: number;
}

export interface DocumentLimitRefusal {
  code: 'apply:errors.documentCountLimit' | 'apply:errors.documentTotalLimit';
  params: { max: number };
}

const MEGABYTE = 1024 * 1024;

/** Whether a document of `newSize` bytes may join documents of `existingSizes` bytes on the same request. */
export function documentLimitRefusal(existingSizes: readonly number[], newSize: number, limits: DocumentLimits): DocumentLimitRefusal | null {
  if (existingSizes.length >= limits.maxCount) return { code: 'apply:errors.documentCountLimit', params: { max: limits.maxCount } };
  const total = existingSizes.reduce((sum, size) => sum + size, 0) + newSize;
  if (total > limits.maxTotalMegabytes * MEGABYTE) return { code: 'apply:errors.documentTotalLimit', params: { max: limits.maxTotalMegabytes } };
  return null;
}
