// Problems shown next to their fields and summarised above the form, each summary entry a
// link to its field (the pattern of accessible error summaries).
import { useEffect, useRef } from 'react';

/** The DOM id of a form field: `kick-off-assistancePlan-periodEnd`. */
export function fieldId(form: string, key: string): string {
  return `${form}-${key.replaceAll('.', '-')}`;
}

export function messagesId(form: string, key: string): string {
  return `${fieldId(form, key)}-problems`;
}

/** The attributes a field takes when it has problems: invalid, described by them. */
export function invalidProps(
  form: string,
  key: string,
  messages: Readonly<Record<string, readonly string[]>>,
  hintId?: string,
) {
  const invalid = (messages[key]?.length ?? 0) > 0;
  const describedBy = [hintId, invalid ? messagesId(form, key) : undefined].filter(Boolean);
  return {
    id: fieldId(form, key),
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy.length > 0 ? describedBy.join(' ') : undefined,
  };
}

export function FieldMessages({
  form,
  field,
  messages,
}: {
  readonly form: string;
  readonly field: string;
  readonly messages: Readonly<Record<string, readonly string[]>>;
}) {
  const own = messages[field];
  if (own === undefined || own.length === 0) return null;
  return (
    <ul className="field-problems" id={messagesId(form, field)}>
      {own.map((message) => (
        <li key={message}>
          <span className="visually-hidden">Problem: </span>
          {message}
        </li>
      ))}
    </ul>
  );
}

/** Every problem of the form, linked to its field; takes the focus when it appears. */
export function ProblemSummary({
  form,
  messages,
}: {
  readonly form: string;
  readonly messages: Readonly<Record<string, readonly string[]>>;
}) {
  const summary = useRef<HTMLDivElement>(null);
  const entries = Object.entries(messages).flatMap(([key, list]) =>
    list.map((message) => ({ key, message })),
  );
  useEffect(() => {
    if (entries.length > 0) summary.current?.focus();
  }, [messages, entries.length]);
  if (entries.length === 0) return null;
  return (
    <div
      ref={summary}
      className="notice notice-problem"
      role="alert"
      tabIndex={-1}
      aria-labelledby={`${form}-problem-summary`}
    >
      <h2 id={`${form}-problem-summary`} className="notice-title">
        {entries.length === 1 ? 'There is a problem' : `There are ${entries.length} problems`}
      </h2>
      <ul>
        {entries.map(({ key, message }) => (
          <li key={`${key}:${message}`}>
            {key === '' ? message : <a href={`#${fieldId(form, key)}`}>{message}</a>}
          </li>
        ))}
      </ul>
    </div>
  );
}
