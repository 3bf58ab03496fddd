/**
 * User text on cards is text (issue 13, item 8).
 *
 * Teams renders a Markdown subset in a TextBlock's text and in a FactSet's
 * titles and values (links `[t](u)`, bold, italics, lists) and turns bare
 * URLs into links. Text a user wrote — an agenda item, a decision, a place,
 * a name — must never become a link on a card the bot sends, and must not
 * restyle the card. `userText` is applied by the card builders to every
 * user-written string they put into displayed text (not into Input values,
 * where the user edits their own text as text).
 *
 * It relies on nothing a Teams client may or may not honour: Teams' clients
 * disagree on backslash escapes (iOS and Android have shown the backslash),
 * so Markdown is neutralised by taking the link syntax apart and by swapping
 * the few active ASCII characters for look-alikes that no Markdown parser or
 * linkifier reads:
 *
 * - `[text](url)` and `![alt](url)` become `text` and `alt`; the URL is dropped;
 * - a URL with a scheme (`https://evil.example/login`) loses its scheme and
 *   its host's dots are spaced (`evil . example/login`), so do `//host` and
 *   `www.host`; other link schemes (`mailto:`, `tel:`, `javascript:`, …)
 *   get a look-alike colon; `<scheme:…>` and `<a@b>` autolinks lose their `<`;
 * - any other dot between a letter or digit and a letter (a bare domain
 *   `evil.example`, an address `a@b.se`) becomes U+2024 ONE DOT LEADER,
 *   which looks the same (`t.ex.` still reads `t.ex.`) but ends a host name;
 *   so do the dots of a dotted quad;
 * - `*` becomes `∗`, `_` outside a word `＿`, runs of `~` `∼`, a `]` that
 *   would open a link target or reference `］`, `![` `!［`, a list marker at
 *   a line's start a look-alike, and `&` before an entity `＆`
 *   (`&#46;` would otherwise become a dot after the check);
 * - invisible format characters (zero-width space, word joiner, BOM, soft
 *   hyphen, bidirectional controls) are removed, except a zero-width joiner
 *   or non-joiner inside non-Latin text or emoji, so they cannot hide a URL.
 *
 * Idempotent: userText(userText(s)) === userText(s), so text that passed
 * through it once (a notice holding a user's words) may pass again.
 */

const DOTS = '.\\uFF0E\\u3002\\uFF61';
const DOT_RE = new RegExp(`[${DOTS}]`, 'g');
const SPACED_DOT = ' . ';
const LEADER_DOT = '\u2024';
const LOOKALIKE_COLON = '\uA789';

/** `[text](destination "title")` and `![alt](…)`; one level of parentheses in the destination, as CommonMark allows. */
const LINK_RE =
  /!?\[((?:[^[\]\\]|\\.)*)\]\(\s*(?:<[^<>\n]*>|(?:[^()\s\\]|\\.|\((?:[^()\s\\]|\\.)*\))*)(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?\s*\)/g;

/** A URL's scheme and the host after it: `https://host`, also `https:/host`, `https:\\host`. */
const SCHEME_URL_RE = /\b(?:(?:https?|ftps?|wss?|file):[/\\]*|[A-Za-z][A-Za-z0-9+.-]{0,31}:[/\\]{2})([^\s/\\?#:<>"'`()[\]{}|^]+)/gi;
/** A protocol-relative `//host`, not after a letter, digit or colon. */
const SLASHES_URL_RE = /(^|[^\p{L}\p{N}:/\\])[/\\]{2}([\p{L}\p{N}-]+(?:[.\uFF0E\u3002\uFF61][\p{L}\p{N}-]+)+)/gu;
/** `www.host`. */
const WWW_RE = /(?<![\p{L}\p{N}_-])(www\d{0,3}(?:[.\uFF0E\u3002\uFF61][\p{L}\p{N}-]+)+)/giu;
/** Schemes that link without `//`. */
const COLON_SCHEME_RE =
  /\b(https?|ftps?|wss?|file|mailto|tel|sms|sip|sips|callto|skype|msteams|teams|ms-[a-z-]+|im|xmpp|facetime|javascript|vbscript|data|blob|about|news|nntp|webcal|feed|geo|maps|market|intent|urn|magnet):(?=\S)/gi;
/** A dot that could separate host labels: after a letter or digit, before a letter. */
const HOST_DOT_RE = /(?<=[\p{L}\p{N}])[.\uFF0E\u3002\uFF61](?=\p{L})/gu;
const DOTTED_QUAD_RE = /(?<![\p{N}.])\d{1,3}(?:\.\d{1,3}){3}(?![\p{N}]|\.\d)/gu;

function removeFormatCharacters(s: string): string {
  if (!/\p{Cf}/u.test(s)) return s;
  const nonAscii = (c: string | undefined) => c !== undefined && c.charCodeAt(0) > 0x7f;
  return s.replace(/\p{Cf}/gu, (c, at: number, all: string) =>
    (c === '\u200D' || c === '\u200C') && nonAscii(all[at - 1]) && nonAscii(all[at + 1]) ? c : '',
  );
}

function unwrapLinks(s: string): string {
  // Inner links first: `[[a](u)](v)` is `[a](v)`, then `a`.
  for (let round = 0; round < 8 && s.includes(']('); round++) {
    const next = s.replace(LINK_RE, '$1');
    if (next === s) break;
    s = next;
  }
  return s;
}

const spaceDots = (host: string) => host.replace(DOT_RE, SPACED_DOT);

/** Displayed user text with nothing a Teams card would turn into a link or into formatting. */
export function userText(raw: string | null | undefined): string {
  if (typeof raw !== 'string' || raw === '') return '';
  let s = removeFormatCharacters(raw);
  s = unwrapLinks(s);
  s = s.replace(/&(?=#?[A-Za-z0-9]{1,32};)/g, '\uFF06');
  s = s.replace(/<(?=\s*(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:|[^\s<>@]+@))/g, '\u2039');
  s = s.replace(SCHEME_URL_RE, (_m, host: string) => spaceDots(host));
  // What is left of a `://` once the scheme before it went (`x://https://…` leaves `https` and `://…`) is no scheme.
  s = s.replace(/:(?=[/\\]{2})/g, LOOKALIKE_COLON);
  s = s.replace(SLASHES_URL_RE, (_m, before: string, host: string) => before + spaceDots(host));
  s = s.replace(WWW_RE, (host: string) => spaceDots(host));
  s = s.replace(COLON_SCHEME_RE, `$1${LOOKALIKE_COLON}`);
  s = s.replace(HOST_DOT_RE, LEADER_DOT);
  s = s.replace(DOTTED_QUAD_RE, (q) => q.replace(/\./g, LEADER_DOT));
  s = s.replace(/!\[/g, '!\uFF3B');
  s = s.replace(/\](?=[([:])/g, '\uFF3D');
  s = s.replace(/\*/g, '\u2217');
  s = s.replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\uFF3F');
  s = s.replace(/~{2,}/g, (run) => '\u223C'.repeat(run.length));
  s = s.replace(
    /^([ \t]{0,3})([-+])(?=[ \t]|$)/gm,
    (_m, indent: string, marker: string) => indent + (marker === '-' ? '\u2010' : '\uFF0B'),
  );
  s = s.replace(
    /^([ \t]{0,3}\d{1,9})([.)])(?=[ \t]|$)/gm,
    (_m, number: string, mark: string) => number + (mark === '.' ? LEADER_DOT : '\uFF09'),
  );
  return s;
}

/** Each value of a string record through `userText`, numbers as they are (for `t()` parameters). */
export function userParams<T extends Record<string, string | number>>(params: T): T {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? userText(v) : v])) as T;
}

// ---------------------------------------------------------------- a meeting's Teams link

/** A Teams link standing on its own (not inside another URL: `https://evil.example/?u=https://teams…`). */
const TEAMS_URL_RE = /(?<![^\s(<:;,"'])https:\/\/teams\.microsoft\.com\/[^\s<>"'`()[\]{}|^]+/gi;

/**
 * A Teams meeting link, as its normalised href, when `candidate` is one:
 * `https:`, host exactly `teams.microsoft.com` (no user, password or port),
 * a join path (`/l/meetup-join/…` or `/meet/…`, after dot segments are
 * resolved). Anything else is undefined.
 */
export function validTeamsJoinUrl(candidate: string): string | undefined {
  if (typeof candidate !== 'string' || candidate.length > 2048 || !/^https:\/\/teams\.microsoft\.com\//i.test(candidate)) return undefined;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.hostname !== 'teams.microsoft.com' || url.port !== '' || url.username !== '' || url.password !== '')
    return undefined;
  if (!/^\/(?:l\/meetup-join|meet)\/[^/]/.test(url.pathname)) return undefined;
  return url.href;
}

/**
 * A meeting's place as a card shows it: the Teams join link found in the
 * place text (only a valid one, see `validTeamsJoinUrl`), and the rest of
 * the text through `userText`, with that link taken out. A place that was
 * only the link reads `Microsoft Teams`.
 */
export function meetingPlace(location: string | undefined): { text: string; joinUrl?: string } {
  if (!location) return { text: '' };
  for (const m of location.matchAll(TEAMS_URL_RE)) {
    const raw = m[0].replace(/[.,;:!?]+$/, '');
    const joinUrl = validTeamsJoinUrl(raw);
    if (!joinUrl) continue;
    const rest = userText(
      location
        .split(raw)
        .join(' ')
        .replace(/\[([^[\]]*)\]\(\s*\)/g, '$1')
        .replace(/<\s*>/g, ' '),
    )
      .replace(/[ \t]{2,}/g, ' ')
      .trim();
    return { text: rest.replace(/^[\s,;:·–-]+|[\s,;:·–-]+$/g, '') || 'Microsoft Teams', joinUrl };
  }
  return { text: userText(location) };
}
