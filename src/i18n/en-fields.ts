/**
 * English labels of the known activity and detail fields (`Messages.detail.fields`), loaded with
 * the dialogs that show fields (the activity detail, a status step's detail) rather than with
 * every page: `en.detail.fields` is empty, and a label the language lacks comes from here.
 */
import type { Messages } from './messages.js';

export const EN_FIELDS: Readonly<Record<string, string>> = {
  id: 'ID',
  type: 'Type',
  start: 'Start',
  end: 'End',
  duration: 'Duration',
  title: 'Title',
  queue: 'Queue',
  contact: 'Contact',
  direction: 'Direction',
  closed: 'Closed',
  ticketId: 'Ticket',
  talkSeconds: 'Talk time',
  callId: 'Call ID',
  callerNumber: 'Caller',
  calledNumber: 'Called number',
  waitSeconds: 'Waiting time',
  holdSeconds: 'Hold time',
  recordingId: 'Recording',
  disposition: 'Outcome',
  notes: 'Notes',
  messageId: 'Message ID',
  subject: 'Subject',
  from: 'From',
  to: 'To',
  cc: 'Cc',
  attachments: 'Attachments',
  messagesInThread: 'Messages in thread',
  status: 'Status',
  priority: 'Priority',
  category: 'Category',
  conversationId: 'Conversation ID',
  channel: 'Channel',
  customer: 'Customer',
  messagesIn: 'Messages received',
  messagesOut: 'Messages sent',
  firstResponseSeconds: 'First response',
  firstMessage: 'First message',
  reference: 'Reference',
  attempts: 'Attempts',
};

/** The label of field `key` in the messages `t`, else in English, else the key itself. */
export function fieldLabel(t: Messages, key: string): string {
  return t.detail.fields[key] ?? EN_FIELDS[key] ?? key;
}
