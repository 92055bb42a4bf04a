// Each page's one h1: it names the page in the tab's title and, after a navigation inside the
// console, takes the focus so that screen-reader and keyboard users start on the new page.
import { useEffect, useRef, type ReactNode } from 'react';

let firstPageShown = false;

export function PageHeading({
  title,
  children,
}: {
  readonly title: string;
  readonly children?: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · CT TECH+ console`;
  }, [title]);
  useEffect(() => {
    if (firstPageShown) heading.current?.focus();
    firstPageShown = true;
  }, []);
  return (
    <h1 ref={heading} tabIndex={-1} className="page-heading">
      {children ?? title}
    </h1>
  );
}
