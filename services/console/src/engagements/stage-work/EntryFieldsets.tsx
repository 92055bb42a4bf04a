// A list of rows in a form (stakeholders, training needs, planned courses, recommendations):
// each row a numbered fieldset with its own remove button, and a button to add one. The focus
// follows the keyboard: into the new row once it is added, to the add button once one is
// removed.
import { useEffect, useRef, type ReactNode } from 'react';
import { FieldGroup } from './SubmissionForm.tsx';
import { withEntryChanged, withoutEntry } from './typed-entries.ts';

export function EntryFieldsets<Entry>({
  field,
  legend,
  hint,
  entryTitle,
  entries,
  newEntry,
  minimum = 1,
  keptBecause,
  addLabel,
  onChange,
  children,
}: {
  /** The list's key, as problems name it ('trainingNeeds'); a row's fields are `${field}.0.x`. */
  readonly field: string;
  readonly legend: string;
  readonly hint?: ReactNode;
  /** A row's name, numbered from 1: 'Training need' → 'Training need 2'. */
  readonly entryTitle: string;
  readonly entries: readonly Entry[];
  readonly newEntry: (entries: readonly Entry[]) => Entry;
  /** The fewest rows the list keeps (no remove button below it). */
  readonly minimum?: number;
  /** Why a row may not be removed, shown in place of its remove button; undefined if it may. */
  readonly keptBecause?: (entry: Entry, index: number) => string | undefined;
  readonly addLabel: string;
  readonly onChange: (entries: Entry[]) => void;
  readonly children: (
    entry: Entry,
    index: number,
    change: (next: Partial<Entry>) => void,
  ) => ReactNode;
}) {
  const list = useRef<HTMLFieldSetElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const focusAfter = useRef<'adding' | 'removing' | undefined>(undefined);
  useEffect(() => {
    const moved = focusAfter.current;
    focusAfter.current = undefined;
    if (moved === 'adding') {
      const rows = list.current?.querySelectorAll(':scope > fieldset');
      rows
        ?.item(rows.length - 1)
        ?.querySelector<HTMLElement>('input, select, textarea')
        ?.focus();
    } else if (moved === 'removing') {
      addButton.current?.focus();
    }
  }, [entries.length]);
  return (
    <FieldGroup field={field} legend={legend} hint={hint} className="entries" ref={list}>
      {entries.map((entry, index) => {
        const kept = keptBecause?.(entry, index);
        return (
          <fieldset key={index} className="entry">
            <legend>
              {entryTitle} {index + 1}
            </legend>
            {children(entry, index, (next) => onChange(withEntryChanged(entries, index, next)))}
            {kept !== undefined ? (
              <p className="hint">{kept}</p>
            ) : entries.length > minimum ? (
              <button
                type="button"
                className="button link-like"
                onClick={() => {
                  focusAfter.current = 'removing';
                  onChange(withoutEntry(entries, index));
                }}
              >
                Remove {entryTitle.toLowerCase()} {index + 1}
              </button>
            ) : null}
          </fieldset>
        );
      })}
      <button
        ref={addButton}
        type="button"
        className="button secondary"
        onClick={() => {
          focusAfter.current = 'adding';
          onChange([...entries, newEntry(entries)]);
        }}
      >
        {addLabel}
      </button>
    </FieldGroup>
  );
}
