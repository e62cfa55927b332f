// The PostgreSQL run repeats only the test files that open a database (scripts/test.mjs): a file that
// reaches the harness or the database client, even through a helper, counts; a pure parser or calendar test does not.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseTestFiles } from './db-tests.mjs';

const files = databaseTestFiles(resolve(import.meta.dirname, '../..'));

describe('the test files that need a database', () => {
  it('counts the users of the harness and of the PostgreSQL variables', () => {
    expect(files).toContain('src/server/modules/desk/desk.test.ts'); // imports the harness
    expect(files).toContain('src/server/main.test.ts'); // names the test database variable
  });

  it('leaves out the tests that give the same answer on either database', () => {
    expect(files).not.toContain('src/common/calendar.test.ts');
    expect(files).not.toContain('src/server/kernel/office/sheet-reader.test.ts');
    expect(files).not.toContain('scripts/lib/db-tests.test.ts');
  });
});
