import { describe, expect, it } from 'vitest';
import { completionRate, enforcementFigureIssues, enforcementStatInputSchema, seedEnforcementStatSchema } from './enforcement-stat.ts';

const figures = { casesTotal: 100, casesWithConditions: 80, casesCompleted: 60, amountTotal: 3_000_000_000_000, amountWithConditions: 2_000_000_000_000, amountCompleted: 900_000_000_000 };

describe('enforcementFigureIssues', () => {
  it('accepts completed ≤ with conditions ≤ total, and names each figure that breaks it in Vietnamese', () => {
    expect(enforcementFigureIssues(figures)).toEqual([]);
    expect(enforcementFigureIssues({ ...figures, casesWithConditions: 120, amountCompleted: 2_500_000_000_000 })).toEqual([
      { path: 'casesWithConditions', message: 'Số việc có điều kiện thi hành không được lớn hơn tổng số việc phải thi hành.' },
      { path: 'amountCompleted', message: 'Số tiền đã thi hành xong (đồng) không được lớn hơn số tiền có điều kiện thi hành (đồng).' },
    ]);
  });

  it('leaves figures not yet entered alone (a draft)', () => {
    expect(enforcementFigureIssues({ casesCompleted: 5 })).toEqual([]);
  });
});

describe('enforcementStatInputSchema', () => {
  it('reads amounts sent as strings (Strapi keeps them as bigint) and refuses negative or formatted ones', () => {
    expect(enforcementStatInputSchema.parse({ year: 2024, amountTotal: '3187300000000' }).amountTotal).toBe(3_187_300_000_000);
    const negative = enforcementStatInputSchema.safeParse({ amountCompleted: -5 });
    expect(negative.success).toBe(false);
    expect(negative.error!.issues[0]).toMatchObject({ path: ['amountCompleted'], message: 'không được âm' });
    expect(enforcementStatInputSchema.safeParse({ amountTotal: '3.187.300' }).error!.issues[0]!.path).toEqual(['amountTotal']);
    expect(enforcementStatInputSchema.safeParse({ year: 1999 }).success).toBe(false);
  });
});

describe('seedEnforcementStatSchema', () => {
  it('requires every figure and checks their consistency', () => {
    expect(seedEnforcementStatSchema.safeParse({ year: 2024, ...figures }).success).toBe(true);
    expect(seedEnforcementStatSchema.safeParse({ year: 2024, ...figures, casesCompleted: 81 }).error!.issues.map((i) => i.path)).toEqual([['casesCompleted']]);
    expect(seedEnforcementStatSchema.safeParse({ year: 2024, casesTotal: 1 }).success).toBe(false);
  });
});

describe('completionRate', () => {
  it('is completed over with conditions, in percent, or null when nothing had conditions', () => {
    expect(completionRate(60, 80)).toBe(75);
    expect(completionRate(0, 0)).toBeNull();
  });
});
