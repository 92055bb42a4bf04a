// Reads a server-sent events stream as it arrives (text/event-stream, as the WHATWG HTML
// standard defines it): events are split by blank lines; comments (heartbeats) are skipped.

export interface ServerSentEvent {
  /** The `event:` field; 'message' when the event names none. */
  readonly type: string;
  readonly data: string;
  readonly id: string | undefined;
}

/** Takes the stream's text in chunks of any size and gives back each complete event. */
export class ServerSentEventReader {
  private buffer = '';
  private type = '';
  private data: string[] = [];
  private id: string | undefined;

  push(chunk: string): ServerSentEvent[] {
    this.buffer += chunk;
    const events: ServerSentEvent[] = [];
    for (;;) {
      const end = /\r\n|\r|\n/.exec(this.buffer);
      // a lone CR at the end may be the first half of a CRLF: wait for the next chunk
      if (end === null || (end[0] === '\r' && end.index === this.buffer.length - 1)) break;
      const line = this.buffer.slice(0, end.index);
      this.buffer = this.buffer.slice(end.index + end[0].length);
      const event = this.line(line);
      if (event !== undefined) events.push(event);
    }
    return events;
  }

  private line(line: string): ServerSentEvent | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') this.type = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.id = value;
    return undefined;
  }

  private dispatch(): ServerSentEvent | undefined {
    const event =
      this.data.length === 0
        ? undefined
        : { type: this.type || 'message', data: this.data.join('\n'), id: this.id };
    this.type = '';
    this.data = [];
    return event;
  }
}
