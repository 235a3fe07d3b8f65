/**
 * Search of the list of debtors without means to execute by name, typed with or without diacritics, in
 * all units or one. The data (a small JSON written at build time) is fetched on the first use; results are
 * shown from 2 characters on, at most 50 at a time, so the box answers a question about one person rather
 * than printing the whole list (each unit's complete list is on its own page).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { searchKey } from '@thads/shared';

type Unit = { slug: string; name: string };
type Item = { name: string; kind: string; address: string; judgment: string; obligation: string; reason: string; decision: string; unit: number };
type Props = { dataUrl: string; units: Unit[]; unitUrlBase: string };

export const MIN_CHARS = 2;
export const MAX_SHOWN = 50;

/** Every word of the query appears in the name, ignoring case and diacritics ("d" finds "đ"). */
export function matches(name: string, query: string): boolean {
  const folded = searchKey(name);
  return searchKey(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => folded.includes(word));
}

export default function DebtorSearch({ dataUrl, units, unitUrlBase }: Props) {
  const [query, setQuery] = useState('');
  const [unit, setUnit] = useState('');
  const [items, setItems] = useState<Item[] | null>(null);
  const [failed, setFailed] = useState(false);
  const loading = useRef(false);

  const load = () => {
    if (items || loading.current) return;
    loading.current = true;
    fetch(dataUrl)
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((data: { items: Item[]; units: Unit[] }) => {
        // Units are matched by slug: the page and the JSON are built together, but keep it robust.
        const index = data.units.map((u) => u.slug);
        setItems(data.items.map((i) => ({ ...i, unit: units.findIndex((u) => u.slug === index[i.unit]) })));
      })
      .catch(() => setFailed(true))
      .finally(() => (loading.current = false));
  };
  useEffect(() => {
    if (query.trim().length >= MIN_CHARS) load();
  }, [query]);

  const trimmed = query.trim();
  const unitIndex = unit ? units.findIndex((u) => u.slug === unit) : -1;
  const results = useMemo(
    () => (items && trimmed.length >= MIN_CHARS ? items.filter((i) => (unitIndex < 0 || i.unit === unitIndex) && matches(i.name, trimmed)) : []),
    [items, trimmed, unitIndex],
  );

  let status = `Gõ ít nhất ${MIN_CHARS} ký tự của tên để tìm.`;
  if (trimmed.length >= MIN_CHARS) {
    if (failed) status = 'Không tải được dữ liệu tra cứu. Vui lòng thử lại, hoặc xem danh sách theo đơn vị bên dưới.';
    else if (!items) status = 'Đang tải dữ liệu…';
    else if (!results.length) status = `Không có ai tên gồm “${trimmed}” trong danh sách${unitIndex >= 0 ? ` của ${units[unitIndex]!.name}` : ''}.`;
    else status = results.length > MAX_SHOWN ? `Có ${results.length} kết quả; hiển thị ${MAX_SHOWN} kết quả đầu, hãy gõ thêm để thu hẹp.` : `Có ${results.length} kết quả.`;
  }

  return (
    <div className="debtor-search">
      <form className="form" role="search" aria-label="Tra cứu theo tên" onSubmit={(e) => e.preventDefault()}>
        <div className="form-group">
          <label className="form-label" htmlFor="debtor-q">
            Tên người phải thi hành án
          </label>
          <div className="form-hint" id="debtor-q-hint">
            Gõ có dấu hoặc không dấu, ví dụ “nguyen van” hoặc “cong ty minh”.
          </div>
          <input
            className="form-input"
            id="debtor-q"
            type="search"
            autoComplete="off"
            spellCheck={false}
            aria-describedby="debtor-q-hint"
            value={query}
            onFocus={load}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="debtor-unit">
            Đơn vị
          </label>
          <select className="form-select" id="debtor-unit" value={unit} onChange={(e) => setUnit(e.target.value)}>
            <option value="">Tất cả đơn vị</option>
            {units.map((u) => (
              <option key={u.slug} value={u.slug}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
      </form>
      <p className="debtor-search__status" role="status" aria-live="polite">
        {status}
      </p>
      {results.length > 0 && (
        <ol className="debtor-list">
          {results.slice(0, MAX_SHOWN).map((r, i) => (
            <li className="debtor" key={`${r.decision}-${r.name}-${i}`}>
              <h3 className="debtor__name">{r.name}</h3>
              <dl className="debtor__facts">
                <dt>Đơn vị</dt>
                <dd>{units[r.unit] ? <a href={`${unitUrlBase}${units[r.unit]!.slug}/`}>{units[r.unit]!.name}</a> : '—'}</dd>
                <dt>Cá nhân/Tổ chức</dt>
                <dd>{r.kind}</dd>
                <dt>Địa chỉ</dt>
                <dd>{r.address}</dd>
                <dt>Bản án, quyết định</dt>
                <dd>{r.judgment}</dd>
                <dt>Nghĩa vụ phải thi hành</dt>
                <dd>{r.obligation}</dd>
                <dt>Lý do chưa có điều kiện thi hành</dt>
                <dd>{r.reason}</dd>
                <dt>Quyết định về việc chưa có điều kiện thi hành</dt>
                <dd>{r.decision}</dd>
              </dl>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
