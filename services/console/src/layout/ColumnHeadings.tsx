// A table's head: one column heading per label, in order; a column of figures is aligned as
// its figures are.
export interface ColumnHeading {
  readonly label: string;
  readonly figures?: boolean;
}

export function ColumnHeadings({
  columns,
}: {
  readonly columns: readonly (string | ColumnHeading)[];
}) {
  return (
    <thead>
      <tr>
        {columns.map((column) => {
          const { label, figures = false } =
            typeof column === 'string' ? { label: column } : column;
          return (
            <th scope="col" key={label} className={figures ? 'number' : undefined}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
