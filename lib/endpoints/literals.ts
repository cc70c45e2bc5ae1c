// A claim value written as a literal in each endpoint language. JSON string escapes are valid string escapes in
// JavaScript, Python, Go, Java and C#, so those languages reuse JSON.stringify for strings; PHP's single-quoted
// strings know only \\ and \'.

/** A value as source text; `indent` is the indentation of the line it starts on. */
export type Literal = (value: unknown, indent: string) => string;

interface Syntax {
  /** One level of indentation, as the language's formatter writes it. */
  unit: string;
  /** Java's method calls take no comma after the last argument. */
  trailingComma: boolean;
  scalar: (value: string | number | boolean | null) => string;
  list: (items: string[], block: Block) => string;
  map: (entries: [string, string][], block: Block) => string;
  /** Java's Map.entry and List.of refuse null members, so Java leaves them out. */
  dropsNull?: boolean;
}

type Block = (open: string, items: string[], close: string) => string;

function literalFor(syntax: Syntax): Literal {
  const write: Literal = (value, indent) => {
    const inner = indent + syntax.unit;
    const block: Block = (open, items, close) => {
      if (items.length === 0) return `${open}${close}`;
      const last = items.length - 1;
      const lines = items.map((item, index) => `${inner}${item}${index < last || syntax.trailingComma ? ',' : ''}`);
      return `${open}\n${lines.join('\n')}\n${indent}${close}`;
    };
    const kept = (member: unknown) => member !== undefined && !(syntax.dropsNull && member === null);
    if (Array.isArray(value))
      return syntax.list(
        value.filter(kept).map((item) => write(item, inner)),
        block,
      );
    if (value !== null && typeof value === 'object')
      return syntax.map(
        Object.entries(value)
          .filter(([, member]) => kept(member))
          .map(([key, member]) => [key, write(member, inner)]),
        block,
      );
    return syntax.scalar(value as string | number | boolean | null);
  };
  return write;
}

const json = (value: string | number | boolean | null) => JSON.stringify(value);

/** Java and C# need a suffix on integers beyond 32 bits, or the literal does not compile. */
function withLongSuffix(value: string | number | boolean | null): string {
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) > 2 ** 31 - 1
    ? `${value}L`
    : JSON.stringify(value);
}

export const javascriptLiteral = literalFor({
  unit: '  ',
  trailingComma: true,
  scalar: json,
  list: (items, block) => block('[', items, ']'),
  map: (entries, block) =>
    block(
      '{',
      entries.map(([key, value]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${value}`),
      '}',
    ),
});

export const pythonLiteral = literalFor({
  unit: '    ',
  trailingComma: true,
  scalar: (value) => (value === null ? 'None' : value === true ? 'True' : value === false ? 'False' : json(value)),
  list: (items, block) => block('[', items, ']'),
  map: (entries, block) =>
    block(
      '{',
      entries.map(([key, value]) => `${JSON.stringify(key)}: ${value}`),
      '}',
    ),
});

const phpString = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export const phpLiteral = literalFor({
  unit: '    ',
  trailingComma: true,
  scalar: (value) => (typeof value === 'string' ? phpString(value) : value === null ? 'null' : json(value)),
  list: (items, block) => block('[', items, ']'),
  map: (entries, block) =>
    block(
      '[',
      entries.map(([key, value]) => `${phpString(key)} => ${value}`),
      ']',
    ),
});

export const goLiteral = literalFor({
  unit: '\t',
  trailingComma: true,
  scalar: (value) => (value === null ? 'nil' : json(value)),
  list: (items, block) => block('[]any{', items, '}'),
  map: (entries, block) =>
    block(
      'map[string]any{',
      entries.map(([key, value]) => `${JSON.stringify(key)}: ${value}`),
      '}',
    ),
});

export const javaLiteral = literalFor({
  unit: '  ',
  trailingComma: false,
  dropsNull: true,
  scalar: withLongSuffix,
  list: (items, block) => block('List.of(', items, ')'),
  map: (entries, block) =>
    block(
      'Map.ofEntries(',
      entries.map(([key, value]) => `Map.entry(${JSON.stringify(key)}, ${value})`),
      ')',
    ),
});

export const csharpLiteral = literalFor({
  unit: '    ',
  trailingComma: true,
  scalar: withLongSuffix,
  list: (items, block) => block('new object[] {', items, '}'),
  map: (entries, block) =>
    block(
      'new Dictionary<string, object> {',
      entries.map(([key, value]) => `[${JSON.stringify(key)}] = ${value}`),
      '}',
    ),
});
