/** Kinds of names an entry carries, stored as one byte per name. */
export const NameKind = {
  /** The source's main name (GeoNames `name`, Natural Earth `name`). */
  primary: 0,
  /** GeoNames `asciiname`. */
  ascii: 1,
  /** An alternate name (GeoNames `alternatenames`, Natural Earth `name_xx`/`name_alt`). */
  alternate: 2,
  /** alternateNamesV2 `isPreferredName`. */
  preferred: 3,
  /** alternateNamesV2 `isShortName` or `isColloquial`. */
  short: 4,
  /** alternateNamesV2 `isHistoric`: ranked lower. */
  historic: 5,
  /** A curated alias from data/gazetteer (country exonyms such as "Britain"). */
  alias: 6,
} as const;
export type NameKindCode = (typeof NameKind)[keyof typeof NameKind];
export const NAME_KIND_LABELS: readonly string[] = ['primary', 'ascii', 'alternate', 'preferred', 'short', 'historic', 'alias'];
