// A synthetic HAR of a given size for the evidence reader's large-file test and benchmark: `tokens` in the
// Authorization header of every `every`-th request, among large unrelated JSON bodies, one request per millisecond.
export function syntheticHar(bytes: number, tokens: readonly string[], every = 100): string {
  const filler = JSON.stringify({ items: 'x'.repeat(4000) });
  const entries: string[] = [];
  let size = 0;
  for (let index = 0; size < bytes; index++) {
    const carriesToken = index % every === 0;
    const entry = JSON.stringify({
      startedDateTime: new Date(Date.UTC(2026, 0, 1, 10, 0, 0, index)).toISOString(),
      time: 5,
      request: {
        method: 'GET',
        url: `https://app.example/api/items/${index}`,
        headers: carriesToken
          ? [{ name: 'Authorization', value: `Bearer ${tokens[(index / every) % tokens.length]}` }]
          : [],
        cookies: [],
        queryString: [],
      },
      response: { status: 200, headers: [], cookies: [], content: { mimeType: 'application/json', text: filler } },
    });
    entries.push(entry);
    size += entry.length + 1;
  }
  return `{"log":{"version":"1.2","creator":{"name":"rtc-doctor synthetic","version":"1"},"pages":[],"entries":[${entries.join(',')}]}}`;
}
