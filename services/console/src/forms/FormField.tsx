// One labelled form field: its label tied to the control, an optional hint, and the problems
// found with it, the control itself given the id, invalid state and descriptions it needs.
import type { ReactNode } from 'react';
import { FieldMessages, fieldId, invalidProps } from './FieldProblems.tsx';

export type ControlProps = ReturnType<typeof invalidProps>;

export function FormField({
  form,
  field,
  label,
  hint,
  messages,
  children,
}: {
  readonly form: string;
  /** The field's key, as problems name it ('assistancePlan.periodEnd'). */
  readonly field: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly messages: Readonly<Record<string, readonly string[]>>;
  readonly children: (control: ControlProps) => ReactNode;
}) {
  const hintId = hint === undefined ? undefined : `${fieldId(form, field)}-hint`;
  return (
    <div className="field">
      <label htmlFor={fieldId(form, field)}>{label}</label>
      {hint === undefined ? null : (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {children(invalidProps(form, field, messages, hintId))}
      <FieldMessages form={form} field={field} messages={messages} />
    </div>
  );
}
