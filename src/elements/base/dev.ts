/**
 * Warnings for host developers, issued once each and only under Lit's development build (the
 * `development` export condition), as Lit's own warnings are: production builds stay silent.
 */
export function devWarn(code: string, message: string): void {
  const issued = (globalThis as { litIssuedWarnings?: Set<string> }).litIssuedWarnings;
  if (!issued || issued.has(code)) return;
  issued.add(code);
  console.warn(message);
}
