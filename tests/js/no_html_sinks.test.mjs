// A static check of the page's scripts (www/*.js): data is only ever written as text, never
// parsed as HTML or run as code. No innerHTML / outerHTML assignment, no insertAdjacentHTML,
// no document.write, no eval, no new Function, no string passed to setTimeout/setInterval.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

const www = new URL('../../www/', import.meta.url);
const SINKS = [
  [/\.\s*(innerHTML|outerHTML)\s*(\+?=)/, 'assigns innerHTML/outerHTML'],
  [/\binsertAdjacentHTML\s*\(/, 'calls insertAdjacentHTML'],
  [/\bdocument\s*\.\s*write(ln)?\s*\(/, 'calls document.write'],
  [/(^|[^.\w$])eval\s*\(/, 'calls eval'],
  [/\bnew\s+Function\s*\(/, 'calls new Function'],
  [/(^|[^.\w$])Function\s*\(/, 'calls Function'],
  [/\b(setTimeout|setInterval)\s*\(\s*['"`]/, 'passes a string to setTimeout/setInterval'],
  [/\bcreateContextualFragment\s*\(/, 'parses HTML with createContextualFragment'],
  [/\bDOMParser\b/, 'parses HTML with DOMParser'],
  [/\.\s*srcdoc\s*=/, 'assigns srcdoc'],
];

/** The code without comments and string contents, so that prose cannot trip the check. */
function code(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/(^|[^:\\])\/\/.*$/gm, '$1')
    .replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/g, "''");
}

test('the page scripts never write data as HTML or run text as code', () => {
  const files = readdirSync(www).filter((f) => f.endsWith('.js'));
  assert.ok(files.includes('app.js') && files.includes('worker.js'), files.join());
  const found = [];
  for (const file of files) {
    const lines = code(readFileSync(new URL(file, www), 'utf8')).split('\n');
    lines.forEach((line, i) => {
      for (const [pattern, what] of SINKS) if (pattern.test(line)) found.push(`www/${file}:${i + 1} ${what}: ${line.trim()}`);
    });
  }
  assert.deepEqual(found, []);
});

test('the check itself finds each sink', () => {
  for (const bad of ['x.innerHTML = y', 'el.outerHTML += s', 'n.insertAdjacentHTML("a", s)', 'document.write(s)',
    'eval(s)', 'new Function("a", s)', 'setTimeout("go()", 1)', 'f.srcdoc = s']) {
    assert.ok(SINKS.some(([p]) => p.test(code(bad))), bad);
  }
  for (const good of ['node.textContent = v', '// never innerHTML = x', 'const s = "eval(x)"', 'o.evaluate(x)']) {
    assert.ok(!SINKS.some(([p]) => p.test(code(good))), good);
  }
});
