import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../text/index.js';
import { actorDictionary, foldName, loadActorDictionary, nameOn } from './dictionary.js';
import { recognizeActors } from './recognizer.js';
import { assignPos, assignSentences, words } from './words.js';
import { parseLines } from './lines.js';

function actors(text: string, date = '2016-05-13') {
  const { tokens, sentences } = analyze(text);
  const ws = words(text);
  assignSentences(ws, sentences);
  assignPos(ws, tokens);
  return recognizeActors(actorDictionary(), text, ws, { date });
}

const show = (text: string, date?: string) =>
  actors(text, date).map((m) => `${m.kind}:${m.text}${m.countries.length && m.kind === 'generic' ? `@${m.countries.join('+')}` : ''}${m.antecedents.length ? `→${m.antecedents.map((a) => a.text).join('+')}` : ''}`);

test('words: offsets, folding, possessives and the joiner of hyphenated words', () => {
  const ws = words("ISIS's hold; the anti-Houthi forces; Da'esh and the U.S.");
  assert.deepEqual(
    ws.map((w) => [w.text, w.norm, w.possessive, w.joiner]),
    [
      ['ISIS', 'isis', true, ''],
      ['hold', 'hold', false, ''],
      ['the', 'the', false, ''],
      ['anti', 'anti', false, ''],
      ['Houthi', 'houthi', false, '-'],
      ['forces', 'forces', false, ''],
      ["Da'esh", 'daesh', false, ''],
      ['and', 'and', false, ''],
      ['the', 'the', false, ''],
      ['U.S.', 'us', false, ''],
    ],
  );
  for (const w of ws) assert.equal("ISIS's hold; the anti-Houthi forces; Da'esh and the U.S.".slice(w.start, w.end), w.text);
});

test('dictionary lines: strict format, unknown attributes and kinds fail loudly', () => {
  assert.deepEqual(parseLines('# c\nA | B @ kind=rebel; country=LY\n!C\n', 'x')[0]!.attrs, { kind: 'rebel', country: 'LY' });
  assert.equal(parseLines('!C', 'x')[0]!.remove, true);
  assert.throws(() => parseLines('A @ kind', 'f.txt'), /f\.txt:1: attribute "kind" is not key=value/);
});

test('actors: names, aliases, case-sensitive acronyms, and what is not an actor', () => {
  const cases: [string, string[]][] = [
    ['ISIS fighters attacked the town.', ['named:ISIS fighters']],
    ['It is what it is.', []],
    ['Daesh and al-Shabaab claimed the attacks.', ['named:Daesh', 'named:al-Shabaab']],
    ['Turkish troops and Syrian regime forces clashed.', ['generic:Turkish troops@TR', 'generic:Syrian regime forces@SY']],
    ['special forces troops from Italy and Britain arrived.', ['generic:special forces troops from Italy and Britain@IT', 'generic:special forces troops from Italy and Britain@GB']],
    ["Libya's army advanced.", ['generic:Libya\'s army@LY']],
    ['The anti-Houthi National Resistance forces fired.', ['named:National Resistance forces']],
    ['Protests against the high US dollar exchange rate.', []],
    ['Misrata militias and Firjan tribesmen fought.', ['communal:Misrata militias', 'communal:Firjan tribesmen']],
    ['Southern Resistance fighters took the hill.', ['named:Southern Resistance fighters']],
    ['Sharqiya Army fighters shot a man.', ['communal:Sharqiya Army fighters', 'generic:a man']],
    ['They pay $100 per person.', []],
  ];
  for (const [text, want] of cases) assert.deepEqual(show(text), want, text);
});

test('a member of an armed side is that side', () => {
  const m = actors('a member of the regime’s state security was killed');
  assert.ok(m.some((a) => a.kind === 'generic' && a.generic!.cls === 'military' && a.text.startsWith('a member of the regime') && a.rules.includes('actor/member-of')), m.map((a) => a.text).join(' | '));
});

test('leaders are recognized only inside their term', () => {
  assert.deepEqual(show('President Francois Hollande spoke.', '2016-05-13'), ['named:President Francois Hollande']);
  assert.deepEqual(show('President Francois Hollande spoke.', '2019-05-13'), []);
});

test('coreference: it, its forces, the Islamists, the Europeans, the four countries, he, the two sides', () => {
  const text =
    'ISIS forces in Libya attacked local militias, enabling it to capture towns. The Islamists fighters advanced. ' +
    'The US, Britain, France, and Italy have special forces troops in Libya. Special forces troops from Italy and Britain fought ISIS, and the Europeans suffered a blow. The four countries are talking. ' +
    'Prime Minister David Cameron said he will wait.';
  const m = show(text);
  assert.ok(m.includes('coref:it→ISIS forces'), m.join(' | '));
  assert.ok(m.includes('coref:The Islamists fighters→ISIS forces'));
  assert.ok(m.some((x) => /^coref:the Europeans→.*\+/.test(x)), 'the Europeans are the Italian and British troops');
  assert.ok(m.includes('coref:The four countries→US+Britain+France+Italy'));
  assert.ok(m.includes('coref:he→Prime Minister David Cameron'));
  const sides = show('Delegations of the Government of National Accord and the Libyan National Army signed a deal. The two sides will meet.', '2020-10-23');
  assert.ok(sides.some((x) => x.startsWith('coref:The two sides→Delegations of the Government of National Accord+Libyan National Army')), sides.join(' | '));
});

test('a dateline country is a place, a listed country an actor', () => {
  assert.equal(actors('KANDAHAR, Afghanistan, October 5, 2020 – A bomb exploded.')[0]?.preposition, 'in');
  assert.equal(actors('The US, Britain, France and Italy met.').find((a) => a.text === 'Britain')?.preposition, null);
});

test('era names: the LNA before the Government of National Accord', () => {
  const e = actorDictionary().byAlias.get(foldName('LNA'))!;
  assert.equal(e.name, 'Military Forces of Libya (2014-) Haftar Faction');
  assert.deepEqual(e.earlier, [{ until: '2016-03-30', name: 'Military Forces of Libya (2014-)' }]);
});

test('units ACLED names as part of a state’s forces, by era; lower-case group names', () => {
  const dict = actorDictionary();
  const pmf = dict.byAlias.get(foldName('PMF'))!;
  assert.equal(nameOn(pmf, '2020-05-01'), 'Military Forces of Iraq (2018-) Popular Mobilization Forces');
  assert.equal(nameOn(pmf, '2016-05-01'), 'PMF: Popular Mobilization Forces');
  assert.equal(dict.byAlias.get(foldName('Security Belt forces'))!.name, 'Military Forces of Yemen (2012-) Security Belt Forces');
  assert.equal(dict.byAlias.get(foldName('Wilayat Barqa'))!.name, 'Islamic State');
  assert.deepEqual(show('The Amajid Brigade and the Houthi Prevention Security Force clashed.'), ['named:Amajid Brigade', 'named:Houthi', 'named:Prevention Security Force']);
  assert.deepEqual(show('The children of fire initiative set a factory on fire.').slice(0, 1), ['named:children of fire initiative']);
  assert.deepEqual(show('Anti-Houthi National Resistance fighters shelled the port.').slice(0, 1), ['named:National Resistance fighters']);
});

test('a town the geoparser found, before an armed noun, is the town’s communal militia (gazetteer spelling)', () => {
  const text = 'Misrata militias fired on a convoy; Zawiya fighters and Hamza Brigade fighters replied.';
  const { tokens, sentences } = analyze(text);
  const ws = words(text);
  assignSentences(ws, sentences);
  assignPos(ws, tokens);
  const at = (t: string, name: string) => ({ start: text.indexOf(t), end: text.indexOf(t) + t.length, name });
  const ms = recognizeActors(actorDictionary(), text, ws, { date: '2015-03-01', towns: [at('Misrata', 'Misratah'), at('Zawiya', 'Az Zawiyah')] });
  assert.deepEqual(ms.filter((m) => m.kind === 'communal').map((m) => m.builtName), ['Misratah Communal Militia', 'Zawiyah Communal Militia', 'Hamza Brigade']);
});

test('a place’s authorities in capitals are the government; a capitalised name before an armed noun stays a name', () => {
  assert.deepEqual(show('On Monday, Aydin Governorship banned all marches.'), ['generic:Governorship']);
  assert.deepEqual(show('On Monday, the Sharqiya Army shelled the town.'), ['communal:Sharqiya Army']);
});

test('a user layer adds, overrides and removes entries', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-actors-'));
  const file = join(dir, 'mine.txt');
  writeFileSync(file, 'Katiba Test | Test Battalion @ kind=rebel; country=LY\n!Al Shabaab\n');
  const d = loadActorDictionary({ userFiles: [file] });
  assert.equal(d.byAlias.get(foldName('Test Battalion'))?.kind, 'rebel');
  assert.equal(d.named.has('Al Shabaab'), false);
  writeFileSync(file, 'Broken @ kind=warlord\n');
  assert.throws(() => loadActorDictionary({ userFiles: [file] }), /unknown kind "warlord"/);
});

test('a demonym in a hyphenated compound modifies: "the Iranian-aligned group" is not Iran acting', () => {
  const ms = actors("The Iranian-aligned group denied responsibility.");
  assert.ok(!ms.some((m) => m.kind === 'country'), ms.map((m) => `${m.kind}:${m.text}`).join(','));
});
