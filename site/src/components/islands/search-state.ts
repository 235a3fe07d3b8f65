/**
 * What a search is (query, filters, sort) and how it lives in the URL of the search page:
 * /tim-kiem/?q=…&loai=…&chu-de=…&don-vi=…&nam=…&sap-xep=ngay — names from the shared search contract.
 */
import { SEARCH_FILTERS, SEARCH_PARAMS, SEARCH_PATH, SEARCH_SORT_DATE } from '@thads/shared';

export type FilterKey = keyof typeof SEARCH_FILTERS;
export const FILTER_KEYS = Object.keys(SEARCH_FILTERS) as FilterKey[];
export type SearchSort = 'relevance' | 'date';
export type SearchState = { q: string; filters: Partial<Record<FilterKey, string>>; sort: SearchSort };

export const EMPTY_STATE: SearchState = { q: '', filters: {}, sort: 'relevance' };

export function stateFromParams(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(SEARCH_FILTERS[key])?.trim();
    if (value) filters[key] = value;
  }
  return {
    q: (params.get(SEARCH_PARAMS.query) ?? '').replace(/\s+/g, ' ').trimStart(),
    filters,
    sort: params.get(SEARCH_PARAMS.sort) === SEARCH_SORT_DATE ? 'date' : 'relevance',
  };
}

export function stateToParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set(SEARCH_PARAMS.query, state.q.trim());
  for (const key of FILTER_KEYS) {
    const value = state.filters[key];
    if (value) params.set(SEARCH_FILTERS[key], value);
  }
  if (state.sort === 'date') params.set(SEARCH_PARAMS.sort, SEARCH_SORT_DATE);
  return params;
}

/** The search page's URL for a state: "/tim-kiem/?q=thi+hanh+an&loai=H%E1%BB%8Fi+%C4%91%C3%A1p". */
export function searchHref(state: SearchState): string {
  const query = stateToParams(state).toString();
  return query ? `${SEARCH_PATH}?${query}` : SEARCH_PATH;
}

export function sameState(a: SearchState, b: SearchState): boolean {
  return stateToParams(a).toString() === stateToParams(b).toString();
}

/** True when there is something to search for: words, or at least one filter. */
export function isActive(state: SearchState): boolean {
  return state.q.trim() !== '' || FILTER_KEYS.some((k) => state.filters[k]);
}
