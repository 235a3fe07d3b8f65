/**
 * "Trang này có hữu ích không?" at the foot of every content page: Có / Không, then an optional comment.
 * Loaded only when the reader touches it (client:focus): until then it is plain HTML that costs reading pages
 * no JavaScript. Checked with the shared schema, sent with a proof of work to POST /api/page-feedback/submit
 * (the same intake machinery as the other forms). Nothing personal is asked, and a comment holding a phone
 * number or an email address is refused with a message saying why.
 */
import { FEEDBACK_COMMENT_MAX } from '@thads/shared';
import { ErrorSummary } from './forms/ErrorSummary.tsx';
import { Honeypot, TextArea } from './forms/Field.tsx';
import { useIntakeForm } from './forms/useIntakeForm.ts';

type Props = { cmsUrl: string; path: string; title: string; privacyHref: string };

const P = 'ph';
const FIELDS = ['helpful', 'comment'] as const;

export default function PageFeedback({ cmsUrl, path, title, privacyHref }: Props) {
  const form = useIntakeForm<{ received: true }>({ cmsUrl, path: '/api/page-feedback/submit', schema: 'pageFeedback', fields: FIELDS, withProof: true });
  const helpfulError = form.errorOf('helpful');
  return (
    <div className="page-feedback">
      {!form.result && (
        <form className="page-feedback__form" noValidate method="post" onSubmit={form.onSubmit} onFocus={form.onTouch} onInput={form.onTouch}>
          <ErrorSummary ref={form.summaryRef} idPrefix={P} problems={form.problems.summary} title="Chưa gửi được phản hồi" />
          <input type="hidden" name="path" value={path} />
          <input type="hidden" name="title" value={title} />
          <fieldset className={`page-feedback__answer${helpfulError ? ' form-group--error' : ''}`} aria-describedby={helpfulError ? `${P}-helpful-error` : undefined}>
            <legend className="page-feedback__question">Trang này có hữu ích không?</legend>
            {helpfulError && (
              <p className="form-error-message" id={`${P}-helpful-error`}>
                <span className="visually-hidden">Lỗi: </span>
                {helpfulError}
              </p>
            )}
            <div className="page-feedback__choices">
              <label className="page-feedback__choice">
                <input type="radio" id={`${P}-helpful`} name="helpful" value="yes" />
                <span>Có</span>
              </label>
              <label className="page-feedback__choice">
                <input type="radio" name="helpful" value="no" />
                <span>Không</span>
              </label>
            </div>
          </fieldset>
          <div className="page-feedback__more">
            <TextArea
              id={`${P}-comment`}
              name="comment"
              label="Góp ý thêm (không bắt buộc)"
              maxChars={FEEDBACK_COMMENT_MAX}
              rows={3}
              hint={
                <>
                  Xin đừng ghi họ tên, số điện thoại, thư điện tử hay thông tin cá nhân khác: phản hồi này không lưu thông tin cá nhân và không được trả lời riêng. Muốn hỏi về
                  việc của mình, hãy <a href="/hoi-dap/gui-cau-hoi/">gửi câu hỏi</a>. <a href={privacyHref}>Cách xử lý phản hồi</a>.
                </>
              }
              error={form.errorOf('comment')}
            />
            <Honeypot id={`${P}-website`} />
            <div className="form-actions">
              <button className="form-button" type="submit" disabled={!form.hydrated}>
                Gửi phản hồi
              </button>
              <p className="form-busy" role="status">
                {form.busy}
              </p>
            </div>
          </div>
          <noscript>
            <p className="form-hint">Cần bật JavaScript để gửi phản hồi.</p>
          </noscript>
        </form>
      )}
      <div className="page-feedback__thanks" ref={form.resultRef} tabIndex={-1} role="status">
        {form.result ? 'Cảm ơn bạn đã cho biết ý kiến. Phản hồi giúp chúng tôi làm trang thông tin rõ ràng, hữu ích hơn.' : ''}
      </div>
    </div>
  );
}
