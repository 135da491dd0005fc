import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderAccessTable } from './render';

describe('docs/access-table.md', () => {
  it('is the access table as libs/domain declares it (run `npm run access-table` after changing the table)', () => {
    expect(readFileSync(join(__dirname, '../../docs/access-table.md'), 'utf8')).toBe(renderAccessTable());
  });
});
