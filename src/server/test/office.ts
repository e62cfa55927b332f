// Opening exports the way people will: LibreOffice (Debian's, headless) converts a Word or Excel file,
// and pdftotext (poppler-utils) reads a PDF's text. `npm test` installs both (scripts/lib/system.mjs).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Converts `bytes` (a file named `name`, e.g. `report.docx`) with LibreOffice to `to` ('pdf', or 'csv:Text - txt - csv (StarCalc):44,34,76' for UTF-8 CSV). */
export function libreOfficeConvert(bytes: Buffer | Uint8Array, name: string, to: string): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'yw-soffice-'));
  try {
    writeFileSync(join(dir, name), bytes);
    execFileSync(
      '/usr/bin/soffice',
      ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', to, '--outdir', join(dir, 'out'), join(dir, name)],
      { timeout: 120_000, stdio: 'ignore' },
    );
    const [out] = readdirSync(join(dir, 'out'));
    if (!out) throw new Error(`LibreOffice did not convert ${name} to ${to}`);
    return readFileSync(join(dir, 'out', out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A PDF's text (pdftotext -layout) and its page count (pages are separated by form feeds). */
export function pdfText(pdf: Buffer | Uint8Array): { text: string; pages: number } {
  const text = execFileSync('/usr/bin/pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf, maxBuffer: 64 << 20 }).toString(
    'utf8',
  );
  const pages = text.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim() !== '').length;
  return { text, pages };
}
