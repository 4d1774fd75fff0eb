// The extension's manifest (package.json `contributes`) and its snippets: the
// starting file the `New Organisation File` command writes is valid (no
// findings at all), the snippets fit into it, every command is in the palette
// under the `Product Team` category, and the settings are clean.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze, RULES } from '../server/src/engine';
import { expandSnippet as expand } from './helpers/snippets';

const ROOT = path.resolve(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const contributes = pkg.contributes;
const snippetFile = contributes.snippets[0].path as string;
const snippets = JSON.parse(fs.readFileSync(path.join(ROOT, snippetFile), 'utf8')) as Record<
  string,
  { prefix: string | string[]; body: string[]; isFileTemplate?: boolean }
>;

const template = Object.values(snippets).find((s) => s.isFileTemplate);

describe('extension manifest and snippets', function () {
  it('the starting file has no findings at all, not even hints', function () {
    assert.ok(template, 'a snippet with isFileTemplate');
    const text = expand(template.body);
    const problems = analyze(text).problems.map((p) => `${p.ruleId}: ${p.message}`);
    assert.deepEqual(problems, []);
    assert.match(text.split('\n')[0], new RegExp(contributes.languages[0].firstLine), 'its first line claims a plain .yaml file');
  });

  it('each other snippet, put where it belongs in the starting file, keeps the file free of errors', function () {
    const base = expand(template!.body);
    const under: Record<string, string> = { person: 'people:', team: 'teams:', domain: '    domains:' };
    for (const [name, s] of Object.entries(snippets)) {
      if (s.isFileTemplate) continue;
      const prefix = Array.isArray(s.prefix) ? s.prefix[0] : s.prefix;
      const anchor = under[prefix];
      assert.ok(anchor, `where does snippet '${name}' go?`);
      const indent = anchor.match(/^ */)![0].length + 2;
      const fragment = expand(s.body)
        .replace(/\n$/, '')
        .split('\n')
        .map((l) => (l ? ' '.repeat(indent) + l : l))
        .join('\n');
      const text = base.replace(`${anchor}\n`, `${anchor}\n${fragment}\n`);
      assert.notEqual(text, base, `anchor '${anchor}' found`);
      const errors = analyze(text).problems.filter((p) => p.severity === 'error' && p.ruleId !== 'unknown-reference');
      assert.deepEqual(
        errors.map((p) => `${p.ruleId}: ${p.message}`),
        [],
        `snippet '${name}'`,
      );
    }
  });

  it('every command is in the palette under the Product Team category', function () {
    const hidden = new Set(
      (contributes.menus?.commandPalette ?? []).filter((m: { when?: string }) => m.when === 'false').map((m: { command: string }) => m.command),
    );
    for (const c of contributes.commands) {
      assert.equal(c.category, 'Product Team', c.command);
      assert.ok(!hidden.has(c.command), `${c.command} is hidden from the palette`);
    }
    const ids = contributes.commands.map((c: { command: string }) => c.command);
    for (const need of ['productteam.newFile', 'productteam.selectStance', 'productteam.restartServer', 'productteam.showOutput'])
      assert.ok(ids.includes(need), need);
    // Each one is registered by the extension (activate.ts, shared by the Node and browser entries, or a feature's file beside it).
    const srcDir = path.join(ROOT, 'client', 'src');
    const client = fs
      .readdirSync(srcDir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => fs.readFileSync(path.join(srcDir, f), 'utf8'))
      .join('\n');
    for (const id of ids) assert.ok(client.includes(`registerCommand('${id}'`), `${id} is registered`);
  });

  it('settings: a clean stance enum, resource scope, productteam.enable', function () {
    const props = contributes.configuration.properties;
    const stance = props['productteam.stance'];
    assert.equal(stance.type, 'string');
    assert.deepEqual(stance.enum, ['file', 'combined', 'separated', 'contextual', 'outcomes-first']);
    assert.equal(stance.default, 'file');
    assert.equal(stance.enumDescriptions.length, stance.enum.length);
    assert.equal(props['productteam.enable'].type, 'boolean');
    assert.equal(props['productteam.enable'].default, true);
    for (const key of ['productteam.enable', 'productteam.stance', 'productteam.rules', 'productteam.maxDomainsPerPerson'])
      assert.equal(props[key].scope, 'resource', key);
  });

  it('settings: productteam.rules cannot turn off a rule nothing may silence (VS Code flags the value)', function () {
    const rules = contributes.configuration.properties['productteam.rules'];
    for (const r of RULES.filter((x) => x.unsuppressible)) {
      const allowed = rules.properties?.[r.id]?.enum as string[] | undefined;
      assert.ok(allowed, `productteam.rules has no entry for ${r.id}`);
      assert.ok(!allowed.includes('off') && allowed.includes('error'), `${r.id}: ${allowed.join(', ')}`);
    }
  });

  it('settings: productteam.rules names every rule id and no other (generated), productteam.run and productteam.coreTeam', function () {
    const props = contributes.configuration.properties;
    const rules = props['productteam.rules'];
    assert.deepEqual(Object.keys(rules.properties).sort(), RULES.map((r) => r.id).sort());
    assert.equal(rules.additionalProperties, false, 'a misspelt id is flagged in settings.json');
    for (const r of RULES) assert.equal(rules.properties[r.id].enum.includes('off'), !r.unsuppressible, r.id);
    assert.deepEqual(props['productteam.run'].enum, ['onType', 'onSave']);
    assert.equal(props['productteam.run'].default, 'onType');
    assert.deepEqual(props['productteam.coreTeam'].type, ['array', 'null']);
    // The personal settings say that CI reads the file.
    for (const key of ['productteam.stance', 'productteam.rules', 'productteam.maxDomainsPerPerson', 'productteam.coreTeam']) {
      assert.match(props[key].markdownDescription, /CI .* reads the file's own/, key);
    }
  });

  it('the .vsix README (EXTENSION.md) names every setting and command, and ships the images it shows', function () {
    const readme = fs.readFileSync(path.join(ROOT, 'EXTENSION.md'), 'utf8');
    for (const key of Object.keys(contributes.configuration.properties)) assert.ok(readme.includes(`\`${key}\``), `EXTENSION.md documents ${key}`);
    for (const c of contributes.commands) assert.ok(readme.includes(`${c.category}: ${c.title}`), `EXTENSION.md names "${c.category}: ${c.title}"`);
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length >= 3, 'screenshots');
    for (const img of images) {
      assert.ok(!/^https?:/.test(img), `${img} would need the network`);
      assert.ok(fs.existsSync(path.join(ROOT, img)), `${img} exists`);
    }
  });

  it('two entries: `main` (Node) and `browser` (vscode.dev, github.dev), both built and both in the .vsix', function () {
    const build = fs.readFileSync(path.join(ROOT, 'scripts', 'build.mjs'), 'utf8');
    const included = fs
      .readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('!'))
      .map((l) => l.slice(1));
    for (const entry of [pkg.main, pkg.browser, './server/out/server.js', './server/out/browser/server.js']) {
      const file = path.posix.normalize(entry as string);
      assert.ok(build.includes(`outfile: '${file}'`), `scripts/build.mjs builds ${file}`);
      assert.ok(included.includes(file) || included.includes(`${path.posix.dirname(file)}/*.js`), `.vscodeignore lets ${file} into the .vsix`);
    }
    assert.equal(pkg.main, './client/out/extension.js', 'the Node entry is unchanged');
    const virtual = pkg.capabilities.virtualWorkspaces;
    assert.equal(virtual.supported, 'limited', 'desktop VS Code lints files on disk only');
    assert.match(virtual.description, /vscode\.dev, github\.dev/);
  });

  it('the .vsix README carries its images as data: URIs (the details page loads no relative image, and https needs the network)', async function () {
    const { inlineImages } = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'inline-images.mjs')).href)) as {
      inlineImages(md: string, root: string): string;
    };
    const readme = fs.readFileSync(path.join(ROOT, 'EXTENSION.md'), 'utf8');
    const inlined = inlineImages(readme, ROOT);
    const srcs = [...inlined.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.ok(srcs.length >= 3);
    for (const src of srcs) assert.match(src, /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    const first = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)][0][1];
    assert.ok(Buffer.from(srcs[0].slice(srcs[0].indexOf(',') + 1), 'base64').equals(fs.readFileSync(path.join(ROOT, first))), 'the bytes of the image');
    assert.equal(inlined.replace(/data:image\/png;base64,[^)]+/g, 'X'), readme.replace(/(!\[[^\]]*\]\()[^)\s]+/g, '$1X'), 'nothing else changes');
  });

  it('languages: a firstLine pattern; yamlValidation gives YAML tools the schema', function () {
    const firstLine = new RegExp(contributes.languages[0].firstLine);
    assert.ok(firstLine.test('# productteam'));
    assert.ok(firstLine.test('# productteam: Acme'));
    assert.ok(!firstLine.test('# product teams of Acme'));
    assert.ok(!firstLine.test('version: 1'));
    const [validation] = contributes.yamlValidation;
    assert.deepEqual(validation.fileMatch, contributes.languages[0].filenamePatterns);
    assert.ok(fs.existsSync(path.join(ROOT, validation.url)), validation.url);
  });
});
