/**
 * Resolving what a user names: a font file, a face of a collection, an installed family (with
 * fc-list, and by scanning folders), and every way that can fail. Needs fonts-noto-cjk and
 * fonts-dejavu-core (scripts/test-tools.sh installs them).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FontError, isFontFileSpec, parseFileSpec, resolveFont, type FontFace } from '../../src/fonts/index.js';
import { probeFile, scanFolders } from '../../src/fonts/system.js';

const NOTO = '/usr/share/fonts/opentype/noto';
const dir = mkdtempSync(join(tmpdir(), 'contract-fonts-test-'));

function failure(f: () => unknown): FontError {
  try {
    f();
  } catch (error) {
    if (error instanceof FontError) return error;
    throw error;
  }
  throw new Error('expected a FontError');
}

describe('font specs', () => {
  it('tells files from family names', () => {
    for (const spec of ['fonts/simsun.ttc', 'SimSun.ttf', 'x.otf#2', '/usr/share/fonts/a.ttc', './a', '~/fonts/b.otc#1', 'C:\\Windows\\Fonts\\simsun.ttc']) {
      expect(isFontFileSpec(spec), spec).toBe(true);
    }
    for (const spec of ['Noto Serif CJK SC', 'SimSun', '宋体', 'Source Han Serif SC']) expect(isFontFileSpec(spec), spec).toBe(false);
    expect(parseFileSpec('a.ttc#2')).toEqual({ path: 'a.ttc', index: 2, indexGiven: true });
    expect(parseFileSpec('a.ttc')).toEqual({ path: 'a.ttc', index: 0, indexGiven: false });
  });
});

describe('resolveFont', () => {
  it('opens the face of a collection that #n names', () => {
    const sc = resolveFont(`${NOTO}/NotoSansCJK-Bold.ttc#2`, 'heading', '/');
    expect(sc).toMatchObject({ family: 'Noto Sans CJK SC', style: 'Bold', weight: 700, outline: 'cff', index: 2, postscriptName: 'NotoSansCJKsc-Bold' });
    expect(sc.source).toBe(`${NOTO}/NotoSansCJK-Bold.ttc#2`);
    const jp = resolveFont(`${NOTO}/NotoSansCJK-Bold.ttc`, 'heading', '/');
    expect(jp.postscriptName).toBe('NotoSansCJKjp-Bold');
    // Faces of one collection share outlines but not cmaps: 骨 differs between SC and JP.
    expect(sc.cmap.glyph('骨'.codePointAt(0)!)).not.toBe(jp.cmap.glyph('骨'.codePointAt(0)!));
  });

  it('finds an installed family, the face nearest to the role’s weight, whatever the case and spacing', () => {
    const body = resolveFont('Noto Serif CJK SC', 'body', '/');
    expect(body).toMatchObject({ postscriptName: 'NotoSerifCJKsc-Regular', outline: 'cff', weight: 400 });
    const heading = resolveFont('noto serif cjk sc', 'heading', '/');
    expect(heading.postscriptName).toBe('NotoSerifCJKsc-Bold');
    expect(resolveFont('NotoSerifCJKSC', 'body', '/')).toBe(body);
    // A TrueType family.
    expect(resolveFont('DejaVu Sans', 'body', '/')).toMatchObject({ family: 'DejaVu Sans', style: 'Book', outline: 'glyf' });
  });

  it('finds families by scanning folders where fontconfig is absent', () => {
    const faces = scanFolders([NOTO, '/no/such/folder']);
    expect(faces.some((f) => f.families.includes('Noto Serif CJK SC') && f.file.endsWith('NotoSerifCJK-Regular.ttc') && f.index === 2)).toBe(true);
    expect(probeFile(`${NOTO}/NotoSerifCJK-Bold.ttc`).map((p) => p.weight)).toEqual([700, 700, 700, 700, 700]);
    expect(probeFile('/etc/hostname')).toEqual([]);
  });

  it('resolves a relative file against the folder given', () => {
    const sub = join(dir, 'params');
    mkdirSync(join(sub, 'fonts'), { recursive: true });
    execFileSync('ln', ['-s', `${NOTO}/NotoSansCJK-Regular.ttc`, join(sub, 'fonts', 'sans.ttc')]);
    const face: FontFace = resolveFont('fonts/sans.ttc#2', 'body', sub);
    expect(face.postscriptName).toBe('NotoSansCJKsc-Regular');
  });

  it('says why a font cannot be used', () => {
    expect(failure(() => resolveFont(join(dir, 'none.ttf'), 'body', '/')).reason).toBe('missing');
    mkdirSync(join(dir, 'folder.ttf'));
    expect(failure(() => resolveFont(join(dir, 'folder.ttf'), 'body', '/')).reason).toBe('is-directory');
    writeFileSync(join(dir, 'text.ttf'), 'not a font at all, just some text\n');
    expect(failure(() => resolveFont(join(dir, 'text.ttf'), 'body', '/')).reason).toBe('not-a-font');
    writeFileSync(join(dir, 'short.otf'), 'OTTO');
    expect(failure(() => resolveFont(join(dir, 'short.otf'), 'body', '/')).reason).toBe('not-a-font');
    // A sparse file over the cap is refused without being read.
    writeFileSync(join(dir, 'huge.ttc'), '');
    truncateSync(join(dir, 'huge.ttc'), 129 * 1024 * 1024);
    expect(failure(() => resolveFont(join(dir, 'huge.ttc'), 'body', '/')).reason).toBe('too-large');
    execFileSync('mkfifo', [join(dir, 'pipe.ttf')]);
    expect(failure(() => resolveFont(join(dir, 'pipe.ttf'), 'body', '/')).reason).toBe('not-a-file');

    const face = failure(() => resolveFont(`${NOTO}/NotoSerifCJK-Regular.ttc#7`, 'body', '/'));
    expect(face.reason).toBe('no-such-face');
    expect(face.message).toContain('#0 to #4');
    expect(face.suggestions).toContain('#2 Noto Serif CJK SC Regular');
    expect(failure(() => resolveFont('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf#1', 'body', '/')).reason).toBe('no-such-face');

    const family = failure(() => resolveFont('Noto Serif CJKK SC', 'body', '/'));
    expect(family.reason).toBe('family-not-found');
    expect(family.suggestions).toContain('Noto Serif CJK SC');
    expect(failure(() => resolveFont('  ', 'body', '/')).reason).toBe('bad-spec');
  });
});
