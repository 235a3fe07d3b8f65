/**
 * Spreadsheets of debtors without means to execute as units keep them (the columns of DEBTOR_COLUMNS), for
 * the import's tests and benchmark: a row of fictitious values per number, an XLSX file of rows.
 */
import { DEBTOR_COLUMNS } from '@thads/shared';
import { cmsRequire } from './strapi.ts';

const writeXlsx = cmsRequire('write-excel-file/node');

export const DEBTOR_HEADER = DEBTOR_COLUMNS.map((c) => c.header);
export type DebtorRow = Partial<Record<(typeof DEBTOR_COLUMNS)[number]['key'], unknown>>;

/** Row `n` of a unit's list, in the columns' order; `over` replaces some values. */
export const debtorRow = (n: number, over: DebtorRow = {}) => {
  const values: DebtorRow = {
    order: n,
    name: `Người giả định số ${n}`,
    kind: 'Cá nhân',
    address: `Thôn ${n}, xã Như Quỳnh, tỉnh Hưng Yên`,
    judgmentNumber: `${n}/2023/DS-ST`,
    judgmentDate: '12/04/2023',
    court: 'Tòa án nhân dân huyện Văn Lâm',
    obligation: `Trả cho bà Nguyễn Thị B (giả định) số tiền ${n}.000.000 đồng.`,
    reason: 'a',
    decisionNumber: `${n}/QĐ-CCTHADS`,
    decisionDate: new Date(Date.UTC(2024, 1, 20)),
    unit: '',
    ...over,
  };
  return DEBTOR_COLUMNS.map((c) => values[c.key] ?? null);
};

/** An XLSX file of these rows (dates as dd/mm/yyyy, as the units' files have them). */
export const debtorXlsx = async (rows: unknown[][]): Promise<Buffer> => Buffer.from(await (writeXlsx.default ?? writeXlsx)(rows, { dateFormat: 'dd/mm/yyyy' }).toBuffer());
