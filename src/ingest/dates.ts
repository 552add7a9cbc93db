/** Korean news timestamps → ISO 8601 in Korea Standard Time (`2024-02-23T17:22+09:00`). */

/** `(금)`, `[금]`, `금요일`: a weekday between the date and the time. */
const WEEKDAY = String.raw`(?:[\[(]\s*[월화수목금토일](?:요일)?\s*[\])]\s*|[월화수목금토일]요일\s*)?`;
/** `17:22`, `(17:22)`, `[09:41]`, `오후 2:05`, `14시 05분`, `오후 2시`: groups meridiem, hour, minute (:), minute (분). */
const CLOCK = String.raw`[\[(]?\s*(오전|오후|AM|PM|am|pm)?\s*(\d{1,2})\s*(?::\s*(\d{2})(?:\s*:\s*\d{2})?|시(?:\s*(\d{1,2})\s*분)?)\s*[\])]?`;
const TIME = `(?:${CLOCK})?`;
const NUMERIC = new RegExp(String.raw`(\d{4})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})\.?\s*` + WEEKDAY + TIME);
const WORDED = new RegExp(String.raw`(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일\s*` + WEEKDAY + TIME);
/**
 * `25.03.14 09:41` (오마이뉴스): a two-digit year, this century. Only with a time after it, and not inside a longer
 * number, so that figures such as `1.25.03` or a score are not read as dates.
 */
const SHORT_YEAR = new RegExp(String.raw`(?<![\d.])(\d{2})\.(\d{1,2})\.(\d{1,2})\.?\s*` + WEEKDAY + CLOCK);

export interface FoundTime {
  iso: string;
  index: number;
  length: number;
}

/** Finds the first timestamp in `text`; minutes precision, since outlets print seconds inconsistently. */
export function findKoreanTime(text: string): FoundTime | null {
  const candidates = [NUMERIC.exec(text), WORDED.exec(text), SHORT_YEAR.exec(text)].filter((m): m is RegExpExecArray => m !== null);
  const match = candidates.sort((a, b) => a.index - b.index)[0];
  if (!match) return null;
  const [, y, mo, d, meridiem, h, colonMinute, wordedMinute] = match;
  const year = y!.length === 2 ? 2000 + Number(y) : Number(y);
  const iso = toIso(year, Number(mo), Number(d), meridiem, h, colonMinute ?? wordedMinute);
  return iso ? { iso, index: match.index, length: match[0].length } : null;
}

export function parseKoreanTime(text: string): string | null {
  return findKoreanTime(text)?.iso ?? null;
}

function toIso(
  year: number,
  month: number,
  day: number,
  meridiem: string | undefined,
  hourText: string | undefined,
  minuteText: string | undefined,
): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2200) return null;
  let hour = hourText === undefined ? 0 : Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  const pm = meridiem === '오후' || meridiem?.toLowerCase() === 'pm';
  const am = meridiem === '오전' || meridiem?.toLowerCase() === 'am';
  if (pm && hour < 12) hour += 12;
  if (am && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return null;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  return `${date}T${pad(hour)}:${pad(minute)}+09:00`;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Epoch seconds for Discord `<t:…>` stamps. */
export function isoToEpochSeconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}
