/**
 * The search box in the header of every page. Without JavaScript it is a plain form that opens the search
 * page (/tim-kiem/?q=…). It is hydrated by `client:focus` the first time the reader focuses it; from then
 * on, results appear under the box while typing (Pagefind, loaded at that moment).
 *
 * Keyboard: Tab (or ↓) from the box reaches the results; ↑/↓ move between them; Enter opens one (or, in
 * the box, the full search page); Esc closes the results and puts focus back in the box.
 */
import { useCallback, useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { SEARCH_PATH } from '@thads/shared';
import SearchResults from './SearchResults.tsx';
import { loadHits, loadPagefind, preload, resultsMessage, runSearch, type Hit } from './search-client.ts';
import { EMPTY_STATE, searchHref } from './search-state.ts';

const QUICK_RESULTS = 6;
const DEBOUNCE_MS = 150;
/** The live region speaks only once results have stopped changing for this long. */
const SETTLE_MS = 600;

type Shown = { q: string; total: number; hits: Hit[] };

export default function HeaderSearch() {
  const inputRef = useRef<HTMLInputElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const announceTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  /** Set when Esc sends focus back to the box: that focus must not reopen the results. */
  const closing = useRef(false);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState<Shown | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [hydrated, setHydrated] = useState(false);

  const run = useCallback(async (q: string) => {
    const mine = ++seq.current;
    try {
      const outcome = await runSearch({ ...EMPTY_STATE, q }, { counts: false, quick: true });
      const hits = await loadHits(outcome, 0, QUICK_RESULTS);
      if (mine !== seq.current) return;
      setShown({ q, total: outcome.total, hits });
      setBusy(false);
      setFailed(false);
      clearTimeout(announceTimer.current);
      announceTimer.current = setTimeout(() => setAnnounce(resultsMessage(outcome.total, q)), SETTLE_MS);
    } catch (error) {
      if (mine !== seq.current) return;
      console.error(error);
      setBusy(false);
      setFailed(true);
    }
  }, []);

  const onQuery = useCallback(
    (value: string) => {
      setQuery(value);
      clearTimeout(timer.current);
      clearTimeout(announceTimer.current);
      if (!value.trim()) {
        seq.current++;
        setShown(null);
        setBusy(false);
        setAnnounce('');
        return;
      }
      setOpen(true);
      setBusy(true);
      preload(value).catch(() => {});
      timer.current = setTimeout(() => void run(value), DEBOUNCE_MS);
    },
    [run],
  );

  // Hydrated on first focus: start loading Pagefind now, and pick up what was typed while this loaded.
  useEffect(() => {
    setHydrated(true);
    loadPagefind().catch(() => setFailed(true));
    const input = inputRef.current;
    if (input?.value.trim()) onQuery(input.value);
    return () => {
      clearTimeout(timer.current);
      clearTimeout(announceTimer.current);
    };
  }, [onQuery]);

  const links = () => [...(panelRef.current?.querySelectorAll<HTMLAnchorElement>('a[href]') ?? [])];

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (event.key === 'Escape') {
      if (open && query.trim()) {
        event.preventDefault();
        setOpen(false);
        closing.current = document.activeElement !== inputRef.current;
        inputRef.current?.focus();
      }
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    if (!open && event.key === 'ArrowDown' && target === inputRef.current && query.trim()) {
      event.preventDefault();
      setOpen(true);
      return;
    }
    const list = links();
    if (!open || !list.length) return;
    const at = list.indexOf(target as HTMLAnchorElement);
    if (target === inputRef.current) {
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        list[0]!.focus();
      }
    } else if (at >= 0) {
      event.preventDefault();
      if (event.key === 'ArrowDown') list[Math.min(at + 1, list.length - 1)]!.focus();
      else if (at === 0) inputRef.current?.focus();
      else list[at - 1]!.focus();
    }
  };

  // Close when focus leaves the search box and its results (but not when it moves between them).
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
  };
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    if (event.target !== inputRef.current) return;
    if (closing.current) closing.current = false;
    else if (query.trim()) setOpen(true);
  };

  const q = query.trim();
  const visible = open && q !== '';
  // While a new query runs, the previous results stay (no flicker); they are replaced when the new ones arrive.
  const current = shown;
  const allHref = searchHref({ ...EMPTY_STATE, q });

  return (
    <div className="site-search" onKeyDown={onKeyDown} onBlur={onBlur} onFocus={onFocus}>
      <form className="site-search__form" role="search" aria-label="Tìm kiếm trên cổng thông tin" action={SEARCH_PATH} method="get">
        {/* Visually hidden: the button and the placeholder show what the box is for. */}
        <label htmlFor="tim-kiem-o" className="visually-hidden">
          Tìm kiếm
        </label>
        <div className="site-search__row">
          <input
            ref={inputRef}
            id="tim-kiem-o"
            className="site-search__input"
            type="search"
            name="q"
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="search"
            placeholder="Ví dụ: thi hành án, cấp dưỡng"
            aria-describedby="tim-kiem-o-goi-y"
            aria-controls="tim-kiem-nhanh"
            onInput={(e) => onQuery(e.currentTarget.value)}
          />
          <button type="submit" className="site-search__button">
            Tìm
          </button>
        </div>
        <span id="tim-kiem-o-goi-y" className="visually-hidden">
          {hydrated ? 'Kết quả hiện ngay khi gõ, có dấu hoặc không dấu. Nhấn mũi tên xuống để tới kết quả, Esc để đóng.' : ''}
        </span>
      </form>
      <div role="status" className="visually-hidden">
        {announce}
      </div>
      <div
        ref={panelRef}
        id="tim-kiem-nhanh"
        className="site-search__panel"
        role="region"
        aria-label="Kết quả tìm nhanh"
        hidden={!visible}
        // A click inside the panel must not take focus from the box first: that would close the panel before
        // the click lands (browsers that do not focus links on click, e.g. Safari).
        onMouseDown={(e) => e.preventDefault()}
      >
        {visible &&
          (failed ? (
            <p className="site-search__note">
              Chưa tải được công cụ tìm kiếm. <a href={allHref}>Mở trang tìm kiếm</a>
            </p>
          ) : current ? (
            current.total > 0 ? (
              <>
                <SearchResults hits={current.hits} compact />
                <p className="site-search__all">
                  <a href={searchHref({ ...EMPTY_STATE, q: current.q })}>
                    Xem tất cả {current.total} kết quả cho “{current.q.trim()}”
                  </a>
                </p>
              </>
            ) : (
              <p className="site-search__note">
                Không tìm thấy kết quả cho “{current.q.trim()}”. <a href={allHref}>Mở trang tìm kiếm</a> để thử cách khác hoặc tra cứu theo lĩnh vực.
              </p>
            )
          ) : (
            busy && <p className="site-search__note">Đang tìm…</p>
          ))}
      </div>
    </div>
  );
}
