/**
 * A citizen's question (/hoi-dap/gui-cau-hoi/): checked with the shared schema in the browser, sent with
 * a proof of work to POST /api/citizen-questions/submit; the answer is a tracking code for the status page.
 */
import { QUESTION_CONSENT_TEXT } from '@thads/shared';
import { ConsentField, ContactFields, SelectField, SubmitRow, TextArea, TextField } from './forms/Field.tsx';
import { ErrorSummary } from './forms/ErrorSummary.tsx';
import { useIntakeForm } from './forms/useIntakeForm.ts';

type Props = {
  /** Where the browser reaches the CMS (PUBLIC_CMS_URL at build). */
  cmsUrl: string;
  /** Q&A topics: value is the topic's slug. */
  topics: { value: string; label: string }[];
  /** The page's section on personal data. */
  privacyHref: string;
  /** The status page (/hoi-dap/tra-cuu/). */
  lookupHref: string;
};

const P = 'hd';
const FIELDS = ['name', 'phone', 'email', 'locality', 'topic', 'question', 'consent'] as const;
const MAX_QUESTION = 5000;

export default function QuestionForm({ cmsUrl, topics, privacyHref, lookupHref }: Props) {
  const form = useIntakeForm<{ trackingCode: string }>({
    cmsUrl,
    path: '/api/citizen-questions/submit',
    schema: 'citizenQuestion',
    fields: FIELDS,
    checkboxes: ['consent'],
    withProof: true,
  });
  const { errorOf } = form;

  if (form.result) {
    const code = form.result.trackingCode;
    return (
      <div className="form-panel" ref={form.resultRef} tabIndex={-1} role="status" aria-labelledby={`${P}-done-title`}>
        <h2 className="form-panel__title" id={`${P}-done-title`}>
          Đã gửi câu hỏi
        </h2>
        <p>Cơ quan thi hành án dân sự đã tiếp nhận câu hỏi của bạn. Mã tra cứu của bạn là:</p>
        <p className="form-panel__code">{code}</p>
        <p>Hãy ghi lại mã này. Với mã tra cứu và số điện thoại hoặc thư điện tử bạn đã ghi, bạn có thể xem câu hỏi đang được xử lý đến đâu và đọc câu trả lời khi đã có:</p>
        <p>
          <a href={`${lookupHref}?ma=${encodeURIComponent(code)}`}>Tra cứu tình trạng câu hỏi {code}</a>
        </p>
        <p>
          Họ tên và thông tin liên hệ của bạn chỉ dùng để trả lời câu hỏi này và chỉ được lưu giữ trong thời gian cần thiết; sau khi việc trả lời kết thúc, chúng được xoá theo thời hạn lưu trữ của cơ quan. Nếu câu hỏi được đăng
          lên trang hỏi đáp, nội dung sẽ được ẩn danh. <a href={privacyHref}>Về bảo vệ dữ liệu cá nhân</a>.
        </p>
      </div>
    );
  }

  return (
    <form className="form" noValidate method="post" aria-labelledby={`${P}-form-title`} onSubmit={form.onSubmit} onFocus={form.onTouch} onInput={form.onTouch}>
      <h2 className="visually-hidden" id={`${P}-form-title`}>
        Biểu mẫu gửi câu hỏi
      </h2>
      <ErrorSummary ref={form.summaryRef} idPrefix={P} problems={form.problems.summary} title={form.problems.summary.some((p) => p.field) ? 'Cần sửa các mục sau để gửi câu hỏi' : 'Chưa gửi được câu hỏi'} />

      <TextField id={`${P}-name`} name="name" label="Họ và tên" required autoComplete="name" spellCheck={false} error={errorOf('name')} />

      <ContactFields prefix={P} errorOf={errorOf} hint="Điền số điện thoại hoặc thư điện tử, hoặc cả hai (bắt buộc ít nhất một). Cơ quan chỉ dùng để trả lời câu hỏi này và để bạn tra cứu tình trạng." />

      <TextField id={`${P}-locality`} name="locality" label="Địa phương" autoComplete="address-level2" hint="Không bắt buộc. Xã, phường nơi bạn sinh sống." error={errorOf('locality')} />

      {topics.length > 0 && (
        <SelectField id={`${P}-topic`} name="topic" label="Lĩnh vực" hint="Không bắt buộc. Chọn nếu bạn biết câu hỏi thuộc lĩnh vực nào." placeholder="Chưa chọn lĩnh vực" options={topics} error={errorOf('topic')} />
      )}

      <TextArea
        id={`${P}-question`}
        name="question"
        label="Nội dung câu hỏi"
        required
        maxChars={MAX_QUESTION}
        hint="Trình bày ngắn gọn việc của bạn và điều bạn muốn hỏi (từ 20 đến 5.000 ký tự). Không ghi số căn cước, số tài khoản hay thông tin cá nhân của người khác."
        error={errorOf('question')}
      />

      <ConsentField prefix={P} errorOf={errorOf} text={QUESTION_CONSENT_TEXT} privacyHref={privacyHref} />

      <SubmitRow prefix={P} label="Gửi câu hỏi" hydrated={form.hydrated} busy={form.busy} />
    </form>
  );
}
