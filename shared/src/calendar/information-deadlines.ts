/**
 * Deadlines of an information request under the Law on Access to Information (Luật Tiếp cận thông tin 2016,
 * art. 31, requests sent electronically, by post or fax), counted in working days from the day the valid
 * request was received (that day itself does not count):
 *  - simple information, available: provided within 5 working days;
 *  - complex information (gathered from several units or needing another body's opinion): a written notice
 *    of the time limit within 3 working days, the information (or a written refusal) within 15;
 *  - an extension of at most 15 more days, notified in writing within the time limit (counted here, like
 *    the rest, in working days).
 */
import { addWorkingDays, daysOverdue, todayVn, type WorkCalendar } from './working-days.ts';

export const INFORMATION_REQUEST_DAYS = { simple: 5, notice: 3, complex: 15, extension: 15 } as const;

export type InformationRequestTerms = { receivedOn: string; complex?: boolean | null; extended?: boolean | null };

/** The notice due date (complex requests only) and the answer due date. */
export function informationRequestDeadlines({ receivedOn, complex, extended }: InformationRequestTerms, calendar: readonly string[] | WorkCalendar = []): { noticeDue: string | null; deadline: string } {
  const base = complex ? INFORMATION_REQUEST_DAYS.complex : INFORMATION_REQUEST_DAYS.simple;
  return {
    noticeDue: complex ? addWorkingDays(receivedOn, INFORMATION_REQUEST_DAYS.notice, calendar) : null,
    deadline: addWorkingDays(receivedOn, base + (extended ? INFORMATION_REQUEST_DAYS.extension : 0), calendar),
  };
}

export type InformationRequestProgress = {
  state?: string | null;
  complex?: boolean | null;
  noticeDue?: string | null;
  noticeSentOn?: string | null;
  deadline?: string | null;
};

/** How late a request is, in calendar days: the written notice (complex requests) and the answer. */
export function informationRequestLateness(item: InformationRequestProgress, today = todayVn()): { notice: number; answer: number } {
  const waitingForNotice = item.complex && !item.noticeSentOn && (item.state === 'received' || item.state === 'processing');
  return {
    notice: waitingForNotice ? daysOverdue(item.noticeDue, item.state, today) : 0,
    answer: daysOverdue(item.deadline, item.state, today),
  };
}

/** States in which a request still waits for the agency. */
export const INFORMATION_REQUEST_OPEN_STATES = ['received', 'processing', 'extended'] as const;
