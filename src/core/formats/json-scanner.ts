/**
 * An iterative JSON scanner (see `json-text.ts` for why there is one besides `JSON.parse`): it walks a text
 * value by value with an explicit stack of open objects and arrays, so that 10,000-deep nesting cannot
 * overflow the call stack.
 */

export interface JsonSyntaxError {
  readonly offset: number;
  readonly message: string;
  /** Set when the text is well-formed as far as read but beyond a limit of the reader (its nesting). */
  readonly limit?: true;
}

export type JsonPath = (string | number)[];
/** Called at the start of every value, with the path to it (the same array each time: copy to keep it). */
export type JsonVisit = (path: JsonPath, offset: number) => void;

/** What the scanner expects next: a value, what follows a value, or nothing (the text is read). */
type Next = 'value' | 'after-value' | 'end';

const quote = (c: string | undefined): string =>
  c === undefined ? 'the end of the input' : `'${c === '\n' ? '\\n' : c}'`;

const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export class JsonScanner {
  private i = 0;
  private readonly path: JsonPath = [];
  private readonly frames: ('object' | 'array')[] = [];

  constructor(
    private readonly text: string,
    private readonly visit?: JsonVisit,
  ) {}

  /** Walks the whole text; returns the first syntax error, if any. */
  scan(): JsonSyntaxError | undefined {
    this.skipSpace();
    if (this.i >= this.text.length) return this.fail('the input is empty');
    let next: Next = 'value';
    for (;;) {
      const step: Next | JsonSyntaxError = next === 'value' ? this.value() : this.afterValue();
      if (typeof step !== 'string') return step;
      if (step === 'end') return undefined;
      next = step;
    }
  }

  /** A value: a scalar, or the opening of an object or array. */
  private value(): Next | JsonSyntaxError {
    const { text } = this;
    this.skipSpace();
    if (this.i >= text.length) return this.fail('unexpected end of the input: a value is missing');
    this.visit?.(this.path, this.i);
    const c = text[this.i];
    if (c !== '{' && c !== '[') return this.readScalar() ?? 'after-value';
    this.i++;
    this.skipSpace();
    if (text[this.i] === (c === '{' ? '}' : ']')) {
      this.i++;
      return 'after-value';
    }
    if (c === '[') {
      this.frames.push('array');
      this.path.push(0);
      return 'value';
    }
    this.frames.push('object');
    return this.readKey() ?? 'value';
  }

  /** After a value: a comma and the next member, the close of its object or array, or the end of the text. */
  private afterValue(): Next | JsonSyntaxError {
    const { text, path } = this;
    this.skipSpace();
    const frame = this.frames[this.frames.length - 1];
    const c = text[this.i];
    if (!frame)
      return c === undefined ? 'end' : this.fail(`unexpected ${quote(c)} after the end of the JSON value`);
    const close = frame === 'object' ? '}' : ']';
    if (c === ',') {
      this.i++;
      if (frame === 'object') {
        path.pop();
        return this.readKey() ?? 'value';
      }
      this.skipSpace();
      if (text[this.i] === ']') return this.fail("a trailing comma before ']' is not allowed in JSON");
      path[path.length - 1] = (path[path.length - 1] as number) + 1;
      return 'value';
    }
    if (c === close) {
      this.i++;
      this.frames.pop();
      path.pop();
      return 'after-value';
    }
    if (c === undefined) return this.fail(`unexpected end of the input: missing '${close}'`);
    return this.fail(`expected ',' or '${close}' but found ${quote(c)}`);
  }

  private skipSpace(): void {
    const { text } = this;
    for (; this.i < text.length; this.i++) {
      const c = text.charCodeAt(this.i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return;
    }
  }

  private readString(): JsonSyntaxError | string {
    const { text } = this;
    const start = this.i++;
    for (; this.i < text.length; this.i++) {
      const c = text.charCodeAt(this.i);
      if (c === 34) {
        this.i++;
        return JSON.parse(text.slice(start, this.i)) as string;
      }
      if (c === 92) {
        const next = text[this.i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(this.i + 2, this.i + 6)))
            return this.fail('bad \\u escape in a string');
          this.i += 5;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) this.i++;
        else return this.fail(`bad escape \\${next ?? ''} in a string`);
      } else if (c < 0x20) {
        return this.fail('a control character (such as a line break) inside a string must be escaped');
      }
    }
    return this.fail('unterminated string', start);
  }

  /** A key and its colon; the key goes on the path. */
  private readKey(): JsonSyntaxError | undefined {
    const { text } = this;
    this.skipSpace();
    const c = text[this.i];
    if (c === '}') return this.fail("a trailing comma before '}' is not allowed in JSON");
    if (c !== '"')
      return this.fail(
        c === "'" ? 'keys must use double quotes' : `expected a key in double quotes but found ${quote(c)}`,
      );
    const key = this.readString();
    if (typeof key !== 'string') return key;
    this.skipSpace();
    if (text[this.i] !== ':')
      return this.fail(`expected ':' after the key "${key}" but found ${quote(text[this.i])}`);
    this.i++;
    this.path.push(key);
    return undefined;
  }

  private readScalar(): JsonSyntaxError | undefined {
    const { text } = this;
    const c = text[this.i];
    if (c === '"') {
      const value = this.readString();
      return typeof value === 'string' ? undefined : value;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, this.i)) {
        this.i += literal.length;
        return undefined;
      }
    }
    number.lastIndex = this.i;
    if (number.test(text)) {
      this.i = number.lastIndex;
      return undefined;
    }
    if (c === "'") return this.fail('strings must use double quotes');
    if ((c === ']' || c === '}') && /,\s*$/.test(text.slice(Math.max(0, this.i - 64), this.i))) {
      return this.fail(`a trailing comma before '${c}' is not allowed in JSON`);
    }
    return this.fail(`expected a value but found ${quote(c)}`);
  }

  private fail(message: string, at = this.i): JsonSyntaxError {
    return { offset: at, message };
  }
}
