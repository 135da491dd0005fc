import { safeLocalPath } from './safe-path';

describe('safeLocalPath', () => {
  it('keeps paths of this site with their query', () => {
    expect(safeLocalPath('/cases?page=2')).toBe('/cases?page=2');
    expect(safeLocalPath('/requests/abc#top')).toBe('/requests/abc#top');
  });

  it('refuses every way to another origin', () => {
    for (const hostile of ['//evil.example', '/\\evil.example', '/\t/evil.example', '/%09/evil.example/..', 'https://evil.example', 'evil', '', null, '/\n/evil.example', '/./\\evil']) {
      const out = safeLocalPath(hostile);
      expect(new URL(out, 'http://portal.invalid').origin).toBe('http://portal.invalid');
      expect(out.startsWith('//')).toBe(false);
    }
    expect(safeLocalPath('//evil.example')).toBe('/');
    expect(safeLocalPath('/\t/evil.example')).toBe('/');
  });
});
