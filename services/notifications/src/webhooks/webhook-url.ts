// Which webhook URLs a recipient may register: https anywhere, or plain http on this machine's
// loopback (a local receiver); never with credentials in the URL.
import { z } from 'zod';

const loopbackHosts = new Set(['localhost', '[::1]']);

function isLoopback(hostname: string): boolean {
  return loopbackHosts.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Why the URL cannot be a webhook, or undefined when it can. */
export function webhookUrlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.username !== '' || url.password !== '') return 'must not carry credentials';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:') {
    return isLoopback(url.hostname) ? undefined : 'must be https (http only on a loopback address)';
  }
  return 'must be https (http only on a loopback address)';
}

export const webhookUrlSchema = z
  .string()
  .max(2_048)
  .superRefine((text, context) => {
    const problem = webhookUrlProblem(text);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });
