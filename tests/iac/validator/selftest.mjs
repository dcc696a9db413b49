#!/usr/bin/env node
// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Proves validate.mjs is not a rubber stamp: every template in fixtures/good must pass and
// every template in fixtures/bad must fail with exactly one problem, the one named on its
// first line (`# expect: <fragment of the reported line>`).
//
//   node selftest.mjs --sam-schema FILE [--prefix DIR]
//
// Prints one `ok` / `not ok` line per check and closes with `N passed, N failed`.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const validator = path.join(here, 'validate.mjs');
const goodDir = path.join(here, 'fixtures', 'good');
const badDir = path.join(here, 'fixtures', 'bad');

const passThrough = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; ++i) {
    if ((argv[i] === '--sam-schema' || argv[i] === '--prefix') && i + 1 < argv.length) passThrough.push(argv[i], argv[++i]);
    else if (/^--(sam-schema|prefix)=/.test(argv[i])) passThrough.push(argv[i]);
    else { console.error(`selftest.mjs: unknown argument ${argv[i]}\nusage: node selftest.mjs --sam-schema FILE [--prefix DIR]`); process.exit(2); }
}
if (!passThrough.some((a) => a.startsWith('--sam-schema'))) {
    console.error('selftest.mjs: --sam-schema FILE is required');
    process.exit(2);
}

let passed = 0, failed = 0;
function check(ok, name, detail = '') {
    if (ok) { ++passed; console.log(`ok - ${name}`); }
    else { ++failed; console.log(`not ok - ${name}${detail ? `\n    ${detail.replace(/\n/g, '\n    ')}` : ''}`); }
}

function run(args) {
    const r = spawnSync(process.execPath, [validator, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (r.error) throw r.error;
    return r;
}

function runJson(args) {
    const r = run(['--json', ...passThrough, ...args]);
    try { return { status: r.status, report: JSON.parse(r.stdout), stderr: r.stderr }; }
    catch { return { status: r.status, report: null, stderr: r.stderr + r.stdout }; }
}

const templates = (dir) => fs.readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
const line = (file, p) => `${file}: ${p.path ? p.path + ': ' : ''}${p.message}`;

// ---- good templates: no problem at all
const goodFiles = templates(goodDir);
check(goodFiles.length >= 3, `fixtures/good has templates (${goodFiles.length})`);
const good = runJson([goodDir]);
check(good.report !== null, 'validate.mjs --json runs on fixtures/good', good.stderr);
if (good.report) {
    check(good.status === 0, 'fixtures/good: exit status 0', `status ${good.status}`);
    check(good.report.templates === goodFiles.length, `fixtures/good: all ${goodFiles.length} templates checked`,
          `checked ${good.report.templates}`);
    for (const f of good.report.files) {
        const name = path.basename(f.file);
        check(f.problems.length === 0 && f.resources > 0, `good/${name} passes (${f.resources} resources)`,
              f.problems.map((p) => line(name, p)).join('\n'));
    }
}

// ---- bad templates: exactly the one problem the first line announces
const badFiles = templates(badDir);
check(badFiles.length >= 6, `fixtures/bad has templates (${badFiles.length})`);
const expected = new Map();
for (const f of badFiles) {
    const first = fs.readFileSync(path.join(badDir, f), 'utf8').split('\n', 1)[0];
    const m = /^#\s*expect:\s*(.+?)\s*$/.exec(first);
    check(m !== null, `bad/${f} states its expected problem on the first line`, first);
    if (m) expected.set(f, m[1]);
}
const bad = runJson([badDir]);
check(bad.report !== null, 'validate.mjs --json runs on fixtures/bad', bad.stderr);
if (bad.report) {
    check(bad.status === 1, 'fixtures/bad: exit status 1', `status ${bad.status}`);
    const byName = new Map(bad.report.files.map((f) => [path.basename(f.file), f]));
    for (const [name, fragment] of expected) {
        const f = byName.get(name);
        if (!f) { check(false, `bad/${name} was checked`); continue; }
        const lines = f.problems.map((p) => line(name, p));
        check(f.problems.length === 1 && lines[0].includes(fragment),
              `bad/${name} fails with: ${fragment}`,
              lines.length ? `got ${lines.length} problem(s):\n${lines.join('\n')}` : 'no problem reported');
    }
}

// ---- text mode: `FILE: PATH: message` lines, a summary per file and a total
{
    const r = run([...passThrough, badDir]);
    const out = r.stdout.split('\n');
    check(r.status === 1, 'text mode: fixtures/bad exits 1', `status ${r.status}\n${r.stderr}`);
    for (const [name, fragment] of expected) {
        const file = path.join(badDir, name);
        check(out.some((l) => l.startsWith(file + ': ') && l.includes(fragment)) &&
              out.some((l) => new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 1 problem \\(\\d+ resources?\\)$`).test(l)),
              `text mode: bad/${name} reported with its summary line`, out.filter((l) => l.startsWith(file)).join('\n'));
    }
    check(out.some((l) => new RegExp(`^checked ${expected.size} templates, \\d+ resources: ${expected.size} problems$`).test(l)),
          'text mode: total line', out.slice(-3).join('\n'));
}

// ---- options and usage errors
const relaxed = runJson(['--allow-missing-required', path.join(badDir, 'lambda-permission-missing-principal.yaml')]);
check(relaxed.status === 0 && relaxed.report?.problems === 0,
      '--allow-missing-required accepts a missing required property', JSON.stringify(relaxed.report?.files ?? relaxed.stderr));
check(run([]).status === 2, 'no arguments: exit status 2');
check(run([...passThrough]).status === 2, 'no template given: exit status 2');
check(run([path.join(goodDir, goodFiles[0] ?? 'x.yaml')]).status === 2, 'no --sam-schema: exit status 2');
check(run([...passThrough, path.join(here, 'fixtures', 'does-not-exist.yaml')]).status === 2,
      'missing template file: exit status 2');
check(run([...passThrough, '--no-such-option', goodDir]).status === 2, 'unknown option: exit status 2');
{
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-validator-'));
    try { check(run([...passThrough, empty]).status === 2, 'a folder without templates: exit status 2'); }
    finally { fs.rmSync(empty, { recursive: true, force: true }); }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
