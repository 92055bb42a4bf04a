// Why a delivery failed, as it is stored, logged and shown to operators: the error's message
// without e-mail addresses (SMTP replies often quote the recipient), at most 500 characters.

const emailAddress = /[^\s<>()[\]"',;:@]+@[^\s<>()[\]"',;:@]+\.[^\s<>()[\]"',;:@]+/g;

export function failureText(error: unknown): string {
  const message = error instanceof Error ? describe(error) : `non-error thrown: ${String(error)}`;
  const redacted = message.replace(emailAddress, '<address>').replace(/\s+/g, ' ').trim();
  return redacted.length > 500
    ? `${redacted.slice(0, 497)}...`
    : redacted || 'failed without a reason';
}

/** The message, its code if it does not say it, and its cause's (fetch's "fetch failed"). */
function describe(error: Error): string {
  const cause = error.cause instanceof Error ? `: ${describe(error.cause)}` : '';
  return `${error.message}${codeOf(error)}${cause}`;
}

function codeOf(error: Error): string {
  const code = (error as Error & { code?: unknown }).code;
  return typeof code === 'string' && !error.message.includes(code) ? ` (${code})` : '';
}
