import fc from 'fast-check';
import { anonymise, type EmployeeIdentifiers, findIdentifiers } from '../../src/domain/anonymisation';

const zoe: EmployeeIdentifiers = {
  employeeId: 'e-1042',
  name: 'Zoë O’Brien-Søren',
  email: 'zoe.obrien@corp.example',
  handles: ['@zozo_sings'],
  postUrl: 'https://www.x.example/zozo/status/8812?s=20',
  postContent: 'Our biggest client Acme is about to leave us, total disaster for the Q3 numbers',
};

const kinds = (text: string, who = zoe) => findIdentifiers(text, who).map((finding) => finding.kind);

describe('finding identifiers of the employee', () => {
  it.each([
    ['the first name in capitals', 'ZOE said so', 'name'],
    ['the first name without its accent', 'zoe said so', 'name'],
    ['a surname part with its accent', 'as Søren wrote', 'name'],
    ['a surname part transliterated', 'as SOREN wrote', 'name'],
    ['the surname without its apostrophe', 'OBrien-Soren posted', 'name'],
    ['the surname with a plain apostrophe', "O'Brien posted", 'name'],
    ['the e-mail address', 'write to ZOE.OBRIEN@corp.example', 'email'],
    ['any e-mail address', 'or to hr.team@corp.example', 'email'],
    ['the e-mail local part', 'known as zoe.obrien internally', 'email'],
    ['a handle with its @', 'follow @ZoZo_Sings', 'handle'],
    ['a handle without its @', 'the account zozo_sings', 'handle'],
    ['the employee id', 'employee E-1042', 'employee_id'],
    ['the post URL with another protocol and query', 'see http://x.example/zozo/status/8812?s=99', 'post_url'],
    ['the post URL without protocol', 'at x.example/zozo/status/8812', 'post_url'],
    ['a quote long enough to search for', '"client ACME is about to leave us" they wrote', 'quote'],
  ])('finds %s', (_label, text, kind) => {
    expect(kinds(text)).toContain(kind);
  });

  it('lets ordinary text through: short words, other names, other links, a short overlap with the post', () => {
    expect(
      findIdentifiers('An employee disclosed that a client may leave; see https://intranet.example/policy#4. Ask Maria.', zoe),
    ).toEqual([]);
    expect(findIdentifiers('Our biggest client', zoe)).toEqual([]);
  });

  it('starts a sentence with a capital', () => {
    expect(anonymise('Zoë posted it. Then zoe left! zoe?', zoe)).toBe('The employee posted it. Then the employee left! The employee?');
  });

  it('reports what it found as written in the text', () => {
    expect(findIdentifiers('Ask ZOË about it', zoe)).toEqual([{ kind: 'name', found: 'ZOË' }]);
  });
});

describe('anonymising a text', () => {
  it('replaces every identifier with a neutral phrase, a full name with one', () => {
    const text =
      'ZOE obrien-SOREN (zoe.obrien@corp.example, @ZoZo_Sings, E-1042) posted x.example/zozo/status/8812 saying "client Acme is about to leave us, total" 😀';
    const result = anonymise(text, zoe);
    expect(result).toBe(
      'The employee ([e-mail removed], [handle removed], [id removed]) posted [link removed] saying "[quote removed]" 😀',
    );
    expect(findIdentifiers(result, zoe)).toEqual([]);
  });

  // Hostile inputs: names of any script and case, with accents, glued to punctuation and emoji.
  const letters = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzéèêëàâäîïôöûüçñåøæœßłÉÅØÑ'.split(''));
  const namePart = fc.array(letters, { minLength: 3, maxLength: 9 }).map((chars) => chars[0].toUpperCase() + chars.slice(1).join(''));
  const filler = fc
    .array(fc.constantFrom('the', 'a', 'post', '—', '!', '😀', '"', '(', ')', ',', '42', 'ok'), { maxLength: 6 })
    .map((w) => w.join(' '));
  const recase = (text: string, mode: number) => (mode === 0 ? text : mode === 1 ? text.toUpperCase() : text.toLowerCase());

  it('finds a name however it is cased, and leaves none after anonymising', () => {
    fc.assert(
      fc.property(namePart, namePart, filler, filler, fc.nat(2), (first, last, before, after, mode) => {
        const who = { ...zoe, name: `${first} ${last}`, email: 'x@y.example', handles: [], postContent: '' };
        const text = `${before} ${recase(`${first} ${last}`, mode)} ${after}`;
        const found = findIdentifiers(text, who);
        return found.some((finding) => finding.kind === 'name') && findIdentifiers(anonymise(text, who), who).length === 0;
      }),
      { numRuns: 300 },
    );
  });

  it('finds e-mails, handles and the post URL anywhere in the text, and removes them all', () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9_]{2,10}$/);
    fc.assert(
      fc.property(word, word, word, filler, (local, handle, path, noise) => {
        const who = {
          ...zoe,
          name: 'Q',
          email: `${local}@corp.example`,
          handles: [`@${handle}`],
          postUrl: `https://social.example/${path}/1`,
          postContent: '',
        };
        const text = `${noise} ${local.toUpperCase()}@CORP.EXAMPLE ${noise} @${handle} ${noise} social.example/${path}/1 ${noise}`;
        const found = new Set(findIdentifiers(text, who).map((finding) => finding.kind));
        return (
          found.has('email') && found.has('handle') && found.has('post_url') && findIdentifiers(anonymise(text, who), who).length === 0
        );
      }),
      { numRuns: 200 },
    );
  });

  it('leaves a text without identifiers as it is', () => {
    fc.assert(fc.property(filler, (text) => anonymise(text, { ...zoe, name: 'Zyxwvut Qqq' }) === text));
  });
});
