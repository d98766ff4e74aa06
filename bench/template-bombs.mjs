// How long hostile templates take to be refused (issue 11, point 4), in process after a
// warm-up: 25 partials each calling the next twice, a recursive partial, partials in loops
// (10^6 calls), each the median of 5. Run after `npm run build`: node bench/template-bombs.mjs
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = new URL('..', import.meta.url).pathname;
const { validate } = await import(join(root, 'dist/index.js'));
const { composeContract } = await import(join(root, 'dist/compose/compose.js'));
const params = (await validate({ yaml: readFileSync(join(root, 'examples/params.example.yaml'), 'utf8'), file: 'p.yaml' })).params;
const work = mkdtempSync(join(tmpdir(), 'contract-bombs-'));

function folder(name, files) {
  const dir = join(work, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}
const doubling = { 'articles/99-bomb.md.hbs': '# 炸弹\n\n1. {{> p1}}\n' };
for (let i = 1; i <= 25; i++) doubling[`partials/p${i}.md.hbs`] = i < 25 ? `{{> p${i + 1}}}{{> p${i + 1}}}` : '字';
const loops = { 'articles/99-loop.md.hbs': '# 循环\n\n1. {{> q1}}\n' };
for (let i = 1; i <= 7; i++) loops[`partials/q${i}.md.hbs`] = i < 7 ? `{{#each @root.p.fees.items}}{{> q${i + 1}}}{{/each}}{{#each @root.p.fees.items}}{{> q${i + 1}}}{{/each}}` : '字';
const cases = {
  '25 partials each calling the next twice': folder('doubling', doubling),
  'a partial calling itself': folder('recursive', { 'partials/r.md.hbs': '甲{{> r}}', 'articles/99-r.md.hbs': '# 递归\n\n1. {{> r}}\n' }),
  'partials in loops (10^6 calls)': folder('loops', loops),
};
await composeContract(params); // warm-up: built-in templates
for (const [name, dir] of Object.entries(cases)) {
  const times = [];
  let message = '';
  for (let i = 0; i < 5; i++) {
    // A fresh copy each time: compiled templates are cached by file and content.
    const copy = `${dir}-${i}`;
    await import('node:fs').then((fs) => fs.cpSync(dir, copy, { recursive: true }));
    const start = performance.now();
    try {
      await composeContract(params, { templatesDir: copy });
      message = 'NOT REFUSED';
    } catch (e) {
      message = e.diagnostics?.[0]?.message?.en ?? String(e);
    }
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(42)} ${times[2].toFixed(0).padStart(5)} ms  (${message.slice(0, 70)})`);
}
rmSync(work, { recursive: true, force: true });
