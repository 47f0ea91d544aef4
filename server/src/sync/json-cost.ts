/** What parsing a message may cost, beyond its bytes: 1 MiB of `[{},{},…]` would be 350,000 objects. */
export interface JsonCostLimits {
  /** Objects and arrays in one message. */
  maxContainers: number;
  /** Values in one message (every element and member, counted by separators). */
  maxValues: number;
  /** Nesting depth. */
  maxDepth: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;

/**
 * Scans a message's raw bytes (no parse, nothing allocated) and says which
 * limit it passes, or null when JSON.parse may materialise it. Strings are
 * skipped whole, so brackets and commas inside text do not count. Multi-byte
 * UTF-8 never contains these ASCII bytes, so scanning bytes is exact.
 * Malformed JSON is left to JSON.parse.
 */
export function jsonCostExceeded(bytes: Buffer, limits: JsonCostLimits): string | null {
  let containers = 0;
  let values = 0;
  let depth = 0;
  const length = bytes.length;
  for (let i = 0; i < length; i++) {
    const b = bytes[i]!;
    if (b === QUOTE) {
      // Jump to the closing quote: one not preceded by an odd run of backslashes.
      let j = i;
      for (;;) {
        j = bytes.indexOf(QUOTE, j + 1);
        if (j === -1) return null;
        let slashes = 0;
        while (bytes[j - 1 - slashes] === BACKSLASH) slashes++;
        if (slashes % 2 === 0) break;
      }
      i = j;
    } else if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
      if (++containers > limits.maxContainers) return `more than ${limits.maxContainers} objects and arrays`;
      if (++depth > limits.maxDepth) return `nested deeper than ${limits.maxDepth}`;
    } else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
      depth--;
    } else if (b === COMMA) {
      if (++values > limits.maxValues) return `more than ${limits.maxValues} values`;
    }
  }
  return null;
}
