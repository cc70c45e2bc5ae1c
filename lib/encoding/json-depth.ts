/**
 * Deeply nested JSON parses fine but overflows the stack of whatever walks it later (JSON.stringify of a
 * result, a schema check, a renderer). Real tokens, key sets and request bodies nest a handful of levels, so
 * anything past this is refused before it is parsed.
 */
export const MAX_JSON_DEPTH = 64;

/** How deeply `text` nests arrays and objects, counting brackets outside strings; stops counting past `limit`. */
export function jsonNestingDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const character = text.charCodeAt(index);
    if (inString) {
      if (character === 0x5c)
        index++; // a backslash escapes the next character
      else if (character === 0x22) inString = false;
    } else if (character === 0x22) inString = true;
    else if (character === 0x5b || character === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (character === 0x5d || character === 0x7d) depth--;
  }
  return deepest;
}

/** Why `text` is refused for nesting, or undefined when it is within the limit. */
export function excessiveNesting(text: string): string | undefined {
  return jsonNestingDepth(text) > MAX_JSON_DEPTH
    ? `it nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep`
    : undefined;
}
