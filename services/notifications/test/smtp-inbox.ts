// A real SMTP server on a loopback port (smtp-server) that keeps every message it accepts, for
// the e-mail channel's tests. It can refuse recipients (a mailbox unavailable) on demand.
import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message as the SMTP server received it. */
export interface ReceivedMail {
  /** RCPT TO addresses. */
  readonly to: readonly string[];
  /** The header fields, names in lower case, folded lines unfolded. */
  readonly headers: ReadonlyMap<string, string>;
  readonly raw: string;
}

/** A loopback port nothing listens on (just now). */
export async function unusedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

function headersOf(raw: string): Map<string, string> {
  const block = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  return new Map(
    unfolded.split(/\r?\n/).flatMap((line) => {
      const colon = line.indexOf(':');
      return colon > 0
        ? [[line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()] as const]
        : [];
    }),
  );
}

export class SmtpInbox {
  readonly port: number;
  readonly messages: ReceivedMail[] = [];
  /** While true, every recipient is refused with 550. */
  refusing = false;
  private readonly server: SMTPServer;

  private constructor(port: number) {
    this.port = port;
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onRcptTo: (_address, _session, callback) => {
        if (this.refusing) {
          callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
        } else {
          callback();
        }
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.messages.push({
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            headers: headersOf(raw),
            raw,
          });
          callback();
        });
      },
    });
  }

  /** Starts a server on the port (an unused one when not given). */
  static async start(port?: number): Promise<SmtpInbox> {
    const inbox = new SmtpInbox(port ?? (await unusedPort()));
    await new Promise<void>((resolve, reject) => {
      inbox.server.once('error', reject);
      inbox.server.listen(inbox.port, '127.0.0.1', () => resolve());
    });
    return inbox;
  }

  /** The messages to an address. */
  to(address: string): ReceivedMail[] {
    return this.messages.filter((message) => message.to.includes(address));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
