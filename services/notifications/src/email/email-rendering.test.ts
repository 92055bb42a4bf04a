// Notifications as e-mails: HTML escaped, text kept, a stable Message-ID.
import { describe, expect, it } from '@jest/globals';
import { messageIdOf } from './email-channel.ts';
import { escapeHtml, renderEmail } from './email-rendering.ts';

describe('a notification as an e-mail', () => {
  it('escapes everything the text holds in the HTML body, keeping the plain text as it is', () => {
    const email = renderEmail({
      title: 'Review <b>requested</b>',
      body: 'Engagement "engagement-KE-2026" & <script>alert(1)</script>\n\nSecond paragraph\nnext line',
    });
    expect(email.subject).toBe('Review <b>requested</b>');
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<b>requested');
    expect(email.html).toContain(
      '<h1 style="font-size:1.2em">Review &lt;b&gt;requested&lt;/b&gt;</h1>',
    );
    expect(email.html).toContain(
      '<p>Engagement &quot;engagement-KE-2026&quot; &amp; &lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
    expect(email.html).toContain('<p>Second paragraph<br>\nnext line</p>');
    expect(email.text).toMatch(
      /^Engagement "engagement-KE-2026" & <script>alert\(1\)<\/script>\n\nSecond/,
    );
    expect(email.text).toContain('notification preferences');
  });

  it('escapes the five characters HTML gives meaning to', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('has a Message-ID made of the delivery id and the sender’s domain, the same each time', () => {
    const from = 'CT TECH+ notifications <notifications@cttech.example.org>';
    expect(messageIdOf('5b0c8a52-6c07-4d1f-9d43-6f7b7e7d1a01', from)).toBe(
      '<5b0c8a52-6c07-4d1f-9d43-6f7b7e7d1a01@cttech.example.org>',
    );
    expect(messageIdOf('d-1', from)).toBe(messageIdOf('d-1', from));
  });
});
