/**
 * The search page (/tim-kiem/): query, filters (content type, topic or category, unit, year) with counts,
 * sort by relevance or date, results while typing, "load more", help when nothing is found.
 * The search lives in the URL (?q=…&loai=…&chu-de=…&don-vi=…&nam=…&sap-xep=ngay): typing replaces the
 * history entry, a filter or sort change adds one, Back restores the previous search.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { SEARCH_PATH, SEARCH_TYPE_LABELS } from '@thads/shared';
import SearchResults from './SearchResults.tsx';
import { loadHits, resultsMessage, runSearch, type Counts, type Hit, type Outcome } from './search-client.ts';
import { EMPTY_STATE, FILTER_KEYS, isActive, sameState, searchHref, stateFromParams, type FilterKey, type SearchState } from './search-state.ts';

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 200;
const SETTLE_MS = 500;

export type BrowseLink = { label: string; href: string };
type Props = {
  /** Q&A topics (/hoi-dap/linh-vuc/…) and news categories (/chuyen-muc/…), for "browse instead". */
  topics: BrowseLink[];
  categories: BrowseLink[];
  /** Where a reader who found nothing can ask the agency. */
  ask: BrowseLink;
  /** Searches offered as examples before anything is typed. */
  examples: string[];
};

const FILTER_LABELS: Record<FilterKey, string> = {
  type: 'Loại nội dung',
  topic: 'Lĩnh vực, chuyên mục',
  unit: 'Đơn vị',
  year: 'Năm',
};
const TYPE_ORDER: string[] = Object.values(SEARCH_TYPE_LABELS);

/** The values a filter offers: those with results for the current search, plus the chosen one. */
function optionsFor(key: FilterKey, counts: Counts, chosen: string | undefined): [string, number][] {
  const values = Object.entries(counts[key] ?? {}).filter(([value, n]) => n > 0 || value === chosen);
  if (chosen && !values.some(([v]) => v === chosen)) values.push([chosen, 0]);
  const rank = (v: string) => (TYPE_ORDER.includes(v) ? TYPE_ORDER.indexOf(v) : TYPE_ORDER.length);
  return values.sort(([a], [b]) => {
    if (key === 'year') return b.localeCompare(a);
    if (key === 'type') return rank(a) - rank(b) || a.localeCompare(b, 'vi');
    return a.localeCompare(b, 'vi');
  });
}

function BrowseLists({ topics, categories, ask }: Pick<Props, 'topics' | 'categories' | 'ask'>) {
  return (
    <div className="search-browse">
      <div>
        <h3>Hỏi đáp theo lĩnh vực</h3>
        <ul>
          <li>
            <a href="/hoi-dap/">Tất cả hỏi đáp pháp luật</a>
          </li>
          {topics.map((t) => (
            <li key={t.href}>
              <a href={t.href}>{t.label}</a>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3>Tin tức theo chuyên mục</h3>
        <ul>
          {categories.map((c) => (
            <li key={c.href}>
              <a href={c.href}>{c.label}</a>
            </li>
          ))}
        </ul>
      </div>
      <p className="search-browse__ask">
        Chưa tìm thấy câu trả lời? <a href={ask.href}>{ask.label}</a>
      </p>
    </div>
  );
}

export default function SearchPage({ topics, categories, ask, examples }: Props) {
  const [state, setState] = useState<SearchState>(EMPTY_STATE);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [hits, setHits] = useState<Hit[]>([]);
  const [loading, setLoading] = useState(false);
  // On a phone the filters fold away behind one control, so that results start on the first screen; on a
  // wide screen they are always open (the control is hidden by search.css).
  const [wide, setWide] = useState(false);
  const [filtersOpen, setFiltersOpen] = useState(false);
  useEffect(() => {
    const query = window.matchMedia('(min-width: 48em)');
    const update = () => setWide(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  const [failed, setFailed] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [hydrated, setHydrated] = useState(false);
  const [moreBusy, setMoreBusy] = useState(false);
  const stateRef = useRef(state);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const announceTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const baseTitle = useRef('');
  const links = useRef(new Map<string, HTMLAnchorElement>());
  const focusNext = useRef<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const resultsRef = useRef<HTMLDivElement>(null);
  /** Focus was in the results when they were replaced: if its element is gone, it goes back to the box. */
  const refocus = useRef(false);

  const execute = useCallback(async (next: SearchState) => {
    const mine = ++seq.current;
    clearTimeout(timer.current);
    setLoading(true);
    try {
      const result = await runSearch(next);
      const first = await loadHits(result, 0, PAGE_SIZE);
      if (mine !== seq.current) return;
      refocus.current = !!resultsRef.current?.contains(document.activeElement);
      setOutcome(result);
      setHits(first);
      setFailed(false);
      setLoading(false);
      clearTimeout(announceTimer.current);
      announceTimer.current = setTimeout(() => setAnnounce(isActive(next) ? resultsMessage(result.total, next.q) : ''), SETTLE_MS);
    } catch (error) {
      if (mine !== seq.current) return;
      console.error(error);
      setFailed(true);
      setLoading(false);
    }
  }, []);

  /** Moves to a new search: `replace` while typing (debounced), `push` for filters and sort. */
  const go = useCallback(
    (next: SearchState, how: 'replace' | 'push') => {
      const previous = stateRef.current;
      stateRef.current = next;
      setState(next);
      if (sameState(previous, next)) return;
      const url = searchHref(next);
      if (how === 'push') history.pushState(null, '', url);
      else history.replaceState(null, '', url);
      document.title = next.q.trim() ? `“${next.q.trim()}” – ${baseTitle.current}` : baseTitle.current;
      clearTimeout(timer.current);
      clearTimeout(announceTimer.current);
      if (how === 'replace') timer.current = setTimeout(() => void execute(next), DEBOUNCE_MS);
      else void execute(next);
    },
    [execute],
  );

  // From the URL: on arrival, and whenever Back/Forward changes it.
  useEffect(() => {
    baseTitle.current = document.title;
    setHydrated(true);
    const fromUrl = () => {
      const next = stateFromParams(new URLSearchParams(location.search));
      stateRef.current = next;
      setState(next);
      document.title = next.q.trim() ? `“${next.q.trim()}” – ${baseTitle.current}` : baseTitle.current;
      void execute(next);
    };
    // Words typed before this island was ready are kept (they are in the box, not yet in the URL).
    const typed = inputRef.current?.value ?? '';
    const initial = stateFromParams(new URLSearchParams(location.search));
    if (typed.trim() && typed !== initial.q) {
      stateRef.current = EMPTY_STATE;
      go({ ...initial, q: typed }, 'replace');
    } else fromUrl();
    window.addEventListener('popstate', fromUrl);
    return () => {
      window.removeEventListener('popstate', fromUrl);
      clearTimeout(timer.current);
      clearTimeout(announceTimer.current);
    };
  }, [execute, go]);

  // After "load more", focus goes to the first new result (the button may be gone). After new results (Back,
  // "search again without filters"), focus that was on a result or button now gone goes back to the box.
  // A layout effect: focus moves as the new results enter the page, not a frame later (Preact runs plain
  // effects after paint, when a keyboard user may already have pressed a key on the old focus).
  useLayoutEffect(() => {
    if (focusNext.current) {
      links.current.get(focusNext.current)?.focus();
      focusNext.current = null;
    } else if (refocus.current) {
      refocus.current = false;
      if (!document.activeElement || document.activeElement === document.body) inputRef.current?.focus();
    }
  }, [hits]);

  const loadMore = async () => {
    if (!outcome) return;
    setMoreBusy(true);
    try {
      const mine = seq.current;
      const more = await loadHits(outcome, hits.length, PAGE_SIZE);
      if (mine !== seq.current) return;
      focusNext.current = more[0]?.id ?? null;
      setHits((h) => [...h, ...more]);
    } finally {
      setMoreBusy(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void execute(stateRef.current);
  };

  const setFilter = (key: FilterKey, value: string) => {
    const filters = { ...stateRef.current.filters };
    if (value) filters[key] = value;
    else delete filters[key];
    go({ ...stateRef.current, filters }, 'push');
  };

  const active = isActive(state);
  const shown = outcome;
  const counts = shown?.counts ?? {};
  const anyFilter = FILTER_KEYS.some((k) => state.filters[k]);
  const remaining = shown ? shown.total - hits.length : 0;

  return (
    <div className="search-page">
      <form className={state.q.trim() ? 'search-form search-form--active' : 'search-form'} role="search" aria-label="Tìm kiếm trên cổng thông tin" action={SEARCH_PATH} method="get" onSubmit={onSubmit}>
        <label htmlFor="tu-khoa" className="search-form__label">
          Từ khóa
        </label>
        <p id="tu-khoa-goi-y" className="search-form__hint">
          Gõ có dấu hoặc không dấu đều được, ví dụ: “thi hanh an”, “tien nuoi con”, “cuong che giao nha”.
        </p>
        <div className="search-form__row">
          <input
            ref={inputRef}
            id="tu-khoa"
            className="search-form__input"
            type="search"
            name="q"
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="search"
            aria-describedby="tu-khoa-goi-y"
            value={state.q}
            onChange={(e) => go({ ...stateRef.current, q: e.currentTarget.value }, 'replace')}
          />
          <button type="submit" className="search-form__button">
            Tìm kiếm
          </button>
        </div>
        {hydrated && (
          <details
            className="search-filters-fold"
            open={wide || filtersOpen}
            onToggle={(e) => {
              if (!wide) setFiltersOpen(e.currentTarget.open);
            }}
          >
            <summary className="search-filters-fold__summary">
              Bộ lọc và sắp xếp
              {anyFilter ? ` (đang lọc ${FILTER_KEYS.filter((k) => state.filters[k]).length})` : ''}
            </summary>
          <fieldset className="search-filters">
            <legend>Lọc và sắp xếp kết quả</legend>
            {FILTER_KEYS.map((key) => (
              <div className="search-filters__field" key={key}>
                <label htmlFor={`loc-${key}`}>{FILTER_LABELS[key]}</label>
                <select id={`loc-${key}`} value={state.filters[key] ?? ''} onChange={(e) => setFilter(key, e.currentTarget.value)}>
                  <option value="">Tất cả</option>
                  {optionsFor(key, counts, state.filters[key]).map(([value, n]) => (
                    <option key={value} value={value}>
                      {value} ({n})
                    </option>
                  ))}
                </select>
              </div>
            ))}
            <div className="search-filters__field">
              <label htmlFor="sap-xep">Sắp xếp</label>
              <select id="sap-xep" value={state.sort} onChange={(e) => go({ ...stateRef.current, sort: e.currentTarget.value === 'date' ? 'date' : 'relevance' }, 'push')}>
                <option value="relevance">Phù hợp nhất</option>
                <option value="date">Mới nhất</option>
              </select>
            </div>
            {anyFilter && (
              <button type="button" className="search-filters__clear" onClick={() => go({ ...stateRef.current, filters: {} }, 'push')}>
                Bỏ tất cả bộ lọc
              </button>
            )}
          </fieldset>
          </details>
        )}
      </form>

      <p role="status" className="search-status">
        {announce}
      </p>

      <div ref={resultsRef}>
        {failed ? (
          <div className="notice">
            <p>Chưa tải được công cụ tìm kiếm. Hãy tải lại trang, hoặc tra cứu theo lĩnh vực và chuyên mục:</p>
            <BrowseLists topics={topics} categories={categories} ask={ask} />
          </div>
        ) : active && shown && shown.total > 0 ? (
          <>
            <div aria-busy={loading}>
              <SearchResults
                hits={hits}
                linkRef={(id) => (el) => {
                  if (el) links.current.set(id, el);
                  else links.current.delete(id);
                }}
              />
            </div>
            {remaining > 0 && (
              <p>
                <button type="button" className="search-more" onClick={() => void loadMore()} disabled={moreBusy}>
                  Xem thêm {Math.min(PAGE_SIZE, remaining)} kết quả (còn {remaining})
                </button>
              </p>
            )}
          </>
        ) : active && shown && !loading ? (
          <div className="search-empty">
            <h2>Không tìm thấy kết quả phù hợp</h2>
            <ul>
              <li>Kiểm tra lại chính tả, hoặc gõ không dấu (ví dụ “thi hanh an”).</li>
              <li>Dùng ít từ hơn, hoặc từ thông dụng hơn (ví dụ “cấp dưỡng” thay cho “tiền nuôi con hằng tháng”).</li>
              {anyFilter && (
                <li>
                  Bỏ bớt bộ lọc:{' '}
                  <button type="button" className="link-button" onClick={() => go({ ...stateRef.current, filters: {} }, 'push')}>
                    tìm lại không lọc
                  </button>
                </li>
              )}
            </ul>
            <p>Hoặc tra cứu theo lĩnh vực, chuyên mục:</p>
            <BrowseLists topics={topics} categories={categories} ask={ask} />
          </div>
        ) : !active ? (
          <div className="search-intro">
            {hydrated && examples.length > 0 && (
              <p>
                Tìm nhiều:{' '}
                {examples.map((example, i) => (
                  <span key={example}>
                    {i > 0 && ', '}
                    <a href={searchHref({ ...EMPTY_STATE, q: example })}>{example}</a>
                  </span>
                ))}
              </p>
            )}
          </div>
        ) : null}
      </div>
    </div>
  );
}
