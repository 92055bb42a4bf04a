// A notification as an e-mail: its title as the subject, its body as plain text and as HTML
// (every character of the text escaped, paragraphs kept), and a footer saying why it came.
// Pure: the e-mail channel sends what this renders.

export interface RenderedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const htmlEntities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe to place in HTML, in an element or an attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => htmlEntities[character] ?? character);
}

const footer =
  'You receive this as a member of the CT TECH+ programme staff. You can turn e-mail off in ' +
  'your notification preferences; every notification is also in the application.';

function paragraphs(text: string): string[] {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}

export function renderEmail({ title, body }: { title: string; body: string }): RenderedEmail {
  const html = [
    '<!doctype html>',
    `<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>`,
    `<h1 style="font-size:1.2em">${escapeHtml(title)}</h1>`,
    ...paragraphs(body).map(
      (paragraph) => `<p>${escapeHtml(paragraph).replaceAll('\n', '<br>\n')}</p>`,
    ),
    `<hr><p style="color:#555;font-size:0.9em">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: title, text: `${body}\n\n--\n${footer}\n`, html };
}
