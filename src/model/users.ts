/** Validation of the user list: the same rules and bounds as the trace's records. */
import { checkedList, collectSteps, describe, dropNulls, idFrom, idProblem, optionalProblem, WarningSink, type Problem } from './records.js';
import { runSteps } from './steps.js';
import { errorText } from './values.js';
import type { DataWarning, TraceUser } from './types.js';


function checkUser(out: Record<string, unknown>): Problem | string {
  const { id, name, deactivated, timeZone } = out;
  const bad =
    idProblem('user', id) ??
    (typeof name !== 'string' ? { kind: 'user-invalid-name', message: `User name ${describe(name)} is not a string.` } : null) ??
    optionalProblem('user', 'deactivated', deactivated, typeof deactivated === 'boolean', 'a boolean') ??
    optionalProblem('user', 'timeZone', timeZone, typeof timeZone === 'string', 'a string');
  if (bad !== null) return bad;
  dropNulls(out, ['deactivated', 'timeZone']);
  return (out.id = idFrom(id)!);
}

/**
 * Validates the answer of `listUsers`. Never throws. Requires `id` (non-empty string or number,
 * made a string) and `name` (string); `deactivated` boolean and `timeZone` string when present.
 * Valid users are copied with extra fields kept; later duplicates of an id are dropped.
 * Warning kinds: `users-not-an-array`, `array-too-long`, `invalid-array`, `summary`, `user-holes`,
 * `user-not-an-object`, `user-unreadable`, `user-invalid-id`, `user-invalid-name`,
 * `user-invalid-deactivated`, `user-invalid-time-zone`, `user-duplicate-id`; listed and bounded as
 * by {@link normalizeTrace}.
 */
export function normalizeUsers(raw: unknown): { users: TraceUser[]; warnings: DataWarning[] } {
  const sink = new WarningSink();
  let users: TraceUser[] = [];
  try {
    if (!Array.isArray(raw)) {
      sink.add({ kind: 'users-not-an-array', message: `The user list is ${describe(raw)}, not an array.` });
    } else {
      const items = checkedList(raw, 'users', sink);
      if (items !== null) users = runSteps(collectSteps<TraceUser>('user', items, sink, checkUser)).records;
    }
  } catch (error) {
    sink.add({ kind: 'users-not-an-array', message: `The user list could not be read: ${errorText(error)}.` });
  }
  return { users, warnings: sink.result() };
}
