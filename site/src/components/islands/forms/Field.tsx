/**
 * Form fields in the GOV.UK Frontend pattern: label (with "(bắt buộc)" in text when required), hint and
 * error under it, each with an id the control lists in `aria-describedby`; `aria-invalid` when in error.
 * Fields are uncontrolled: the form reads them with FormData when it is sent.
 */
import { forwardRef, useEffect, useRef, useState, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { cleanText } from '@thads/shared';
import { describedBy } from './form-logic.ts';

type Common = {
  /** The form's id prefix plus the field's name, e.g. "hd-name". */
  id: string;
  name: string;
  label: ReactNode;
  required?: boolean | undefined;
  hint?: ReactNode | undefined;
  error?: string | undefined;
};

function Label({ id, label, required }: Pick<Common, 'id' | 'label' | 'required'>) {
  return (
    <label className="form-label" htmlFor={id}>
      {label}
      {required && <span className="form-required"> (bắt buộc)</span>}
    </label>
  );
}

function Hint({ id, hint }: { id: string; hint: ReactNode }) {
  return (
    <div className="form-hint" id={`${id}-hint`}>
      {hint}
    </div>
  );
}

function ErrorMessage({ id, error }: { id: string; error: string }) {
  return (
    <p className="form-error-message" id={`${id}-error`}>
      <span className="visually-hidden">Lỗi: </span>
      {error}
    </p>
  );
}

const aria = ({ id, hint, error }: Common, ...more: string[]) => ({
  'aria-invalid': error ? (true as const) : undefined,
  'aria-describedby': describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined, ...more),
});

type InputProps = Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'required'> & { width?: 'full' | 'medium' | 'short' };

export const TextField = forwardRef<HTMLInputElement, InputProps>(function TextField({ id, name, label, required, hint, error, width = 'full', className, ...rest }, ref) {
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <Label id={id} label={label} required={required} />
      {hint && <Hint id={id} hint={hint} />}
      {error && <ErrorMessage id={id} error={error} />}
      <input
        ref={ref}
        className={`form-input form-input--${width}${className ? ` ${className}` : ''}`}
        id={id}
        name={name}
        type="text"
        {...rest}
        {...aria({ id, name, label, hint, error })}
      />
    </div>
  );
});

type AreaProps = Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name' | 'required'> & { maxChars: number };

/** A textarea with a character count (counted as the server counts: NFC, spaces collapsed, trimmed). */
export function TextArea({ id, name, label, required, hint, error, maxChars, onInput, ...rest }: AreaProps) {
  const [count, setCount] = useState(0);
  const [spoken, setSpoken] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    // Text typed before the island woke up is counted too.
    if (area.current?.value) setCount(cleanText(area.current.value).length);
    return () => clearTimeout(timer.current);
  }, []);
  const left = maxChars - count;
  const message = left >= 0 ? `Bạn còn ${left.toLocaleString('vi-VN')} ký tự` : `Bạn đã vượt quá ${(-left).toLocaleString('vi-VN')} ký tự`;
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <Label id={id} label={label} required={required} />
      {hint && <Hint id={id} hint={hint} />}
      {error && <ErrorMessage id={id} error={error} />}
      <textarea
        className="form-textarea"
        ref={area}
        id={id}
        name={name}
        rows={8}
        {...rest}
        {...aria({ id, name, label, hint, error }, `${id}-info`)}
        onInput={(event) => {
          const value = cleanText(event.currentTarget.value);
          setCount(value.length);
          // Screen readers hear the count once typing pauses, not at every key.
          clearTimeout(timer.current);
          timer.current = setTimeout(() => setSpoken(value.length > maxChars ? `Bạn đã vượt quá ${(value.length - maxChars).toLocaleString('vi-VN')} ký tự` : `Bạn còn ${(maxChars - value.length).toLocaleString('vi-VN')} ký tự`), 1000);
          onInput?.(event);
        }}
      />
      <p id={`${id}-info`} className="visually-hidden">
        Tối đa {maxChars.toLocaleString('vi-VN')} ký tự.
      </p>
      <p className={`form-count${left < 0 ? ' form-count--over' : ''}`} aria-hidden="true">
        {message}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {spoken}
      </p>
    </div>
  );
}

type SelectProps = Common & { options: { value: string; label: string }[]; placeholder: string };

export function SelectField({ id, name, label, required, hint, error, options, placeholder }: SelectProps) {
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <Label id={id} label={label} required={required} />
      {hint && <Hint id={id} hint={hint} />}
      {error && <ErrorMessage id={id} error={error} />}
      <select className="form-select" id={id} name={name} defaultValue="" {...aria({ id, name, label, hint, error })}>
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One checkbox (consent): the box before its label, a large target; error above, as GOV.UK does. */
export function Checkbox({ id, name, label, required, hint, error }: Common) {
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      {error && <ErrorMessage id={id} error={error} />}
      <div className="form-checkbox">
        <input className="form-checkbox__input" id={id} name={name} type="checkbox" value="yes" {...aria({ id, name, label, hint, error })} />
        <label className="form-checkbox__label" htmlFor={id}>
          {label}
          {required && <span className="form-required"> (bắt buộc)</span>}
        </label>
        {hint && <Hint id={id} hint={hint} />}
      </div>
    </div>
  );
}

/**
 * The field people never see and robots fill ("website"): off-screen, out of the tab order, ignored by
 * assistive technology and by autofill. Not `display: none`, which some robots skip.
 */
export function Honeypot({ id }: { id: string }) {
  return (
    <div className="form-hp" aria-hidden="true">
      <label htmlFor={id}>Trang web (không điền)</label>
      <input id={id} name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}

/** A group of fields (fieldset) with a legend and a hint. */
export function FieldGroup({ id, legend, hint, children }: { id: string; legend: ReactNode; hint?: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="form-fieldset" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="form-legend">{legend}</legend>
      {hint && <Hint id={id} hint={hint} />}
      {children}
    </fieldset>
  );
}

/** The parts every public form has, with its field prefix (`hd`, `bc`, `yc`…) and its errors by field name. */
type FormParts = { prefix: string; errorOf: (field: string) => string | undefined };

/** "Cách liên hệ lại với bạn": phone and email, at least one of the two (the shared schema checks it). */
export function ContactFields({ prefix: P, errorOf, hint }: FormParts & { hint?: string }) {
  return (
    <FieldGroup id={`${P}-contact`} legend="Cách liên hệ lại với bạn" hint={hint ?? 'Điền số điện thoại hoặc thư điện tử, hoặc cả hai (bắt buộc ít nhất một).'}>
      <TextField id={`${P}-phone`} name="phone" label="Số điện thoại" type="tel" inputMode="tel" autoComplete="tel" width="medium" hint="Ví dụ: 0912 345 678" error={errorOf('phone')} />
      <TextField id={`${P}-email`} name="email" label="Thư điện tử" type="email" inputMode="email" autoComplete="email" spellCheck={false} autoCapitalize="none" width="medium" error={errorOf('email')} />
    </FieldGroup>
  );
}

/** The consent to the processing of personal data (Decree 13/2023), with a link to the form's privacy notice. */
export function ConsentField({ prefix: P, errorOf, text, privacyHref }: FormParts & { text: string; privacyHref: string }) {
  return (
    <Checkbox
      id={`${P}-consent`}
      name="consent"
      label={text}
      required
      hint={
        <>
          Xem <a href={privacyHref}>cách cơ quan bảo vệ dữ liệu cá nhân của bạn</a>.
        </>
      }
      error={errorOf('consent')}
    />
  );
}

/** The end of a form: the honeypot, the submit button (enabled once hydrated) and the busy message. */
export function SubmitRow({ prefix: P, label, hydrated, busy }: { prefix: string; label: string; hydrated: boolean; busy: ReactNode }) {
  return (
    <>
      <Honeypot id={`${P}-website`} />
      <div className="form-actions">
        <button className="form-button" type="submit" disabled={!hydrated}>
          {label}
        </button>
        <p className="form-busy" role="status">
          {busy}
        </p>
      </div>
    </>
  );
}
