import en from './en.json';
import id from './id.json';

/** Every text of the portal is in both catalogues; Indonesian is the source. */
describe('the portal message catalogues', () => {
  const idKeys = Object.keys(id).sort();
  const enKeys = Object.keys(en).sort();

  it('has every Indonesian key in English', () => {
    expect(idKeys.filter((k) => !(k in en))).toEqual([]);
  });

  it('has no English key that Indonesian lacks', () => {
    expect(enKeys.filter((k) => !(k in id))).toEqual([]);
  });

  it('has no empty text', () => {
    const empty = [...Object.entries(id), ...Object.entries(en)].filter(([, text]) => text.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const names = (text: string) => [...new Set([...text.matchAll(/\{(\w+)/g)].map((m) => m[1]))].sort();
    const differ = idKeys.filter((k) => JSON.stringify(names((id as Record<string, string>)[k])) !== JSON.stringify(names((en as Record<string, string>)[k])));
    expect(differ).toEqual([]);
  });
});
