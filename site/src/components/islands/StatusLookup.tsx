/**
 * The status of a question (/hoi-dap/tra-cuu/) or of an information request (kind="information",
 * /yeu-cau-cung-cap-thong-tin/tra-cuu/): tracking code (prefilled from ?ma=) plus the phone or email given
 * with it → POST /api/citizen-questions/status or /api/information-requests/status. Shows the status, the day
 * it was received and, once published, the link to the answer (questions) or the legal deadlines (information
 * requests); nothing else about anyone.
 */
import { useEffect, useRef } from 'react';
import { formatDateLong, toIsoVn } from '@thads/shared';
import { TextField } from './forms/Field.tsx';
import { ErrorSummary } from './forms/ErrorSummary.tsx';
import { useIntakeForm } from './forms/useIntakeForm.ts';

type Props = { cmsUrl: string; kind?: 'question' | 'information' };
type Status = { code: string; state: string; label: string; receivedAt?: string | null; answerUrl?: string | null; noticeDue?: string | null; deadline?: string | null };

const KINDS = {
  question: { path: '/api/citizen-questions/status', schema: 'questionStatus', noun: 'câu hỏi', title: 'Câu hỏi', example: 'HD-7K3M-P9QX' },
  information: { path: '/api/information-requests/status', schema: 'informationRequestStatus', noun: 'yêu cầu', title: 'Yêu cầu', example: 'YC-7K3M-P9QX' },
} as const;

const P = 'tc';
const FIELDS = ['code', 'contact'] as const;

export default function StatusLookup({ cmsUrl, kind = 'question' }: Props) {
  const k = KINDS[kind];
  const form = useIntakeForm<Status>({ cmsUrl, path: k.path, schema: k.schema, fields: FIELDS, withProof: false });
  const codeRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const code = new URLSearchParams(window.location.search).get('ma');
    if (code && codeRef.current && !codeRef.current.value) codeRef.current.value = code.slice(0, 40);
  }, []);

  const status = form.result;
  const onlyLoose = !form.problems.summary.some((p) => p.field);
  return (
    <>
      <form className="form" noValidate method="post" aria-labelledby={`${P}-form-title`} onSubmit={form.onSubmit} onFocus={form.onTouch} onInput={form.onTouch}>
        <h2 className="visually-hidden" id={`${P}-form-title`}>
          Biểu mẫu tra cứu
        </h2>
        <ErrorSummary ref={form.summaryRef} idPrefix={P} problems={form.problems.summary} title={onlyLoose ? 'Chưa tra cứu được' : 'Cần sửa các mục sau để tra cứu'} />
        <TextField
          ref={codeRef}
          id={`${P}-code`}
          name="code"
          label="Mã tra cứu"
          required
          width="short"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          className="form-input--code"
          hint={`Mã bạn nhận được khi gửi ${k.noun}, ví dụ ${k.example}.`}
          error={form.errorOf('code')}
        />
        <TextField
          id={`${P}-contact`}
          name="contact"
          label="Số điện thoại hoặc thư điện tử"
          required
          width="medium"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          hint={`Đúng số điện thoại hoặc địa chỉ thư điện tử bạn đã ghi khi gửi ${k.noun}.`}
          error={form.errorOf('contact')}
        />
        <div className="form-actions">
          <button className="form-button" type="submit" disabled={!form.hydrated}>
            Tra cứu
          </button>
          <p className="form-busy" role="status">
            {form.busy}
          </p>
        </div>
      </form>

      {status && (
        <div className="form-panel" ref={form.resultRef} tabIndex={-1} role="status" aria-labelledby={`${P}-result-title`}>
          <h2 className="form-panel__title" id={`${P}-result-title`}>
            {k.title} {status.code}
          </h2>
          <dl className="contact">
            <dt>Tình trạng</dt>
            <dd>
              <strong className="form-panel__state">{status.label}</strong>
            </dd>
            {status.receivedAt && (
              <>
                <dt>Ngày tiếp nhận</dt>
                <dd>
                  <time dateTime={toIsoVn(status.receivedAt)}>{formatDateLong(status.receivedAt)}</time>
                </dd>
              </>
            )}
            {status.noticeDue && (
              <>
                <dt>Hạn thông báo thời hạn giải quyết</dt>
                <dd>
                  <time dateTime={status.noticeDue}>{formatDateLong(status.noticeDue)}</time>
                </dd>
              </>
            )}
            {status.deadline && (
              <>
                <dt>Hạn trả lời</dt>
                <dd>
                  <time dateTime={status.deadline}>{formatDateLong(status.deadline)}</time>
                </dd>
              </>
            )}
          </dl>
          {kind === 'information' ? null : status.answerUrl?.startsWith('/') ? (
            <p>
              <a href={status.answerUrl}>Đọc câu trả lời đã đăng</a>
            </p>
          ) : (
            <p>Khi câu hỏi và câu trả lời được đăng lên trang hỏi đáp, đường dẫn tới câu trả lời sẽ hiện ở đây.</p>
          )}
        </div>
      )}
    </>
  );
}
