import { describe, expect, it } from 'vitest';
import { searchHref, stateFromParams, stateToParams } from './search-state.ts';

describe('stateFromParams', () => {
  it('reads the query, the filters and the date sort', () => {
    const state = stateFromParams(new URLSearchParams('q=thi+hanh+an&loai=H%E1%BB%8Fi+%C4%91%C3%A1p&nam=2025&sap-xep=ngay&khac=1'));
    expect(state).toEqual({ q: 'thi hanh an', filters: { type: 'Hỏi đáp', year: '2025' }, sort: 'date' });
  });

  it('defaults to an empty query sorted by relevance', () => {
    expect(stateFromParams(new URLSearchParams(''))).toEqual({ q: '', filters: {}, sort: 'relevance' });
  });
});

describe('stateToParams', () => {
  it('writes the parameters in a fixed order and leaves defaults out', () => {
    const params = stateToParams({ q: ' tien nuoi con ', filters: { year: '2024', topic: 'Cấp dưỡng' }, sort: 'relevance' });
    expect([...params.keys()]).toEqual(['q', 'chu-de', 'nam']);
    expect(params.get('q')).toBe('tien nuoi con');
  });

  it('round-trips through the URL', () => {
    const state = { q: 'đấu giá', filters: { unit: 'Phòng THADS khu vực 1', type: 'Tin tức' }, sort: 'date' as const };
    expect(stateFromParams(new URL(searchHref(state), 'https://x.example').searchParams)).toEqual(state);
  });
});

describe('searchHref', () => {
  it('is the bare search page without a query', () => {
    expect(searchHref({ q: '', filters: {}, sort: 'relevance' })).toBe('/tim-kiem/');
  });
});
