/**
 * Place recognition and usage, as expectation tables (positive cases) and negative cases: the
 * same words used for people, organisations, teams and actors. Uses the bundled gazetteer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRunContext, type Place } from '../../src/core/index.js';
import { openGazetteer } from '../../src/resolve/gazetteer/open.js';
import { geoparse } from '../../src/resolve/geoparse.js';
import { analyze } from '../../src/text/index.js';

const ctx = createRunContext({ gazetteer: openGazetteer(null, {}) });
function places(text: string): Place[] {
  return geoparse(ctx, text, analyze(text).tokens).places;
}
const find = (ps: Place[], s: string) => ps.find((p) => p.mention.span.text === s);

// [text, mention, usage, country or null (unresolved allowed)]
const POSITIVE: [string, string, string, string | null][] = [
  ['Fighting broke out in Sirte on Monday.', 'Sirte', 'literal', 'LY'],
  ['Clashes were reported in Misrata and Benghazi.', 'Benghazi', 'literal', 'LY'],
  ['Britain informed its allies of the plan.', 'Britain', 'metonymic', 'GB'],
  ['Washington said the strikes would continue.', 'Washington', 'metonymic', 'US'],
  ['The Sirte offensive stalled in May.', 'Sirte', 'modifier', 'LY'],
  ['Libyan forces entered the town.', 'Libyan', 'modifier', 'LY'],
  ['Russia will respond to the sanctions, the Kremlin said.', 'Russia', 'metonymic', 'RU'],
  ['The fighters advanced on Wadi Zamzam and Wadi Bey.', 'Wadi Zamzam', 'literal', null],
  ['Sirte was captured in June.', 'Sirte', 'literal', 'LY'],
  ['Fighters seized villages south-west of Sirte last week.', 'Sirte', 'literal', 'LY'],
];

for (const [text, mention, usage, country] of POSITIVE) {
  test(`recognize "${mention}" as ${usage} in: ${text}`, () => {
    const p = find(places(text), mention);
    assert.ok(p, `${mention} recognized`);
    assert.equal(p.usage, usage);
    if (country) assert.equal(p.country, country);
  });
}

// Not places at all, or not the place: people, teams, schools, organisations.
const NEGATIVE: [string, string][] = [
  ['Jordan Peterson spoke at the university on Tuesday.', 'Jordan'],
  ['Paris Saint-Germain won the league again.', 'Paris'],
  ['She studied engineering at Georgia Tech.', 'Georgia'],
  ['She reads The Washington Post every day.', 'Washington'],
  ['Nine-year-old Georgia Stevens is lacing her skates.', 'Georgia'],
];

for (const [text, word] of NEGATIVE) {
  test(`negative: "${word}" is no literal place in: ${text}`, () => {
    const p = places(text).find((x) => x.mention.span.text === word && x.usage === 'literal');
    assert.equal(p, undefined, `${word} taken for a place: ${JSON.stringify(p?.mention.span)}`);
  });
}

test('containment: "Alexandria, Va." is the Virginia town, "Alexandria, Egypt" the Egyptian city', () => {
  const va = find(places('A fire destroyed a house in Alexandria, Va., on Sunday.'), 'Alexandria');
  assert.equal(va?.country, 'US');
  const eg = find(places('Protesters gathered in Alexandria, Egypt, on Friday.'), 'Alexandria');
  assert.equal(eg?.country, 'EG');
});

test('document focus: Tripoli in a report about Libya is the Libyan capital', () => {
  const p = places('Militias fought near Misrata and in Tripoli. Libya has had two governments since 2014.').find((x) => x.mention.span.text === 'Tripoli');
  assert.equal(p?.country, 'LY');
  assert.ok(p?.runnerUp, 'the doubt is shown: a runner-up');
});

test('every resolved place has a score, reasons and its candidates; unresolved ones say why', () => {
  for (const p of places('ISIS seized Al Washka and Sirte, Libya.')) {
    if (p.form !== 'name') continue;
    if (p.gazetteerId) {
      assert.ok(p.score > 0 && p.score <= 1);
      assert.ok(p.candidates?.length && p.candidates[0]!.reasons.length);
      assert.ok(p.evidence.reason);
    } else assert.ok(p.unresolvedReason);
  }
});

// Abstaining: a transliteration far outside the report's country, with nothing in the text for it,
// is no answer ("Al Balgha" ~ Balga, Australia / Balge, Germany); the same spelling inside the
// report's country, or named with a container that contains it, is kept.
test('a loose spelling match far from the report and its places is left unresolved', () => {
  const text = 'Fighters in Libya moved from Sirte and Misrata to Al Balgha.';
  const spans = ['Libya', 'Sirte', 'Misrata', 'Al Balgha'].map((s) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length }));
  const ps = geoparse(ctx, text, analyze(text).tokens, { goldSpans: spans }).places;
  const p = find(ps, 'Al Balgha')!;
  assert.equal(p.gazetteerId, null, `unresolved, not ${p.name} (${p.country})`);
  assert.match(p.unresolvedReason ?? '', /transliteration/);
  assert.equal(find(ps, 'Misrata')!.country, 'LY', 'a spelling variant in the focus country is kept');
});

test('a kind noun after a list completes every name of it: "Clarke, Madison, Oconee and Oglethorpe counties"', () => {
  const ps = places('The jobless rate for the metro area - Clarke, Madison, Oconee and Oglethorpe counties - remained low.');
  const clarke = find(ps, 'Clarke');
  assert.equal(clarke?.name, 'Clarke County');
  assert.equal(clarke?.featureCode, 'ADM2');
});

// Given spans (the --gold-spans evaluation, or a caller that knows its mentions): the places the
// recognizer finds elsewhere in the text are context for them, not ignored.
test('given spans are resolved with the other places of the text as context', () => {
  const text = 'Santa Maria is a fifth class municipality in the province of Romblon, Philippines.';
  const ps = geoparse(ctx, text, analyze(text).tokens, { goldSpans: [{ start: 0, end: 11 }] }).places;
  const p = find(ps, 'Santa Maria')!;
  assert.equal(p.country, 'PH', `${p.name} (${p.country})`);
});

test('a stated container holds: a namesake elsewhere is another place, and a name with none inside stays unresolved', () => {
  // Made-up reports; the containers are real divisions, the villages are invented.
  const yemen = places('Gunmen opened fire on a market in Hays city (Al Hudaydah) on Monday.');
  assert.equal(find(yemen, 'Hays')?.country, 'YE', 'Hays inside Al Hudaydah is the Yemeni town, not Hays, Kansas');
  const unknown = places('A protest took place in the town of Kellyville in Idleb province.');
  const k = find(unknown, 'Kellyville');
  assert.ok(k, 'recognized');
  assert.equal(k.gazetteerId, null);
  assert.match(k.unresolvedReason ?? '', /inside Idlib/);
});

test('a name written with its Arabic article is the entry that bears it: "Ad Dali" is in Yemen, not Dali in China', () => {
  const ps = places('Shelling was reported near Ad Dali on Tuesday.');
  assert.equal(find(ps, 'Ad Dali')?.country, 'YE');
});

test('names in brackets after a place are places: "in Zarqun (Qaatabah, Ad Dali)"', () => {
  const ps = places('Fighters attacked positions in Zarqun (Qaatabah, Ad Dali) at dawn.');
  assert.ok(find(ps, 'Zarqun'), 'the village before the bracket');
  assert.equal(find(ps, 'Qaatabah')?.country, 'YE');
  assert.equal(find(ps, 'Ad Dali')?.country, 'YE');
  const org = places('Fighters of the Islamic State (IS) attacked the town.');
  assert.equal(org.filter((p) => p.form === 'name').length, 0, 'an acronym in brackets is no container');
});

test('the country the other names point to wins over a namesake elsewhere: "Derna" with "Libyan" is Darnah, Libya', () => {
  const ps = places('Libyan aircraft struck a depot in Derna overnight.');
  assert.equal(find(ps, 'Derna')?.country, 'LY');
});

test('Arabic articles: "Deir-ez-Zor" is one name, "in al-Zahrawiya" and "in el Qantar" are places, "on an American table" is not', () => {
  const ps = places('Shells hit homes in al-Zahrawiya and in el Qantar, east of Deir-ez-Zor.');
  assert.equal(find(ps, 'Deir-ez-Zor')?.country, 'SY');
  assert.ok(find(ps, 'al-Zahrawiya'), 'hyphenated article');
  assert.ok(find(ps, 'el Qantar'), 'spaced article that is no English word');
  const en = places('The turkey ended up on an American dinner table.');
  assert.equal(find(en, 'an American'), undefined);
});

test('a strong head keeps its article ("in Wadi al Qurun (Sirt)"), and a town in brackets is a container', () => {
  const ps = places('Artillery fire hit positions in Wadi al Qurun (Sirt) on Friday.');
  assert.ok(find(ps, 'Wadi al Qurun'), 'the whole wadi name');
  assert.equal(find(ps, 'Sirt')?.country, 'LY');
});

test('a name written with its article is not resolved to a far entry that matches only without it', () => {
  const ps = places('Protesters gathered in el Zuqaq.');
  const p = find(ps, 'el Zuqaq');
  assert.ok(p, 'recognized');
  if (p.gazetteerId) assert.match(p.name.toLowerCase(), /^(el|al|az|ez)[ -]/, 'only an entry that bears the article');
});

test('one name, one place per document: every mention of a name resolves to the same entry', () => {
  const ps = places('Crowds gathered in Springfield on Monday. Police in Springfield said the Springfield march was peaceful, and the mayor of Springfield agreed.');
  const named = ps.filter((p) => p.mention.span.text === 'Springfield' && p.gazetteerId);
  assert.ok(named.length >= 3);
  assert.equal(new Set(named.map((p) => p.gazetteerId)).size, 1);
});

test('a known town right after "in" is a place even when a bracket follows; a surname of the same report is not', () => {
  const ps = places('Rival groups clashed in Surman (Zawiyat al Qusur) on Sunday.');
  assert.equal(find(ps, 'Surman')?.country, 'LY');
  const person = places('Bill Clinton spoke on Monday; the crowd in Clinton cheered.');
  assert.equal(person.filter((p) => p.mention.span.text === 'Clinton' && p.evidence.rules.includes('place/cue/known')).length, 0);
});

test('a spelling one doubled letter away is the same name, even alone in a report ("Lower Shabelle")', () => {
  const p = find(places('Fighting was reported in Lower Shabelle on Saturday.'), 'Lower Shabelle');
  assert.equal(p?.country, 'SO', `${p?.name} (${p?.country}): ${p?.unresolvedReason}`);
});

test('"the town of X" before a verb is still the place: "the town of Tell Zuhur left ten dead" is literal, "the President of France said" is not', () => {
  const town = places('Clashes in the town of Tell Zuhur left ten dead.');
  assert.equal(find(town, 'Tell Zuhur')?.usage, 'literal');
  const fr = places('The President of France said the talks would go on.');
  assert.equal(find(fr, 'France')?.usage, 'metonymic');
});

test('a name recognized as a place is a place again after a preposition: "Militias from Misrata said" beside "between Sirte and Misrata"', () => {
  const ps = places('Militias from Misrata said they lost four men in a clash on Monday halfway between Sirte and Misrata.');
  assert.equal(ps.filter((p) => p.mention.span.text === 'Misrata').length, 2);
});

test('a name borne without accents beats the same name as another entry\'s other name ("Shush" is Shūsh, Iran)', () => {
  const p = find(places('Workers protested outside Shush on Monday.'), 'Shush');
  assert.equal(p?.country, 'IR', `${p?.name} (${p?.country})`);
});
