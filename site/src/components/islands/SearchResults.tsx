/** A list of search results: title (link), content type, date, unit, excerpt with the searched words marked. */
import type { Ref } from 'react';
import type { Segment } from './highlight.ts';
import type { Hit } from './search-client.ts';

export function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </>
  );
}

type Props = {
  hits: Hit[];
  /** Full results show a heading per result and the excerpt; compact ones (the header's panel) a shorter line. */
  compact?: boolean;
  /** Gets each result's link, to move focus to it (keyboard navigation, "load more"). */
  linkRef?: (id: string) => Ref<HTMLAnchorElement>;
  id?: string;
  labelledBy?: string;
};

export default function SearchResults({ hits, compact = false, linkRef, id, labelledBy }: Props) {
  const Heading = compact ? 'span' : 'h2';
  return (
    <ol className={compact ? 'search-results search-results--compact' : 'search-results'} id={id} aria-labelledby={labelledBy}>
      {hits.map((hit) => (
        <li key={hit.id} className="search-result">
          <Heading className="search-result__title">
            <a href={hit.url} ref={linkRef?.(hit.id)}>
              <Highlighted segments={hit.title} />
            </a>
          </Heading>
          <p className="meta">
            {hit.type && <span className="search-result__type">{hit.type}</span>}
            {hit.date && <time dateTime={hit.date.iso}>{hit.date.label}</time>}
            {hit.unit && !compact && <span>{hit.unit}</span>}
          </p>
          {hit.excerpt.length > 0 && (
            <p className="search-result__excerpt">
              <Highlighted segments={hit.excerpt} />
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
