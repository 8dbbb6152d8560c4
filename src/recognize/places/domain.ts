/**
 * Annotation conventions. Corpora disagree on what a toponym is: GeoWebNews marks "Washington" in
 * "the Washington Post" and demonyms ("Russians"), LGL marks neither. The recognizer is one shared
 * model plus small per-convention corrections (feature augmentation, Daumé 2007); a run names the
 * convention to follow, or none for sitrep's own (the shared weights alone).
 */

const DOMAINS: Record<string, string> = {
  geowebnews: 'gwn',
  gwn: 'gwn',
  lgl: 'lgl',
  'tr-news': 'trn',
  trnews: 'trn',
  geovirus: 'gv',
};

/** The convention of a corpus name as the eval files give it ("GeoWebNews", "LGL"…), or null. */
export function domainOf(corpus: string | null | undefined): string | null {
  if (!corpus) return null;
  return DOMAINS[corpus.toLowerCase().replace(/[\s_]/g, '')] ?? null;
}

export const KNOWN_DOMAINS: readonly string[] = [...new Set(Object.values(DOMAINS))];
