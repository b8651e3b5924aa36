/** Small checks on untrusted values, shared by validation, providers and adapters. */

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An error's message as text, whatever was thrown (a getter may throw too). */
export function errorText(error: unknown): string {
  try {
    return error instanceof Error ? error.message || error.name : String(error);
  } catch {
    return 'unknown error';
  }
}
