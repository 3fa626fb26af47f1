/**
 * Whether a website serves the same page over IPv4 and IPv6 (Internet.nl's `web_ipv46`): the
 * page is reduced to the multiset of its bytes, and two pages compare by how much of that
 * multiset they share. Pure code; the probe reduces each body, the check compares.
 *
 * The algorithm is that of Python's `difflib.SequenceMatcher.quick_ratio`, which Internet.nl
 * uses: with `M` the number of bytes the two bodies have in common counted as multisets (for each
 * byte value, the smaller of its two counts) and `T` their total length, the ratio is `2·M / T`
 * (1 for two empty bodies), and the distance is `100 − 100 · ratio` percent. Internet.nl's
 * threshold (`SIMHASH_MAX` in its settings) is 10 %: at most that, the pages are the same site.
 *
 * Before counting, the body's first 500 000 bytes are read as Latin-1 (one character per byte,
 * as Internet.nl's `prettify("latin-1")` output is compared) and what changes on every request is
 * removed: `nonce` attributes of `script` and `style` tags and `input` tags named `__VIEWSTATE`.
 * Internet.nl also re-indents the HTML with BeautifulSoup before comparing; pastoe compares the
 * markup as served, so whitespace differences weigh a little more here.
 */

/** Internet.nl's `SIMHASH_MAX`: the largest distance, in percent, at which two pages are the same site. */
export const sameSiteMaxDistance = 10;

/** How much of each body is compared, in bytes (Internet.nl's `SIMHASH_MAX_RESPONSE_SIZE`). */
export const sameSiteBodyLimit = 500_000;

/** How often each byte value occurs in a body: 256 counts, indexed by byte value. */
export type ByteHistogram = readonly number[];

const nonceAttribute = /\snonce(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?(?=[\s/>]|$)/gi;
const viewStateName = /(?:^|\s)name\s*=\s*["']?__viewstate(?:["'\s/>]|$)/i;

/**
 * Removes what differs between two fetches of the same page: `nonce` attributes of `script` and
 * `style` start tags, and `input` tags named `__VIEWSTATE`. Linear in the input: tags are found
 * by scanning, never by a backtracking pattern over the whole text.
 *
 * @param html - the page, one character per byte (Latin-1)
 */
export function stripVolatileHtml(html: string): string {
  const parts: string[] = [];
  let copied = 0;
  let at = html.indexOf('<');
  while (at >= 0) {
    const end = html.indexOf('>', at + 1);
    if (end < 0) break;
    const tag = html.slice(at + 1, end);
    const name = /^[a-zA-Z]+/.exec(tag)?.[0].toLowerCase();
    if (name === 'script' || name === 'style') {
      const attributes = tag.slice(name.length);
      const stripped = attributes.replace(nonceAttribute, '');
      if (stripped !== attributes) {
        parts.push(html.slice(copied, at), `<${tag.slice(0, name.length)}${stripped}>`);
        copied = end + 1;
      }
    } else if (name === 'input' && viewStateName.test(tag.slice(name.length))) {
      parts.push(html.slice(copied, at));
      copied = end + 1;
    }
    at = html.indexOf('<', end + 1);
  }
  parts.push(html.slice(copied));
  return parts.join('');
}

/**
 * The byte histogram of a body as the comparison sees it: its first {@link sameSiteBodyLimit}
 * bytes, read as Latin-1, with {@link stripVolatileHtml} applied.
 */
export function sameSiteHistogram(body: Uint8Array): ByteHistogram {
  const head = body.subarray(0, sameSiteBodyLimit);
  let text = '';
  // Chunks keep String.fromCharCode's argument list short.
  for (let i = 0; i < head.length; i += 8_192) text += String.fromCharCode(...head.subarray(i, i + 8_192));
  const counts = new Array<number>(256).fill(0);
  const stripped = stripVolatileHtml(text);
  for (let i = 0; i < stripped.length; i++) {
    const code = stripped.charCodeAt(i) & 0xff;
    counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

/**
 * difflib's `quick_ratio` of two bodies from their histograms: `2·M / T`, where `M` is the size of
 * the multiset intersection and `T` the total length; 1 when both are empty.
 */
export function quickRatio(a: ByteHistogram, b: ByteHistogram): number {
  let matches = 0;
  let total = 0;
  for (let i = 0; i < 256; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    matches += Math.min(x, y);
    total += x + y;
  }
  return total === 0 ? 1 : (2 * matches) / total;
}

/** Internet.nl's distance between two bodies, in percent: `100 − 100 · quickRatio`. */
export function contentDistance(a: ByteHistogram, b: ByteHistogram): number {
  return 100 - quickRatio(a, b) * 100;
}
