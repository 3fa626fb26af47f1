/**
 * RFC 5646 language tags, by their grammar (§2.1): `langtag`, private use and the grandfathered
 * tags. Well-formedness only; whether a subtag is registered is not checked.
 */

const alphanum = '[a-z0-9]';
const language = '(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})';
const script = '(?:-[a-z]{4})?';
const region = '(?:-(?:[a-z]{2}|[0-9]{3}))?';
const variant = `(?:-(?:${alphanum}{5,8}|[0-9]${alphanum}{3}))*`;
const extension = `(?:-[0-9a-wy-z](?:-${alphanum}{2,8})+)*`;
const privateUse = `x(?:-${alphanum}{1,8})+`;
const langtag = `${language}${script}${region}${variant}${extension}(?:-${privateUse})?`;
const grandfathered = [
  'en-gb-oed',
  'i-ami',
  'i-bnn',
  'i-default',
  'i-enochian',
  'i-hak',
  'i-klingon',
  'i-lux',
  'i-mingo',
  'i-navajo',
  'i-pwn',
  'i-tao',
  'i-tay',
  'i-tsu',
  'sgn-be-fr',
  'sgn-be-nl',
  'sgn-ch-de',
  'art-lojban',
  'cel-gaulish',
  'no-bok',
  'no-nyn',
  'zh-guoyu',
  'zh-hakka',
  'zh-min',
  'zh-min-nan',
  'zh-xiang',
];
const tagPattern = new RegExp(`^(?:${langtag}|${privateUse})$`, 'i');

/** Whether `tag` is a well-formed RFC 5646 language tag (case-insensitive), e.g. `nl`, `en-GB`, `zh-Hant-TW`. */
export function isLanguageTag(tag: string): boolean {
  return tag.length <= 128 && (tagPattern.test(tag) || grandfathered.includes(tag.toLowerCase()));
}
