import { describe, expect, it } from 'vitest';
import { agencyProvince, provincePlace } from './agency.ts';

describe('agencyProvince', () => {
  it('reads the province at the end of the agency name', () => {
    expect(agencyProvince('Thi hành án dân sự tỉnh Lạng Sơn')).toBe('tỉnh Lạng Sơn');
    expect(agencyProvince('Thi hành án dân sự thành phố Cần Thơ')).toBe('thành phố Cần Thơ');
  });

  it('falls back on the last part of the address when the name names no province', () => {
    expect(agencyProvince('Cục Thi hành án dân sự', 'Số 2 đường Lê Lợi, phường Đông Kinh, tỉnh Lạng Sơn')).toBe('tỉnh Lạng Sơn');
  });

  it('gives an empty string when neither names a province', () => {
    expect(agencyProvince('Cục Thi hành án dân sự', 'Số 2 đường Lê Lợi')).toBe('');
    expect(agencyProvince(undefined, null)).toBe('');
  });
});

describe('provincePlace', () => {
  it('drops "tỉnh" or "thành phố"', () => {
    expect(provincePlace('tỉnh Lạng Sơn')).toBe('Lạng Sơn');
    expect(provincePlace('thành phố Cần Thơ')).toBe('Cần Thơ');
  });
});
