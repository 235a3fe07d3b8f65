import { describe, expect, it } from 'vitest';
import { informationRequestDeadlines, informationRequestLateness } from './information-deadlines.ts';
import { VN_PUBLIC_HOLIDAYS, workCalendarOf } from './public-holidays.ts';
import { addWorkingDays } from './working-days.ts';

const calendar = workCalendarOf(VN_PUBLIC_HOLIDAYS);

describe('working days across Tết and weekends (the seeded holiday list)', () => {
  it('skips the Tết Bính Ngọ break of 2026 and the weekends around it', () => {
    // Received Friday 13/02/2026; off: 14–22/02 (weekends and 16–20/02 Tết) → Mon 23 … Fri 27/02.
    expect(addWorkingDays('2026-02-13', 5, calendar)).toBe('2026-02-27');
    // Without the holidays it would have been Friday 20/02, in the middle of Tết.
    expect(addWorkingDays('2026-02-13', 5)).toBe('2026-02-20');
  });

  it('counts from the next working day when a request arrives during the break', () => {
    expect(addWorkingDays('2026-02-21', 5, calendar)).toBe('2026-02-27');
    expect(addWorkingDays('2026-02-17', 1, calendar)).toBe('2026-02-23');
  });

  it('skips Tết Đinh Mùi 2027 with the days off in compensation for mùng 1 and 2 falling on a weekend', () => {
    // Thursday 04/02/2027: 05/02 Tết, 06–07 weekend (Tết), 08–09 Tết, 10–11 compensating → Fri 12 … Thu 18/02.
    expect(addWorkingDays('2027-02-04', 5, calendar)).toBe('2027-02-18');
  });

  it('skips Tết Dương lịch 2026 with its swapped Friday, and counts the Saturday worked in exchange', () => {
    expect(addWorkingDays('2025-12-31', 1, calendar)).toBe('2026-01-05');
    // Thursday 08/01/2026: Fri 09 (1), Saturday 10 worked (2), Mon 12 (3), Tue 13 (4), Wed 14 (5).
    expect(addWorkingDays('2026-01-08', 5, calendar)).toBe('2026-01-14');
  });

  it('skips Quốc khánh 2026 (31/8 swapped, 1–2/9)', () => {
    expect(addWorkingDays('2026-08-28', 3, calendar)).toBe('2026-09-07');
  });
});

describe('informationRequestDeadlines (Law on Access to Information, art. 31)', () => {
  it('gives a simple request 5 working days and no notice', () => {
    expect(informationRequestDeadlines({ receivedOn: '2026-02-13' }, calendar)).toEqual({ noticeDue: null, deadline: '2026-02-27' });
  });

  it('gives a complex request a notice within 3 and an answer within 15 working days', () => {
    expect(informationRequestDeadlines({ receivedOn: '2026-02-13', complex: true }, calendar)).toEqual({ noticeDue: '2026-02-25', deadline: '2026-03-13' });
  });

  it('adds 15 working days for an extension', () => {
    expect(informationRequestDeadlines({ receivedOn: '2026-02-13', complex: true, extended: true }, calendar)).toEqual({ noticeDue: '2026-02-25', deadline: '2026-04-03' });
  });

  it('counts a weekend: a simple request of a Thursday is due the next Thursday', () => {
    expect(informationRequestDeadlines({ receivedOn: '2026-11-19' }, calendar).deadline).toBe('2026-11-26');
  });
});

describe('informationRequestLateness', () => {
  const complex = { complex: true, noticeDue: '2026-02-25', deadline: '2026-03-13' };

  it('flags a complex request whose written notice is late', () => {
    expect(informationRequestLateness({ ...complex, state: 'received' }, '2026-02-27')).toEqual({ notice: 2, answer: 0 });
    expect(informationRequestLateness({ ...complex, state: 'processing', noticeSentOn: '2026-02-24' }, '2026-02-27')).toEqual({ notice: 0, answer: 0 });
  });

  it('flags a late answer until the request is answered, refused or closed', () => {
    expect(informationRequestLateness({ ...complex, state: 'extended', noticeSentOn: '2026-02-24' }, '2026-03-16')).toEqual({ notice: 0, answer: 3 });
    for (const state of ['answered', 'refused', 'closed']) expect(informationRequestLateness({ ...complex, state }, '2026-03-16')).toEqual({ notice: 0, answer: 0 });
  });
});
