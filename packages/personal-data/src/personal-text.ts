import { inspect } from 'node:util';

const hidden = '[personal data]';

/**
 * A piece of a trainee's personal data in memory (a name, an e-mail address). It prints as
 * `[personal data]` wherever it is turned into text by accident (string conversion, JSON, a
 * logger's inspection), so it cannot leak into logs, events or traces; `reveal()` is the one
 * way to read it, meant for the screens that must show it.
 */
export class PersonalText {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return hidden;
  }

  toJSON(): string {
    return hidden;
  }

  [inspect.custom](): string {
    return hidden;
  }
}
