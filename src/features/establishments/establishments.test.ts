import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { makeWorld, signIn } from '../../../test/support/factories';
import { visibleText } from '../../../test/support/http';
import { GIAS_SAMPLE_CSV, SAMPLE_ESTABLISHMENTS, toGiasCsv } from './demo/gias-sample';
import { formatLoadResult, loadEstablishments, searchSchoolList } from './establishments.service';
import { prefixUpperBound, wordsOf } from './establishments.words';

const bytes = (text: string) => new TextEncoder().encode(text);
const names = (found: { name: string }[]) => found.map((s) => s.name);

describe('school list words', () => {
  it('reads names the way people type them', () => {
    expect(wordsOf('St Mary’s C of E (VA) Primary & Nursery')).toEqual(['st', 'marys', 'c', 'of', 'e', 'va', 'primary', 'and', 'nursery']);
    expect(wordsOf('Brontë')).toEqual(['bronte']);
  });
  it('bounds a prefix for an index range', () => {
    expect(prefixUpperBound('mary')).toBe('marz');
    expect(prefixUpperBound('maz')).toBe('mb');
    expect(prefixUpperBound('1079')).toBe('107a');
    expect(prefixUpperBound('LS8')).toBe('LS9');
    expect(prefixUpperBound('zz')).toBeNull();
  });
});

describeEachEngine('the school list', (ctx) => {
  it('loads the establishment file, and a second load updates schools by URN', async () => {
    const { db, clock } = ctx();
    await db.deleteFrom('establishment_words').execute();
    await db.deleteFrom('establishments').execute();
    const first = await loadEstablishments(db, clock, bytes(GIAS_SAMPLE_CSV));
    expect(first).toEqual({ ok: true, added: SAMPLE_ESTABLISHMENTS.length, updated: 0, unchanged: 0, total: SAMPLE_ESTABLISHMENTS.length });

    const renamed = SAMPLE_ESTABLISHMENTS.map((s) => (s.urn === '108012' ? { ...s, name: 'Moorside Primary Academy', status: 'Open' as const } : s));
    const extra = {
      ...SAMPLE_ESTABLISHMENTS[0],
      urn: '150001',
      name: 'Heron Brook School',
      postcode: 'YO1 7HH',
      town: 'York',
    } as (typeof SAMPLE_ESTABLISHMENTS)[number];
    const second = await loadEstablishments(db, clock, bytes(toGiasCsv([...renamed, extra])));
    expect(second).toEqual({ ok: true, added: 1, updated: 1, unchanged: SAMPLE_ESTABLISHMENTS.length - 1, total: SAMPLE_ESTABLISHMENTS.length + 1 });
    expect(formatLoadResult(second)).toBe('Loaded the school list: 1 added, 1 updated, 14 unchanged; 16 in all.');
    expect(names(await searchSchoolList(db, 'moorside'))).toEqual(['Moorside Primary Academy']);
    expect(names(await searchSchoolList(db, 'community moorside'))).toEqual([]);
    expect(names(await searchSchoolList(db, 'heron'))).toEqual(['Heron Brook School']);
  });

  it('refuses a file with bad rows, names each line, and loads nothing', async () => {
    const { db, clock } = ctx();
    const before = await db.selectFrom('establishments').select(['urn', 'name']).orderBy('urn').execute();
    const wordsBefore = await db
      .selectFrom('establishment_words')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = [
      ...SAMPLE_ESTABLISHMENTS.slice(0, 3),
      { ...SAMPLE_ESTABLISHMENTS[3], urn: '12345' },
      { ...SAMPLE_ESTABLISHMENTS[4], urn: '143271' },
      { ...SAMPLE_ESTABLISHMENTS[5], name: '', postcode: 'NOT A CODE' },
    ] as (typeof SAMPLE_ESTABLISHMENTS)[number][];
    const result = await loadEstablishments(db, clock, bytes(toGiasCsv(rows)));
    expect(result.ok).toBe(false);
    expect(formatLoadResult(result).split('\n')).toEqual([
      'Nothing was loaded. 3 rows are wrong:',
      '  Line 5: The URN “12345” is not 6 digits.',
      '  Line 6: URN 143271 is also on line 2.',
      '  Line 7: The establishment name is missing; the postcode “NOT A CODE” is not a UK postcode.',
    ]);
    expect(await db.selectFrom('establishments').select(['urn', 'name']).orderBy('urn').execute()).toEqual(before);
    expect(
      await db
        .selectFrom('establishment_words')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow(),
    ).toEqual(wordsBefore);
  });

  it('says which columns a file that is not the establishment file lacks', async () => {
    const { db, clock } = ctx();
    const result = await loadEstablishments(db, clock, bytes('Forename,Surname,Email\nAda,Lovelace,ada@example.org\n'));
    expect(formatLoadResult(result)).toBe(
      'Nothing was loaded. The file has no URN, EstablishmentName, EstablishmentStatus (name) columns. Check you chose the establishment file downloaded from Get information about schools (edubasealldata…csv).',
    );
  });

  it('finds a school by any words of its name and town, by URN or by postcode, open schools first', async () => {
    const { db, clock } = ctx();
    await loadEstablishments(db, clock, bytes(GIAS_SAMPLE_CSV));
    expect(names(await searchSchoolList(db, "st mary's"))).toEqual(["St Mary's Catholic Primary School", 'St Mary’s Church of England Primary School']);
    expect(names(await searchSchoolList(db, 'marys leeds'))).toEqual(["St Mary's Catholic Primary School"]);
    expect(names(await searchSchoolList(db, 'ashgrove'))).toEqual(['Ashgrove Primary Academy', 'Ashgrove Infant School']);
    expect(names(await searchSchoolList(db, 'bronte'))).toEqual(['Brontë Free School']);
    expect(names(await searchSchoolList(db, '107862'))).toEqual(['Oakfield Primary School']);
    expect(names(await searchSchoolList(db, '1079'))).toEqual(['Hillcrest Primary School']);
    expect(names(await searchSchoolList(db, 'ls8 4jd'))).toEqual(['Hillcrest Primary School']);
    expect(names(await searchSchoolList(db, 'HX2'))).toEqual(['Calder Valley Academy']);
    expect(names(await searchSchoolList(db, 'primary school')).length).toBeGreaterThan(4);
    expect(await searchSchoolList(db, 'zebedee')).toEqual([]);
    expect(await searchSchoolList(db, '  ')).toEqual([]);
  });

  it('lets anyone signed in search the list, with each school’s URN, phase and address', async () => {
    const { db, clock } = ctx();
    await loadEstablishments(db, clock, bytes(GIAS_SAMPLE_CSV));
    const world = await makeWorld(db);
    const teacher = ctx().client({ address: '10.7.0.1' });
    await signIn(teacher, world.staff.email);
    const page = await teacher.get('/school-list?q=moorside');
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain(
      'Moorside Community Primary School 108012 Primary Bradford Moorside Road, Eccleshill, Bradford, West Yorkshire, BD2 3HE Open',
    );
    expect(visibleText((await teacher.get('/school-list?q=zebedee')).text)).toContain('No school matches “zebedee”');
  });
});
