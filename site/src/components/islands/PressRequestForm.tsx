/**
 * A journalist's request for information or an interview (/bao-chi/de-nghi-cung-cap-thong-tin/): checked
 * with the shared schema, sent with a proof of work to POST /api/press-requests/submit; the answer is a
 * tracking code and the contacts of the spokesperson and the deputy.
 */
import { useEffect, useRef } from 'react';
import { PRESS_CONSENT_TEXT } from '@thads/shared';
import { splitPhones, telHref } from '../../lib/contact.ts';
import { ConsentField, ContactFields, FieldGroup, SubmitRow, TextArea, TextField } from './forms/Field.tsx';
import { ErrorSummary } from './forms/ErrorSummary.tsx';
import { vnDay } from './forms/form-logic.ts';
import { useIntakeForm } from './forms/useIntakeForm.ts';

type Props = { cmsUrl: string; privacyHref: string };
type Person = { name: string; title?: string | null; phone?: string | null; email?: string | null };
type Sent = { trackingCode: string; spokesperson: Person | null; deputy: Person | null };

const P = 'bc';
const FIELDS = ['journalistName', 'outlet', 'pressCard', 'phone', 'email', 'subject', 'questions', 'wishedDeadline', 'consent'] as const;

function Contact({ person, role }: { person: Person; role: string }) {
  return (
    <div className="box">
      <h3>{role}</h3>
      <p>
        <strong>{person.name}</strong>
        {person.title && <>, {person.title}</>}
      </p>
      <dl className="contact">
        {person.phone && (
          <>
            <dt>Điện thoại</dt>
            <dd>
              {splitPhones(person.phone).map((p, i) => (
                <span key={p}>
                  {i > 0 && ', '}
                  <a href={telHref(p)}>{p}</a>
                </span>
              ))}
            </dd>
          </>
        )}
        {person.email && (
          <>
            <dt>Thư điện tử</dt>
            <dd>
              <a href={`mailto:${person.email}`}>{person.email}</a>
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}

export default function PressRequestForm({ cmsUrl, privacyHref }: Props) {
  const form = useIntakeForm<Sent>({
    cmsUrl,
    path: '/api/press-requests/submit',
    schema: 'pressRequest',
    fields: FIELDS,
    checkboxes: ['consent'],
    withProof: true,
  });
  const { errorOf } = form;
  const deadline = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // The date picker's range is today's (Vietnam time), not the day the page was built.
    deadline.current?.setAttribute('min', vnDay(0));
    deadline.current?.setAttribute('max', vnDay(366));
  });

  if (form.result) {
    const { trackingCode, spokesperson, deputy } = form.result;
    return (
      <div className="form-panel" ref={form.resultRef} tabIndex={-1} role="status" aria-labelledby={`${P}-done-title`}>
        <h2 className="form-panel__title" id={`${P}-done-title`}>
          Đã gửi đề nghị
        </h2>
        <p>Cơ quan thi hành án dân sự đã tiếp nhận đề nghị của bạn. Mã đề nghị:</p>
        <p className="form-panel__code">{trackingCode}</p>
        <p>Hãy ghi lại mã này và nêu mã khi liên hệ người phát ngôn về đề nghị.</p>
        {spokesperson || deputy ? (
          <>
            <h3>Liên hệ người phát ngôn</h3>
            <div className="columns">
              {spokesperson && <Contact person={spokesperson} role="Người phát ngôn" />}
              {deputy && <Contact person={deputy} role="Người được giao nhiệm vụ phát ngôn" />}
            </div>
          </>
        ) : null}
        <p>
          Thông tin cá nhân của bạn chỉ dùng để xử lý đề nghị này và được xoá sau khi việc trả lời kết thúc, theo thời hạn lưu trữ của cơ quan. <a href={privacyHref}>Về bảo vệ dữ liệu cá nhân</a>.
        </p>
      </div>
    );
  }

  return (
    <form className="form" noValidate method="post" aria-labelledby={`${P}-form-title`} onSubmit={form.onSubmit} onFocus={form.onTouch} onInput={form.onTouch}>
      <h2 className="visually-hidden" id={`${P}-form-title`}>
        Biểu mẫu đề nghị cung cấp thông tin
      </h2>
      <ErrorSummary ref={form.summaryRef} idPrefix={P} problems={form.problems.summary} title={form.problems.summary.some((p) => p.field) ? 'Cần sửa các mục sau để gửi đề nghị' : 'Chưa gửi được đề nghị'} />

      <FieldGroup id={`${P}-journalist`} legend="Nhà báo, cơ quan báo chí">
        <TextField id={`${P}-journalistName`} name="journalistName" label="Họ và tên nhà báo" required autoComplete="name" spellCheck={false} error={errorOf('journalistName')} />
        <TextField id={`${P}-outlet`} name="outlet" label="Cơ quan báo chí" required autoComplete="organization" hint="Tên báo, tạp chí, đài phát thanh – truyền hình." error={errorOf('outlet')} />
        <TextField id={`${P}-pressCard`} name="pressCard" label="Số thẻ nhà báo" width="short" autoComplete="off" spellCheck={false} hint="Không bắt buộc." error={errorOf('pressCard')} />
      </FieldGroup>

      <ContactFields prefix={P} errorOf={errorOf} />

      <TextField id={`${P}-subject`} name="subject" label="Chủ đề" required hint="Ví dụ: Tiến độ thi hành vụ việc …; đề nghị phỏng vấn lãnh đạo về …" error={errorOf('subject')} />

      <TextArea
        id={`${P}-questions`}
        name="questions"
        label="Nội dung câu hỏi, thông tin đề nghị"
        required
        maxChars={10000}
        rows={10}
        hint="Các câu hỏi hoặc thông tin, tài liệu bạn đề nghị cung cấp; nếu đề nghị phỏng vấn, nêu hình thức và người muốn phỏng vấn."
        error={errorOf('questions')}
      />

      <TextField
        id={`${P}-wishedDeadline`}
        name="wishedDeadline"
        label="Thời hạn mong muốn nhận trả lời"
        ref={deadline}
        type="date"
        width="short"
        hint="Không bắt buộc. Từ hôm nay đến tối đa một năm tới."
        error={errorOf('wishedDeadline')}
      />

      <ConsentField prefix={P} errorOf={errorOf} text={PRESS_CONSENT_TEXT} privacyHref={privacyHref} />

      <SubmitRow prefix={P} label="Gửi đề nghị" hydrated={form.hydrated} busy={form.busy} />
    </form>
  );
}
