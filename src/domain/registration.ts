export function missingRegistrationItems(
  required: readonly string[],
  done: readonly string[],
): string[] {
  const completed = new Set(done);
  return [...new Set(required)].filter((item) => !completed.has(item));
}

export function formatFileNumber(prefix: string, seq: number): string {
  if (!/^[A-Z]{1,6}$/.test(prefix)) throw new RangeError(`Invalid file number prefix: ${prefix}`);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`Invalid file sequence: ${seq}`);
  return `${prefix}-${String(seq).padStart(6, '0')}`;
}
