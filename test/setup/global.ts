/**
 * Runs once before the suite. It checks that the real clients the tests read our files with
 * are installed (failing once, naming the packages, rather than with dozens of ENOENTs), and
 * gives the whole run one private temporary folder and font cache, removed at the end, so a
 * run leaves nothing behind in the system's temporary directory or the user's cache.
 */
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** Tool -> the Debian/Ubuntu package that has it (scripts/test-tools.sh installs them). */
export const TOOLS: Readonly<Record<string, string>> = {
  pdftotext: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  pdffonts: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  pdfsig: 'poppler-utils',
  qpdf: 'qpdf',
  soffice: 'libreoffice-writer-nogui',
  xmllint: 'libxml2-utils',
  // A pseudo-terminal for the tests of what the CLI shows on a terminal.
  script: 'bsdutils',
};

/** Whether an executable named `tool` is in one of the PATH's folders (no shell needed to ask). */
function onPath(tool: string, path: string): boolean {
  return path.split(delimiter).some((dir) => {
    if (dir === '') return false;
    try {
      const file = join(dir, tool);
      accessSync(file, constants.X_OK);
      return statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

/** The one message for missing clients, naming the packages that hold them; undefined when none is missing. */
export function missingToolsMessage(path = process.env.PATH ?? ''): string | undefined {
  const missing = Object.keys(TOOLS).filter((tool) => !onPath(tool, path));
  if (missing.length === 0) return undefined;
  const packages = [...new Set(missing.map((t) => TOOLS[t]!))].sort();
  return (
    `The tests read the generated files with real clients, and these are not installed: ${missing.join(', ')}.\n` +
    `Install them (Debian/Ubuntu): apt-get install -y ${packages.join(' ')}\n` +
    '(npm test does this itself when run as root or with password-less sudo.)'
  );
}

let root: string | undefined;

export function setup(): void {
  const missing = missingToolsMessage();
  if (missing !== undefined) throw new Error(missing);
  root = mkdtempSync(join(tmpdir(), 'contract-tests-'));
  const tmp = join(root, 'tmp');
  const cache = join(root, 'cache');
  mkdirSync(tmp);
  mkdirSync(cache);
  // Inherited by the test workers and by every CLI they spawn; os.tmpdir() reads TMPDIR.
  process.env.TMPDIR = tmp;
  process.env.CONTRACT_CACHE_DIR = cache;
}

export function teardown(): void {
  if (root) rmSync(root, { recursive: true, force: true });
}
