// The places in a capture where a token can hide, each named for the reader without its value: a HAR entry's
// headers, cookies, query string and bodies, or a log's lines.
import type { Har, HarEntry } from './har';

export interface EvidenceText {
  /** "POST https://app.example/rtc-token · response body", "line 12": never the value itself. */
  where: string;
  text: string;
  /** When it was seen: the entry's start, or a time at the start of a log line. */
  at?: string;
  /** The HAR entry it came from, for the clock check. */
  entry?: number;
}

/** The URL without its query and fragment, which may hold the token itself. */
export function urlWithoutQuery(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return url.split(/[?#]/)[0]!;
  }
}

function responseBody(entry: HarEntry): string | undefined {
  const { text, encoding } = entry.response.content;
  if (text === undefined) return undefined;
  if (encoding !== 'base64') return text;
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(text), (char) => char.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/** "POST https://app.example/rtc-token": how a place names its request, without the query. */
export function requestLabel(entry: HarEntry): string {
  return `${entry.request.method} ${urlWithoutQuery(entry.request.url)}`;
}

/** Every text of one entry that may carry a token, each with its place. */
export function* entryTexts(entry: HarEntry, index: number): Generator<EvidenceText> {
  const request = requestLabel(entry);
  const at = entry.startedDateTime;
  const place = (where: string, text: string | undefined): EvidenceText | undefined =>
    text ? { where: `${request} · ${where}`, text, at, entry: index } : undefined;
  // A browser's HAR lists each cookie twice, in the Cookie header and in `cookies`: the list alone is read then.
  const requestHeaders = entry.request.cookies.length
    ? entry.request.headers.filter((header) => header.name.toLowerCase() !== 'cookie')
    : entry.request.headers;
  const responseHeaders = entry.response.cookies.length
    ? entry.response.headers.filter((header) => header.name.toLowerCase() !== 'set-cookie')
    : entry.response.headers;
  const places = [
    ...requestHeaders.map((header) => place(`request header ${header.name}`, header.value)),
    ...entry.request.cookies.map((cookie) => place(`request cookie ${cookie.name}`, cookie.value)),
    ...entry.request.queryString.map((param) => place(`query ${param.name}`, param.value)),
    place('request body', entry.request.postData?.text),
    ...(entry.request.postData?.params ?? []).map((param) => place(`form field ${param.name}`, param.value)),
    ...responseHeaders.map((header) => place(`response header ${header.name}`, header.value)),
    ...entry.response.cookies.map((cookie) => place(`response cookie ${cookie.name}`, cookie.value)),
    place('response body', responseBody(entry)),
  ];
  for (const found of places) if (found) yield found;
}

export function* harTexts(har: Har): Generator<EvidenceText> {
  for (const [index, entry] of har.log.entries.entries()) yield* entryTexts(entry, index);
}

/** An ISO 8601 time at the start of a log line ("2026-12-04T10:42:07Z …", "2026-12-04 10:42:07,123 …"). */
const LINE_TIME = /^\[?(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?)/;

export function* logTexts(text: string): Generator<EvidenceText> {
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim()) continue;
    const time = LINE_TIME.exec(line)?.[1];
    yield { where: `line ${index + 1}`, text: line, ...(time ? { at: time.replace(' ', 'T').replace(',', '.') } : {}) };
  }
}

export function headerValue(headers: readonly { name: string; value: string }[], name: string): string | undefined {
  return headers.find((header) => header.name.toLowerCase() === name)?.value;
}
