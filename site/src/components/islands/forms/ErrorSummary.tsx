/**
 * The error summary at the top of a refused form (GOV.UK pattern): role="alert", focused when it appears,
 * one link per field in error that moves focus to the field and brings its label into view; problems that
 * belong to no field (rate limit, body too large, proof of work, not found) are listed as plain text.
 */
import { forwardRef, type MouseEvent } from 'react';
import type { Problem } from './form-logic.ts';

type Props = { idPrefix: string; problems: Problem[]; title?: string | undefined };

function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const field = document.getElementById(id);
  if (!field) return;
  event.preventDefault();
  // The label (or the error above a checkbox) is what tells the person what to fix: show it, then focus.
  const label = document.querySelector(`label[for="${id}"]`);
  const group = field.closest('.form-group');
  (group ?? label ?? field).scrollIntoView({ block: 'start' });
  field.focus({ preventScroll: true });
}

export const ErrorSummary = forwardRef<HTMLDivElement, Props>(function ErrorSummary({ idPrefix, problems, title = 'Cần sửa các mục sau để gửi' }, ref) {
  if (!problems.length) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={`${idPrefix}-error-summary-title`}>
      <h2 className="error-summary__title" id={`${idPrefix}-error-summary-title`}>
        {title}
      </h2>
      <ul className="error-summary__list">
        {problems.map((p, i) => (
          <li key={`${p.field ?? ''}${i}`}>
            {p.field ? (
              <a href={`#${idPrefix}-${p.field}`} onClick={(e) => focusField(e, `${idPrefix}-${p.field}`)}>
                {p.message}
              </a>
            ) : (
              p.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
});
