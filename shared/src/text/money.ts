/** Amounts of money as Vietnamese documents write them: "1.250.000.000 đồng". */

const grouped = (n: number) => Math.trunc(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** 1250000000 → "1.250.000.000 đồng" (whole đồng; dots between thousands, whatever the runtime's ICU data). */
export function formatVnd(amount: number | string): string {
  const n = typeof amount === 'string' ? Number(amount) : amount;
  if (!Number.isFinite(n)) throw new RangeError(`Số tiền không hợp lệ: ${String(amount)}`);
  return `${n < 0 ? '-' : ''}${grouped(Math.abs(n))} đồng`;
}
