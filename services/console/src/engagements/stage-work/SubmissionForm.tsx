// The frame every form of the stage's work shares: its heading, the summary of its problems,
// the save button and the "saved" status; and its fields (text, numbers, choices, a checkbox,
// groups in fieldsets), each labelled, with its hint and problems tied to its control.
import { maxTextLength } from '@cttech/domain';
import { createContext, use, type ReactNode, type Ref } from 'react';
import {
  FieldMessages,
  fieldId,
  invalidProps,
  ProblemSummary,
} from '../../forms/FieldProblems.tsx';
import { FormField } from '../../forms/FormField.tsx';
import type { FormMessages } from './field-layout.ts';
import type { StageSubmission } from './useStageSubmission.ts';

/** The form the fields belong to (their ids start with it) and its problems. */
const FormOfFields = createContext<{ readonly form: string; readonly messages: FormMessages }>({
  form: '',
  messages: {},
});

export function useFormOfFields() {
  return use(FormOfFields);
}

export function SubmissionForm<Values>({
  submission,
  children,
}: {
  readonly submission: StageSubmission<Values>;
  readonly children: ReactNode;
}) {
  const { form, heading, submitLabel, savedText } = submission.form;
  return (
    <FormOfFields value={{ form, messages: submission.messages }}>
      <form
        className="submission-form"
        onSubmit={submission.submit}
        noValidate
        aria-labelledby={`${form}-heading`}
      >
        <h3 id={`${form}-heading`}>{heading}</h3>
        <ProblemSummary form={form} messages={submission.messages} />
        {children}
        <div className="form-actions">
          <button type="submit" className="button" disabled={submission.saving}>
            {submission.saving ? 'Saving…' : submitLabel}
          </button>
          <p role="status" className="saved">
            {submission.saved ? savedText : ''}
          </p>
        </div>
      </form>
    </FormOfFields>
  );
}

/** What stands in place of a form that cannot be filled in yet, or any more: its heading, why. */
export function InPlaceOfForm({
  heading,
  children,
}: {
  readonly heading: string;
  readonly children: ReactNode;
}) {
  return (
    <div className="submission-form">
      <h3>{heading}</h3>
      {children}
    </div>
  );
}

interface FieldProps {
  /** The field's key, as problems name it ('assistancePlan.periodEnd'). */
  readonly field: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
}

/** Text typed on one line, in a text area (a paragraph, or a list one entry per line), or a date. */
export function TextField({
  field,
  label,
  hint,
  value,
  onChange,
  control = 'line',
  readOnly,
}: FieldProps & {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly control?: 'line' | 'lines' | 'paragraph' | 'date';
  readonly readOnly?: boolean;
}) {
  const { form, messages } = useFormOfFields();
  return (
    <FormField form={form} field={field} label={label} hint={hint} messages={messages}>
      {(props) =>
        control === 'lines' || control === 'paragraph' ? (
          <textarea
            {...props}
            rows={3}
            maxLength={control === 'paragraph' ? maxTextLength : undefined}
            value={value}
            onChange={(event) => onChange(event.target.value)}
          />
        ) : (
          <input
            {...props}
            type={control === 'date' ? 'date' : 'text'}
            maxLength={control === 'line' ? maxTextLength : undefined}
            readOnly={readOnly}
            value={value}
            onChange={(event) => onChange(event.target.value)}
          />
        )
      }
    </FormField>
  );
}

/** A number typed as text (blank until typed), within its bounds. */
export function NumberField({
  field,
  label,
  hint,
  value,
  onChange,
  min,
  max,
  step = 1,
}: FieldProps & {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly min: number;
  readonly max?: number;
  readonly step?: number | 'any';
}) {
  const { form, messages } = useFormOfFields();
  return (
    <FormField form={form} field={field} label={label} hint={hint} messages={messages}>
      {(props) => (
        <input
          {...props}
          type="number"
          inputMode={step === 1 ? 'numeric' : 'decimal'}
          className="number-input"
          min={min}
          max={max}
          step={step}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}

/** One choice from a list, in words; blank until chosen. */
export function ChoiceField<Value extends string>({
  field,
  label,
  hint,
  placeholder,
  choices,
  value,
  onChange,
}: FieldProps & {
  readonly placeholder: string;
  readonly choices: readonly { readonly value: Value; readonly title: string }[];
  readonly value: Value | '';
  readonly onChange: (value: Value | '') => void;
}) {
  const { form, messages } = useFormOfFields();
  return (
    <FormField form={form} field={field} label={label} hint={hint} messages={messages}>
      {(props) => (
        <select
          {...props}
          value={value}
          onChange={(event) => onChange(event.target.value as Value | '')}
        >
          <option value="">{placeholder}</option>
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.title}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

/** A yes-or-no statement, ticked when it holds. */
export function CheckboxField({
  field,
  label,
  hint,
  checked,
  onChange,
}: FieldProps & { readonly checked: boolean; readonly onChange: (checked: boolean) => void }) {
  const { form, messages } = useFormOfFields();
  const hintId = hint === undefined ? undefined : `${fieldId(form, field)}-hint`;
  return (
    <div className="field checkbox-field">
      <input
        {...invalidProps(form, field, messages, hintId)}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={fieldId(form, field)}>{label}</label>
      {hint === undefined ? null : (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      <FieldMessages form={form} field={field} messages={messages} />
    </div>
  );
}

/** Fields that belong together, in a fieldset named by its legend, with the group's problems. */
export function FieldGroup({
  field,
  legend,
  hint,
  className,
  ref,
  children,
}: {
  readonly field: string;
  readonly legend: ReactNode;
  readonly hint?: ReactNode;
  readonly className?: string;
  readonly ref?: Ref<HTMLFieldSetElement>;
  readonly children: ReactNode;
}) {
  const { form, messages } = useFormOfFields();
  const hintId = hint === undefined ? undefined : `${fieldId(form, field)}-hint`;
  const { id, 'aria-describedby': describedBy } = invalidProps(form, field, messages, hintId);
  return (
    <fieldset id={id} className={className} aria-describedby={describedBy} ref={ref}>
      <legend>{legend}</legend>
      {hint === undefined ? null : (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      <FieldMessages form={form} field={field} messages={messages} />
      {children}
    </fieldset>
  );
}
