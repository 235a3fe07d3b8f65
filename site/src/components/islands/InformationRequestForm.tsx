/**
 * A citizen's request for information under the Law on Access to Information (/yeu-cau-cung-cap-thong-tin/):
 * the fields of the law's request form (art. 24), checked with the shared schema and sent with a proof of
 * work to POST /api/information-requests/submit; the answer is a tracking code and the answer deadline.
 */
import { INFORMATION_CONSENT_TEXT, INFORMATION_DELIVERY_LABELS, formatDateLong } from '@thads/shared';
import { ConsentField, ContactFields, FieldGroup, SelectField, SubmitRow, TextArea, TextField } from './forms/Field.tsx';
import { ErrorSummary } from './forms/ErrorSummary.tsx';
import { useIntakeForm } from './forms/useIntakeForm.ts';

type Props = { cmsUrl: string; privacyHref: string; lookupHref: string };
type Sent = { trackingCode: string; receivedOn: string; noticeDue: string | null; deadline: string };

const P = 'yc';
const FIELDS = ['fullName', 'address', 'idNumber', 'phone', 'email', 'information', 'purpose', 'delivery', 'consent'] as const;
const DELIVERY = Object.entries(INFORMATION_DELIVERY_LABELS).map(([value, label]) => ({ value, label }));

export default function InformationRequestForm({ cmsUrl, privacyHref, lookupHref }: Props) {
  const form = useIntakeForm<Sent>({ cmsUrl, path: '/api/information-requests/submit', schema: 'informationRequest', fields: FIELDS, checkboxes: ['consent'], withProof: true });
  const { errorOf } = form;

  if (form.result) {
    const { trackingCode, deadline } = form.result;
    return (
      <div className="form-panel" ref={form.resultRef} tabIndex={-1} role="status" aria-labelledby={`${P}-done-title`}>
        <h2 className="form-panel__title" id={`${P}-done-title`}>
          Đã gửi yêu cầu cung cấp thông tin
        </h2>
        <p>Cơ quan thi hành án dân sự đã tiếp nhận yêu cầu của bạn. Mã tra cứu của bạn là:</p>
        <p className="form-panel__code">{trackingCode}</p>
        <p>
          Hạn trả lời: <strong><time dateTime={deadline}>{formatDateLong(deadline)}</time></strong> (5 ngày làm việc). Nếu thông tin phức tạp, cơ quan sẽ thông báo bằng văn bản thời hạn giải quyết trong 3 ngày làm việc.
        </p>
        <p>
          <a href={`${lookupHref}?ma=${encodeURIComponent(trackingCode)}`}>Tra cứu tình trạng yêu cầu {trackingCode}</a>
        </p>
        <p>
          Thông tin cá nhân của bạn chỉ dùng để giải quyết yêu cầu này và được xoá sau khi việc giải quyết kết thúc, theo thời hạn lưu trữ của cơ quan. <a href={privacyHref}>Về bảo vệ dữ liệu cá nhân</a>.
        </p>
      </div>
    );
  }

  return (
    <form className="form" noValidate method="post" aria-labelledby={`${P}-form-title`} onSubmit={form.onSubmit} onFocus={form.onTouch} onInput={form.onTouch}>
      <h2 className="visually-hidden" id={`${P}-form-title`}>
        Phiếu yêu cầu cung cấp thông tin
      </h2>
      <ErrorSummary ref={form.summaryRef} idPrefix={P} problems={form.problems.summary} title={form.problems.summary.some((p) => p.field) ? 'Cần sửa các mục sau để gửi yêu cầu' : 'Chưa gửi được yêu cầu'} />

      <FieldGroup id={`${P}-person`} legend="Người yêu cầu">
        <TextField id={`${P}-fullName`} name="fullName" label="Họ và tên" required autoComplete="name" spellCheck={false} error={errorOf('fullName')} />
        <TextField id={`${P}-address`} name="address" label="Nơi cư trú, địa chỉ" required autoComplete="street-address" hint="Địa chỉ để cơ quan gửi văn bản trả lời khi cần." error={errorOf('address')} />
        <TextField
          id={`${P}-idNumber`}
          name="idNumber"
          label="Số căn cước, CMND hoặc hộ chiếu"
          required
          width="medium"
          autoComplete="off"
          spellCheck={false}
          hint="Luật Tiếp cận thông tin yêu cầu ghi số giấy tờ này. Ví dụ: 12 số căn cước."
          error={errorOf('idNumber')}
        />
      </FieldGroup>

      <ContactFields prefix={P} errorOf={errorOf} />

      <TextArea
        id={`${P}-information`}
        name="information"
        label="Thông tin yêu cầu cung cấp"
        required
        maxChars={5000}
        rows={6}
        hint="Ghi rõ tên văn bản, hồ sơ, tài liệu (số, ngày, cơ quan ban hành nếu biết)."
        error={errorOf('information')}
      />
      <TextArea id={`${P}-purpose`} name="purpose" label="Mục đích yêu cầu cung cấp thông tin" required maxChars={1000} rows={3} error={errorOf('purpose')} />
      <SelectField id={`${P}-delivery`} name="delivery" label="Hình thức nhận thông tin" required placeholder="Chọn hình thức" options={DELIVERY} hint="Nhận qua thư điện tử cần ghi địa chỉ thư điện tử ở trên." error={errorOf('delivery')} />

      <ConsentField prefix={P} errorOf={errorOf} text={INFORMATION_CONSENT_TEXT} privacyHref={privacyHref} />

      <SubmitRow prefix={P} label="Gửi yêu cầu" hydrated={form.hydrated} busy={form.busy} />
    </form>
  );
}
