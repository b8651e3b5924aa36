import { isKnownType } from '../model/catalog.js';
import type { Messages } from './messages.js';

/**
 * The label of an activity type, the one used everywhere (timeline, list, detail, exports): a known
 * type's name, else "Other (fax)" — the unknown type is kept so the viewer can tell them apart.
 */
export function activityTypeLabel(t: Messages, type: string): string {
  const types = t.common.activityTypes;
  if (isKnownType(type)) return types[type];
  return type === 'other' || type === '' ? types.other : `${types.other} (${type})`;
}
