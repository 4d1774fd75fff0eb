/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (The functions handed to page.evaluate() run in the browser.)
// Drives the real VS Code workbench (code-server) in headless Chromium with
// playwright-core, against the extension installed from its .vsix. Called by
// scripts/e2e/run.mjs, which starts code-server and passes:
//   url, workspace (a copy of examples/ plus teamYaml, a plain .yaml file that
//   the user settings associate with productteam, and firstLineYaml, one that
//   starts with `# productteam`), userSettings (the settings.json path),
//   shots (a temporary folder), chromium, headed, env (for the browser),
//   expectations (test/e2e/expectations.ts, bundled),
//   check(name, fn) (runs and reports one check), log, apiSuite().
// With UPDATE_SCREENSHOTS=1, run.mjs copies the best screenshots to
// docs/images/ (DOCS_IMAGES below) when every check passed.
// Every wait polls (waitFor / waitForFunction / file polling) with a timeout.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../scripts/e2e/setup.mjs';

const TROUBLED = 'troubled.productteam.yaml';
// Declares no stance: the language status item then says so (the troubled example declares combined).
const UNDECIDED = 'undecided.productteam.yaml';

/** The screenshots worth showing in the README: test-results/e2e/<key>.png -> docs/images/<value>. */
export const DOCS_IMAGES = {
  '01-diagnostics': 'diagnostics.png',
  '02-hover': 'hover-quote.png',
  '03-quick-fix': 'quick-fix.png',
  '06-completion': 'completion.png',
  '08-language-status-corner': 'language-status.png',
  '10-new-file': 'new-file.png',
  '15-map-light': 'ownership-map-light.png',
  '16-map-dark': 'ownership-map-dark.png',
};

const SNIPPETS = new URL('../../snippets/productteam.code-snippets', import.meta.url);

/** A failed expectation: reported by its message alone, without a stack. */
class Expected extends Error {
  expected = true;
}
function expect(cond, msg) {
  if (!cond) throw new Expected(msg);
}

export async function driveWorkbench(o) {
  const X = o.expectations;
  const { check, log } = o;
  const file = path.join(o.workspace, TROUBLED);
  const readTroubled = () => fs.readFileSync(file, 'utf8');

  const browser = await chromium.launch({
    executablePath: o.chromium,
    headless: !o.headed,
    // Chromium's crash reporter writes under $XDG_CONFIG_HOME: keep it in the run folder.
    env: o.env ?? process.env,
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e).slice(0, 300)));

  const shots = [];
  const shot = async (name, clip) => {
    const p = path.join(o.shots, `${name}.png`);
    await page.screenshot(clip ? { path: p, clip } : { path: p });
    shots.push(p);
    return p;
  };
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  const quickInput = page.locator('.quick-input-widget');
  const markers = page.locator('.markers-panel');

  /** Polls the file on disk until `ready(text)` holds. */
  const waitForFile = async (what, ready, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = readTroubled();
      if (ready(text)) return text;
      if (Date.now() > deadline) throw new Expected(`timed out waiting for ${what} in the saved file`);
      await page.waitForTimeout(100);
    }
  };

  const closeWidgets = async () => {
    for (let i = 0; i < 2; i++) await page.keyboard.press('Escape');
  };

  /** Puts the cursor at a 1-based line and column with Go to Line (Ctrl+G `line:col`). */
  const goTo = async (line, column) => {
    await page.keyboard.press('Control+1'); // focus the editor (from the Problems panel, say)
    await page.keyboard.press('Control+G');
    const input = quickInput.locator('input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`:${line}:${column}`);
    await page.keyboard.press('Enter');
    await quickInput.waitFor({ state: 'hidden', timeout: 10_000 });
    await page.locator('#status\\.editor\\.selection').getByText(`Ln ${line}, Col ${column}`).waitFor({ timeout: 10_000 });
  };

  const save = async () => {
    await page.keyboard.press('Control+S');
    await page.locator('.tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
  };

  const problemsVisible = () => markers.isVisible();
  const hideProblems = async () => {
    if (await problemsVisible()) {
      await page.keyboard.press('Control+J'); // toggles the panel
      await markers.waitFor({ state: 'hidden', timeout: 10_000 });
    }
  };
  const openProblems = async () => {
    if (!(await problemsVisible())) await page.keyboard.press('Control+Shift+M');
    await markers.waitFor({ state: 'visible', timeout: 10_000 });
  };
  const problemsFilter = page.locator('.panel .viewpane-filter input, .markers-panel-action-filter input').first();
  /**
   * The Problems panel's rows for one file as { code, line, message }, after
   * typing `filter` into its filter box. Rows render asynchronously: polls
   * until `ready(rows)` holds or the timeout passes, then returns what is there.
   */
  const problemsRows = async (filter, ready, timeoutMs = 15_000) => {
    await openProblems();
    await problemsFilter.fill(filter);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // Each row with the file it is grouped under: the server publishes every workspace file's findings (multi-file organisations).
      const rows = await markers.locator('.monaco-list-row').evaluateAll((els) => {
        let file = '';
        const out = [];
        for (const e of els) {
          if (!e.querySelector('.marker-message')) {
            file = (e.querySelector('.label-name')?.textContent ?? '').trim();
            continue;
          }
          out.push({
            file,
            code: e.querySelector('.marker-code')?.textContent?.trim() ?? '',
            line: Number(/Ln (\d+)/.exec(e.querySelector('.marker-line')?.textContent ?? '')?.[1] ?? 0),
            message: e.querySelector('.marker-message')?.textContent?.trim() ?? '',
          });
        }
        return out;
      });
      if (ready(rows) || Date.now() > deadline) return rows;
      await page.waitForTimeout(150);
    }
  };

  /** The file names the Problems panel groups its rows under. */
  const problemsResources = async () => {
    await openProblems();
    await page.waitForTimeout(300);
    return markers
      .locator('.monaco-list-row')
      .evaluateAll((els) =>
        els.filter((e) => !e.querySelector('.marker-message')).map((e) => (e.querySelector('.label-name')?.textContent ?? e.textContent ?? '').trim()),
      );
  };

  const hidePanel = async () => {
    const panel = page.locator('.part.panel');
    if (await panel.isVisible().catch(() => false)) {
      await page.keyboard.press('Control+J');
      await panel.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
    }
  };

  /** Runs a command from the palette (F1) by its full title, as a user would. */
  const runCommand = async (title) => {
    await page.keyboard.press('Control+1').catch(() => {});
    await page.keyboard.press('F1');
    const input = quickInput.locator('input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${title}`);
    const row = quickInput.locator('.monaco-list-row').filter({ hasText: title }).first();
    await row.waitFor({ timeout: 15_000 }).catch(async () => {
      throw new Expected(`the command palette has no "${title}"; it lists ${JSON.stringify(await quickInput.locator('.monaco-list-row').allInnerTexts())}`);
    });
    await row.click();
    await quickInput.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
  };

  const languageMode = async (name) => {
    const mode = page.locator('#status\\.editor\\.mode');
    await mode
      .filter({ hasText: name })
      .waitFor({ timeout: 15_000 })
      .catch(async () => {
        throw new Expected(`the language mode is '${(await mode.innerText().catch(() => '?')).trim()}', not '${name}'`);
      });
  };

  /** Opens a workspace file from Quick Open and waits for the Product Team language mode. */
  const openFile = async (name) => {
    await page.keyboard.press('Control+P');
    await quickInput.locator('input').waitFor({ state: 'visible', timeout: 10_000 });
    await quickInput.locator('input').fill(name);
    const row = quickInput
      .locator('.monaco-list-row')
      .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/\./g, '\\.')}$`) }) })
      .first();
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    await page.locator('.tab.active').filter({ hasText: name }).waitFor({ timeout: 15_000 });
    await editor.locator('.view-lines').waitFor({ timeout: 15_000 });
    await languageMode('Product Team');
  };

  /** Polls the text of `selector` elements until one matches `re`; returns the matching line. */
  const waitForPageText = async (selector, re, what, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const texts = await page
        .locator(selector)
        .allInnerTexts()
        .catch(() => []);
      for (const t of texts) {
        // Joined: the output view wraps long lines.
        const m = re.exec(t.replace(/\s+/g, ' '));
        if (m) return m[0];
      }
      if (Date.now() > deadline)
        throw new Expected(
          `timed out waiting for ${what}; saw: ${texts
            .join(' | ')
            .replace(/\u00a0/g, ' ')
            .slice(-400)}`,
        );
      await page.waitForTimeout(200);
    }
  };

  /**
   * Opens the language status hover (the {} next to the language mode) and
   * waits until it says `re`; returns its text.
   */
  const languageStatus = async (re, timeoutMs = 20_000) => {
    const entry = page.locator('[id="status.languageStatus"]');
    await entry.waitFor({ timeout: 10_000 });
    const deadline = Date.now() + timeoutMs;
    let text = '';
    for (;;) {
      await page.mouse.move(5, 400);
      await entry.hover();
      await entry.click().catch(() => {});
      const texts = await page
        .locator('.monaco-hover, .context-view')
        .allInnerTexts()
        .catch(() => []);
      text = texts.find((t) => re.test(t)) ?? texts.join('\n');
      if (re.test(text)) {
        await page.waitForTimeout(400); // let the hover finish fading in, for the screenshots
        return text;
      }
      if (Date.now() > deadline) throw new Expected(`the language status says ${JSON.stringify(text.slice(0, 300))}, waiting for ${re}`);
      await page.keyboard.press('Escape');
      await page.waitForTimeout(300);
    }
  };

  try {
    // ---- workbench ---------------------------------------------------------------
    const loaded = await check('workbench loads and the explorer lists the examples', async () => {
      await page.goto(`${o.url}/?folder=${encodeURIComponent(o.workspace)}`);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.locator('.explorer-folders-view').getByText(TROUBLED).waitFor({ timeout: 60_000 });
    });
    if (!loaded) return;

    await o.apiSuite();

    // ---- 1. diagnostics: squiggles and the Problems panel ----------------------------
    const text0 = readTroubled();
    const expected = X.findings(text0);
    const listed = expected.filter((f) => f.severity !== 'hint'); // the Problems panel leaves hints out
    const rules = [...new Set(listed.map((f) => f.ruleId))].sort();
    const opened = await check(`open ${TROUBLED} from Quick Open`, async () => {
      await page
        .locator('.monaco-workbench')
        .click({ position: { x: 700, y: 400 } })
        .catch(() => {});
      await page.keyboard.press('Control+P');
      await quickInput.locator('input').waitFor({ state: 'visible', timeout: 10_000 });
      await quickInput.locator('input').fill(TROUBLED);
      await quickInput.locator('.monaco-list-row').filter({ hasText: TROUBLED }).first().waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter');
      await page.locator('.tab.active').filter({ hasText: TROUBLED }).waitFor({ timeout: 15_000 });
      await editor.locator('.view-lines').waitFor({ timeout: 15_000 });
      const mode = page.locator('#status\\.editor\\.mode');
      await mode
        .filter({ hasText: 'Product Team' })
        .waitFor({ timeout: 10_000 })
        .catch(async () => {
          throw new Expected(`the language mode is '${(await mode.innerText().catch(() => '?')).trim()}', not 'Product Team'`);
        });
      return 'language mode Product Team';
    });
    if (!opened) return;

    const squiggles = '.squiggly-error, .squiggly-warning, .squiggly-info';
    await check('squiggles appear in the editor', async () => {
      await editor.locator(squiggles).first().waitFor({ timeout: 30_000 });
      return `${await editor.locator(squiggles).count()} in view`;
    });

    await check(`Problems panel lists every rule the engine finds (${rules.length}: ${rules.join(', ')})`, async () => {
      expect(rules.length >= 5, `the example should break most rules; the engine finds only ${rules.join(', ')}`);
      const wrong = [];
      const deadline = Date.now() + 30_000; // for the whole check: a broken server should fail fast
      for (const rule of rules) {
        const want = listed
          .filter((f) => f.ruleId === rule)
          .map((f) => f.line)
          .sort((a, b) => a - b)
          .join(',');
        const got = (rs) =>
          rs
            .filter((r) => r.code === rule && (r.file === '' || r.file === TROUBLED))
            .map((r) => r.line)
            .sort((a, b) => a - b)
            .join(',');
        const rows = await problemsRows(rule, (rs) => got(rs) === want, Math.max(1_000, Math.min(10_000, deadline - Date.now())));
        if (got(rows) !== want) wrong.push(`${rule}: on lines [${got(rows)}], the engine says [${want}]`);
      }
      expect(wrong.length === 0, `the Problems panel differs from the engine:\n${wrong.join('\n')}`);
      return `${listed.length} findings on the lines the engine reports`;
    });
    // For the screenshot: the whole list, and the editor at the split owner.
    await problemsRows('', (rs) => rs.length >= Math.min(listed.length, 8), 5_000);
    const firstSplit = X.splitOwners(text0)[0];
    if (firstSplit) await goTo(firstSplit.line, firstSplit.column).catch(() => {});
    await page.keyboard.press('Control+1');
    await shot('01-diagnostics');

    /**
     * Moves the mouse over `word` where the cursor is (twice: the first move only
     * arms the hover), as a user would, waits until a hover shows `quotes` (any of
     * them, or every one with `every`), and returns its text, normalised.
     */
    const hoverQuotes = async (word, quotes, every = false) => {
      const box = await cursorWordBox(editor, word);
      await page.mouse.move(box.x + 2, box.y + box.height / 2);
      await page.mouse.move(box.x + 6, box.y + box.height / 2);
      await page
        .waitForFunction(
          ([qs, all]) => {
            const norm = (s) =>
              s
                .replace(/[\u2018\u2019]/g, "'")
                .replace(/[\u201C\u201D]/g, '"')
                .replace(/[\u2013\u2014]/g, '-')
                .replace(/\s+/g, ' ');
            const shows = (h) => (all ? qs.every : qs.some).call(qs, (q) => norm(h.innerText).includes(q));
            return [.../** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('.monaco-hover'))].some(shows);
          },
          [quotes, every],
          { timeout: 15_000, polling: 200 },
        )
        .catch(() => {});
      const hover = page.locator('.monaco-hover:visible, .monaco-resizable-hover:visible');
      return X.normalizeQuote((await hover.allInnerTexts()).join('\n'));
    };

    // ---- 2. hover a role key ---------------------------------------------------------
    await hideProblems(); // more room for the hover
    await check('hover on productOwner shows a verbatim expert quote', async () => {
      const at = X.firstKey(readTroubled(), 'productOwner');
      expect(at, 'no `productOwner:` key in the example');
      await goTo(at.line, at.column + 3);
      const quotes = X.roleQuotes('productOwner').map(X.normalizeQuote);
      const text = await hoverQuotes('productOwner', quotes);
      const found = quotes.find((q) => text.includes(q));
      await shot('02b-role-hover');
      expect(found, `the hover quotes none of the productOwner quotes verbatim; it says: ${text.slice(0, 400) || '(no hover)'}`);
      return `"${found.slice(0, 50)}…"`;
    });
    await page.mouse.move(5, 400);
    await closeWidgets();

    // ---- 2b. the role-split debate hover: every stance, side by side -------------------
    await check('hover on a role-split finding shows one quote per stance and the note for every stance', async () => {
      const debate = X.debateHover(readTroubled());
      expect(debate, 'no role-split finding in the example');
      expect(
        debate.quotes.length >= 5,
        `the engine's debate hover shows ${debate.quotes.length} known quotes, expected the trigger, one per stance and the note`,
      );
      await goTo(debate.line, debate.column + 1);
      const quotes = debate.quotes.map(X.normalizeQuote);
      const text = await hoverQuotes(debate.word, quotes, true);
      await shot('02-hover');
      const missing = quotes.filter((q) => !text.includes(q));
      expect(
        missing.length === 0,
        `the debate hover lacks ${missing.length} of ${quotes.length} quotes, e.g. "${(missing[0] ?? '').slice(0, 60)}"; it says: ${text.slice(0, 300) || '(no hover)'}`,
      );
      return `${quotes.length} quotes, e.g. "${quotes[1].slice(0, 40)}…"`;
    });
    await page.mouse.move(5, 400);
    await closeWidgets();

    // ---- 3. quick fix on a split owner -----------------------------------------------
    const split = X.splitOwners(readTroubled())[0];
    let fixedText;
    const menu = await check(`Ctrl+. on a split owner lists "Assign single owner: <id>" per candidate`, async () => {
      expect(split, 'no `owner: [a, b]` that single-owner flags in the example');
      await goTo(split.line, split.column);
      await page.keyboard.press('Control+.');
      const widget = page.locator('.action-widget');
      await widget.getByText('Assign single owner', { exact: false }).first().waitFor({ timeout: 15_000 });
      const items = (await widget.locator('.monaco-list-row').allInnerTexts()).map((s) => s.trim());
      await shot('03-quick-fix');
      const missing = split.ids.filter((id) => !items.includes(`Assign single owner: ${id}`));
      expect(missing.length === 0, `missing ${missing.map((id) => `"Assign single owner: ${id}"`).join(', ')} in ${JSON.stringify(items)}`);
      return split.ids.map((id) => `Assign single owner: ${id}`).join(', ');
    });
    const choice = split ? split.ids[split.ids.length - 1] : '?';
    const applyName = `applying "Assign single owner: ${choice}" changes only that value and keeps the line's comment`;
    const goneName = 'the single-owner finding on that line disappears from the Problems panel';
    if (!menu) {
      for (const name of [applyName, goneName]) await check(name, () => expect(false, 'not run: the quick-fix menu did not list the fixes'));
    } else {
      const title = `Assign single owner: ${choice}`;
      await check(applyName, async () => {
        const before = readTroubled();
        // Walk the focus down to the item (clicking an item is unreliable), then Enter.
        const widget = page.locator('.action-widget');
        for (let i = 0; i < 40; i++) {
          if ((await focusedRow(widget)) === title) break;
          await page.keyboard.press('ArrowDown');
        }
        expect((await focusedRow(widget)) === title, `could not focus "${title}"`);
        await page.keyboard.press('Enter');
        await widget.waitFor({ state: 'hidden', timeout: 10_000 });
        await page.locator('.tab.active.dirty').waitFor({ timeout: 10_000 });
        await save();
        fixedText = await waitForFile('the fix', (t) => t !== before);
        const b = before.split('\n');
        const a = fixedText.split('\n');
        expect(a.length === b.length, `the fix changed the number of lines (${b.length} -> ${a.length})`);
        const changed = a.map((l, i) => (l !== b[i] ? i : -1)).filter((i) => i >= 0);
        const want = b[split.line - 1].replace(split.listText, choice);
        expect(changed.length === 1 && changed[0] === split.line - 1, `changed lines ${changed.map((i) => i + 1).join(', ')}, expected only ${split.line}`);
        expect(a[split.line - 1] === want, `line ${split.line} is\n  ${a[split.line - 1]}\nexpected\n  ${want}`);
        const comment = /#.*$/.exec(b[split.line - 1])?.[0];
        return comment ? `line ${split.line}: ${a[split.line - 1].trim()}` : `line ${split.line} (it has no comment)`;
      });
      await check(goneName, async () => {
        expect(fixedText, 'the fix was not applied');
        const stillThere = X.findings(fixedText).some((f) => f.ruleId === 'single-owner' && f.line === split.line);
        expect(!stillThere, 'the engine itself still reports single-owner on the fixed line');
        const onLine = (r) => r.code === 'single-owner' && r.line === split.line;
        const rows = await problemsRows('single-owner', (rs) => !rs.some(onLine), 15_000);
        expect(
          !rows.some(onLine),
          `still listed: ${rows
            .filter(onLine)
            .map((r) => r.message)
            .join(' | ')}`,
        );
        // The panel is live, not empty: the other findings are still listed.
        const others = await problemsRows('', (rs) => rs.length > 0, 10_000);
        expect(others.length > 0, 'the Problems panel is empty after the fix');
        await shot('04-after-fix');
        return `${rows.filter((r) => r.code === 'single-owner').length} other single-owner finding(s) remain`;
      });
      await problemsFilter.fill('').catch(() => {});
    }
    await closeWidgets();

    // ---- 3b. the quick-fix menu as in vscode-eslint: preferred fix first, fix-all, docs ----
    await check(
      'Ctrl+. on a finding with one safe fix: that fix is focused first, then "Fix all safe problems in this file" and "Show documentation for <rule>"',
      async () => {
        const site = X.preferredFixes(readTroubled())[0];
        expect(site, 'no finding with exactly one safe fix in the example');
        const widget = page.locator('.action-widget');
        const docs = widget.getByText(`Show documentation for ${site.ruleId}`, { exact: false }).first();
        // A key press the editor drops (focus still settling after the fix above) opens no menu: press again, up to three times.
        for (let attempt = 1; ; attempt++) {
          await goTo(site.line, site.column + 1);
          await page.keyboard.press('Control+.');
          const shown = await docs
            .waitFor({ timeout: 5_000 })
            .then(() => true)
            .catch(() => false);
          if (shown) break;
          if (attempt === 3) await docs.waitFor({ timeout: 5_000 });
          await page.keyboard.press('Escape');
        }
        const items = (await widget.locator('.monaco-list-row').allInnerTexts()).map((t) => t.trim());
        const focused = await focusedRow(widget);
        await shot('03b-quick-fix-menu');
        await page.keyboard.press('Escape');
        await widget.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
        for (const want of [site.title, 'Fix all safe problems in this file', `Show documentation for ${site.ruleId}`]) {
          expect(items.includes(want), `the menu has no "${want}": ${JSON.stringify(items)}`);
        }
        expect(focused === site.title, `Ctrl+. Enter would apply "${focused}", not the preferred "${site.title}"`);
        return `${site.ruleId} on line ${site.line}: ${items.join(' | ')}`;
      },
    );
    await closeWidgets();

    // ---- 4. rename a person with F2 ----------------------------------------------------
    await check('F2 renames a person: the declaration and every reference change, nothing else', async () => {
      const before = readTroubled();
      const person = X.referencedPeople(before)[0];
      expect(person, 'no referenced person in the example');
      const to = `${person.id}-renamed`;
      await goTo(person.line, person.column);
      await page.keyboard.press('F2');
      const input = page.locator('.rename-box input').first();
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await page.waitForFunction((id) => /** @type {HTMLInputElement | null} */ (document.querySelector('.rename-box input'))?.value === id, person.id, {
        timeout: 10_000,
      });
      await input.fill(to);
      await shot('05-rename');
      await page.keyboard.press('Enter');
      await input.waitFor({ state: 'hidden', timeout: 10_000 });
      await page.locator('.tab.active.dirty').waitFor({ timeout: 10_000 });
      await save();
      const after = await waitForFile('the rename', (t) => t !== before);
      const want = X.renamed(before, person.id, to);
      expect(after === want, `the file after rename differs from the expected text:\n${firstDiff(after, want)}`);
      return `${person.id} -> ${to}, ${person.occurrences} places`;
    });
    await closeWidgets();

    // ---- 5. completion of person ids ----------------------------------------------------
    await hideProblems();
    await check('completion at a person reference offers the person ids', async () => {
      const text = readTroubled();
      const ref = X.scalarPersonRef(text);
      expect(ref, 'no `role: person` line in the example');
      const ids = X.personIds(text);
      await goTo(ref.line, ref.column);
      await page.keyboard.press('Control+Space');
      const widget = page.locator('.suggest-widget.visible');
      await widget.locator('.monaco-list-row').first().waitFor({ timeout: 15_000 });
      // Rows fill in as the list lays out: wait for enough labels.
      await page
        .waitForFunction((n) => document.querySelectorAll('.suggest-widget.visible .monaco-list-row .label-name').length >= n, Math.min(ids.length, 3), {
          timeout: 10_000,
          polling: 100,
        })
        .catch(() => {});
      // Snippets (`person`, `team`, … from snippets/) come from VS Code, not the server: leave them out.
      const labels = await widget
        .locator('.monaco-list-row')
        .evaluateAll((rows) =>
          rows.filter((r) => !r.querySelector('.codicon-symbol-snippet')).map((r) => (r.querySelector('.label-name')?.textContent ?? '').trim()),
        );
      await shot('06-completion');
      const visible = Math.min(ids.length, labels.length);
      const offered = ids.filter((id) => labels.includes(id));
      expect(labels.length > 0 && labels.every((l) => ids.includes(l)), `offers things that are not person ids: ${JSON.stringify(labels)}`);
      expect(offered.length >= Math.min(visible, 3), `offers ${JSON.stringify(labels)}, person ids are ${JSON.stringify(ids)}`);
      return offered.join(', ');
    });
    await closeWidgets();

    // ---- 5b. a multi-file organisation (examples/multi-file, SPEC section 9) ---------------
    await closeWidgets();
    await hideProblems();
    const MULTI = path.join(o.workspace, 'multi-file');
    await check('multi-file: F12 on a person id in a product file opens the people file', async () => {
      await openFile('payments.productteam.yaml');
      const lines = fs.readFileSync(path.join(MULTI, 'products', 'payments.productteam.yaml'), 'utf8').split('\n');
      const line = lines.findIndex((l) => /^\s+owner: alice/.test(l));
      expect(line >= 0, 'no `owner: alice` in products/payments.productteam.yaml');
      await goTo(line + 1, lines[line].indexOf('alice') + 2);
      await page.keyboard.press('F12');
      await page.locator('.tab.active').filter({ hasText: 'people.productteam.yaml' }).waitFor({ timeout: 15_000 });
      return 'people.productteam.yaml opened';
    });
    await check('multi-file: the squiggle in a product file for a person missing from the people file goes when she is added there', async () => {
      await openFile('search.productteam.yaml');
      await editor.locator('.squiggly-error').first().waitFor({ timeout: 30_000 });
      const before = await editor.locator('.squiggly-error').count();
      await openFile('people.productteam.yaml');
      await page.keyboard.press('Control+End');
      // The file ends with a line break: the cursor is at the start of an empty last line.
      await page.keyboard.insertText('  nina: { name: Nina Roy, discipline: product }\n');
      await save();
      await openFile('search.productteam.yaml');
      await editor.locator('.squiggly-error').first().waitFor({ state: 'detached', timeout: 30_000 });
      return `${before} error squiggle(s), then none`;
    });
    await closeWidgets();

    // ---- 6. the output channel: a log line per analysis --------------------------------
    await check('Product Team: Show Output shows a log line per analysis (file, time, findings)', async () => {
      await runCommand('Product Team: Show Output');
      const line = await waitForPageText(
        '.part.panel .monaco-editor .view-lines',
        /analysed \S+\.productteam\.yaml \(version \d+\) in [\d.]+ ms: \d+ findings?; (stance \S+|no stance declared) \([^)]*\)/,
        'an "analysed …" line in the Product Team output channel',
      );
      await shot('07-output');
      return line;
    });
    await hidePanel();

    // ---- 7. the language status item -----------------------------------------------------
    await check('the language status item shows the stance in force and where it comes from', async () => {
      await openFile(UNDECIDED);
      const hover = await languageStatus(/Stance: none declared/);
      expect(/the PM\/PO arrangement is not judged/.test(hover), `the item does not say that the PM/PO arrangement is not judged: ${hover}`);
      expect(/Change/.test(hover), `no link to change the stance: ${hover}`);
      await shot('08-language-status');
      // The bottom right corner alone, small enough for the .vsix's own README.
      await shot('08-language-status-corner', { x: 560, y: 700, width: 840, height: 160 });
      // The link opens the stance picker with the clean choices.
      await page.locator('.monaco-hover, .context-view').getByText('Change', { exact: true }).first().click();
      const picker = quickInput.locator('.monaco-list-row');
      await picker.first().waitFor({ timeout: 10_000 });
      const labels = (await quickInput.locator('.monaco-list-row .label-name').allInnerTexts()).map((t) => t.trim());
      await page.keyboard.press('Escape');
      await quickInput.waitFor({ state: 'hidden', timeout: 10_000 });
      for (const want of ['file', 'combined', 'separated', 'contextual', 'outcomes-first']) {
        expect(
          labels.some((l) => l.endsWith(want)),
          `the picker lacks ${want}: ${JSON.stringify(labels)}`,
        );
      }
      return `${hover.replace(/\s+/g, ' ').slice(0, 90)}; picker: ${labels.join(', ')}`;
    });
    await closeWidgets();

    // ---- 8. a plain team.yaml opted in through files.associations -------------------------
    if (o.teamYaml) {
      await check(`a plain ${o.teamYaml}, opted in through files.associations, gets diagnostics`, async () => {
        const text = fs.readFileSync(path.join(o.workspace, o.teamYaml), 'utf8');
        const want = X.findings(text).filter((f) => f.severity !== 'hint');
        expect(want.length > 0, `the engine finds nothing in ${o.teamYaml}`);
        await openFile(o.teamYaml);
        await goTo(want[0].line, want[0].column);
        await editor.locator(squiggles).first().waitFor({ timeout: 30_000 });
        const rows = await problemsRows(want[0].ruleId, (rs) => rs.some((r) => r.code === want[0].ruleId && r.line === want[0].line), 15_000);
        const resources = await problemsResources();
        expect(resources.includes(o.teamYaml), `the Problems panel lists no ${o.teamYaml}: ${JSON.stringify(resources)}`);
        expect(
          rows.some((r) => r.code === want[0].ruleId && r.line === want[0].line),
          `no ${want[0].ruleId} on line ${want[0].line}: ${JSON.stringify(rows)}`,
        );
        await problemsFilter.fill('').catch(() => {});
        await page.keyboard.press('Control+1');
        await shot('09-team-yaml');
        return `${want[0].ruleId} on line ${want[0].line}, language mode Product Team`;
      });
      await hidePanel();
    }

    if (o.firstLineYaml) {
      await check(`a plain ${o.firstLineYaml} whose first line is "# productteam" opens as Product Team and gets diagnostics`, async () => {
        const text = fs.readFileSync(path.join(o.workspace, o.firstLineYaml), 'utf8');
        const want = X.findings(text).filter((f) => f.severity !== 'hint');
        expect(/^# productteam\b/.test(text) && want.length > 0, `${o.firstLineYaml} is not a test case`);
        await openFile(o.firstLineYaml);
        await goTo(want[0].line, want[0].column);
        await editor.locator(squiggles).first().waitFor({ timeout: 30_000 });
        return `language mode Product Team, ${want[0].ruleId} on line ${want[0].line}`;
      });
      await hidePanel();
    }

    // ---- 9. Product Team: New Organisation File -------------------------------------------
    await check('Product Team: New Organisation File opens a starting file with no findings', async () => {
      const template = Object.values(JSON.parse(fs.readFileSync(SNIPPETS, 'utf8'))).find((sn) => sn.isFileTemplate);
      const engine = X.findings(X.expandSnippet(template.body));
      expect(engine.length === 0, `the engine finds ${engine.map((f) => f.ruleId).join(', ')} in the template`);
      await runCommand('Product Team: New Organisation File');
      await page
        .locator('.tab.active')
        .filter({ hasText: /Untitled/ })
        .waitFor({ timeout: 15_000 });
      await languageMode('Product Team');
      await page.keyboard.press('Escape'); // leave the snippet's tab stops
      await page.keyboard.press('Escape');
      // The status item names the file as the stance's source only once the server has analysed it.
      const hover = await languageStatus(/from the file/);
      await page.mouse.move(700, 300);
      await closeWidgets();
      const marks = await editor.locator('.squiggly-error, .squiggly-warning, .squiggly-info, .squiggly-hint').count();
      expect(marks === 0, `${marks} squiggles in the new file`);
      const tab = (await page.locator('.tab.active').innerText()).trim().split('\n').pop();
      const resources = await problemsResources();
      expect(resources.length > 0, 'the Problems panel lists no file at all');
      expect(!resources.some((r) => /Untitled|# productteam/.test(r)), `the Problems panel lists the new file: ${JSON.stringify(resources)}`);
      await hidePanel();
      await page.keyboard.press('Control+1');
      await shot('10-new-file');
      return `${tab}: ${hover.replace(/\s+/g, ' ').slice(0, 60)}, no squiggles, not in the Problems panel`;
    });
    await runCommand('View: Revert and Close Editor').catch(() => {});

    // ---- 9b. the ownership map: a webview beside the editor; a click reveals a domain ----------
    // The webview is two nested iframes (VS Code's host frame, then the page).
    const mapFrame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    const growth = mapFrame.locator('span.t[data-target="domain:app/growth"]'); // the domain's name in its product's table
    const mapped = await check('Product Team: Show Ownership Map opens the map beside the editor, under a strict CSP', async () => {
      await hidePanel();
      await openFile(TROUBLED);
      await runCommand('Product Team: Show Ownership Map');
      await page
        .locator('.tab')
        .filter({ hasText: `Ownership map: ${TROUBLED}` })
        .waitFor({ timeout: 20_000 });
      await growth.waitFor({ timeout: 30_000 });
      const csp = await mapFrame.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      expect(/default-src 'none'/.test(csp ?? '') && !/unsafe|https?:/.test(csp ?? ''), `the page's CSP is ${csp}`);
      const bars = await mapFrame.locator('svg.chart rect').count();
      expect(bars > 0, 'no bars in the roles-per-person chart');
      await page.waitForTimeout(300);
      await shot('15-map-light'); // code-server starts in its light theme
      return `CSP ${csp}; ${bars} bars`;
    });
    if (mapped) {
      await check('clicking a domain in the map reveals it in the editor', async () => {
        const lines = readTroubled().split('\n');
        const line = lines.findIndex((l) => /^ {6}growth:/.test(l)) + 1;
        expect(line > 0, 'no growth domain in the example');
        await growth.click();
        await page
          .locator('#status\\.editor\\.selection')
          .getByText(`Ln ${line}, Col 7`)
          .waitFor({ timeout: 15_000 })
          .catch(async () => {
            throw new Expected(
              `the cursor is at ${await page
                .locator('#status\\.editor\\.selection')
                .innerText()
                .catch(() => '?')}, not Ln ${line}, Col 7`,
            );
          });
        return `growth: Ln ${line}, Col 7`;
      });
      await check('the map takes the theme colours: dark after switching themes', async () => {
        await runCommand('Preferences: Toggle between Light/Dark Themes');
        await page.waitForTimeout(800);
        await growth.waitFor({ timeout: 15_000 });
        const bg = await mapFrame.locator('body').evaluate((b) => window.getComputedStyle(b).backgroundColor);
        const dark = /rgb\((\d+), (\d+), (\d+)\)/
          .exec(bg)
          ?.slice(1)
          .map(Number)
          .every((c) => c < 80);
        await shot('16-map-dark');
        await runCommand('Preferences: Toggle between Light/Dark Themes');
        expect(dark, `the map's background is ${bg} after switching from the light theme to the dark one`);
        return `background ${bg}`;
      });
    }
    await runCommand('View: Close All Editor Groups').catch(() => {}); // the map's group too: later steps expect one group

    // ---- 10. the stance setting's dropdown ---------------------------------------------------
    await check('Settings: the productteam.stance dropdown offers file and the four stances, nothing empty', async () => {
      await runCommand('Preferences: Open Settings (UI)');
      const settings = page.locator('.settings-editor');
      await settings.waitFor({ timeout: 15_000 });
      await page.keyboard.type('productteam.stance');
      const item = settings.locator('.setting-item-enum').filter({ hasText: 'Stance' }).first();
      await item.waitFor({ timeout: 15_000 });
      const options = (await item.locator('select option').allInnerTexts()).map((t) => t.trim());
      expect(
        JSON.stringify(options) === JSON.stringify(['file', 'combined', 'separated', 'contextual', 'outcomes-first']),
        `the dropdown offers ${JSON.stringify(options)}`,
      );
      // Open it as a user would and pick `separated`.
      await item.locator('.monaco-select-box').click();
      const list = page.locator('.select-box-dropdown-list-container');
      await list.waitFor({ state: 'visible', timeout: 10_000 });
      const shown = (await list.locator('.monaco-list-row').allInnerTexts()).map((t) => t.trim());
      await shot('11-stance-setting');
      await list
        .locator('.monaco-list-row')
        .filter({ hasText: /^separated$/ })
        .click();
      await list.waitFor({ state: 'hidden', timeout: 10_000 });
      const deadline = Date.now() + 10_000;
      while (!/"productteam\.stance":\s*"separated"/.test(fs.readFileSync(o.userSettings, 'utf8'))) {
        expect(Date.now() < deadline, 'settings.json never got "productteam.stance": "separated"');
        await page.waitForTimeout(100);
      }
      return `offers ${shown.join(', ')}; picked separated`;
    });
    await check('after choosing separated, the language status item says so and names the setting', async () => {
      await openFile(TROUBLED);
      const hover = await languageStatus(/Stance: separated/);
      expect(/from the productteam\.stance setting/.test(hover), `the source is not the setting: ${hover}`);
      await shot('12-stance-from-setting');
      return hover.replace(/\s+/g, ' ').slice(0, 90);
    });
    await closeWidgets();

    // ---- 11. productteam.enable: false in the folder's settings turns the extension off there --
    await check('productteam.enable: false in the folder settings clears the findings and says so', async () => {
      await hidePanel();
      const before = await problemsResources();
      expect(before.includes(TROUBLED), `no findings to clear: ${JSON.stringify(before)}`);
      fs.mkdirSync(path.join(o.workspace, '.vscode'), { recursive: true });
      fs.writeFileSync(path.join(o.workspace, '.vscode', 'settings.json'), '{ "productteam.enable": false }\n');
      const deadline = Date.now() + 30_000;
      let resources = before;
      while (resources.includes(TROUBLED) || resources.includes(o.teamYaml)) {
        expect(Date.now() < deadline, `still listed after 30 s: ${JSON.stringify(resources)}`);
        await page.waitForTimeout(500);
        resources = await problemsResources();
      }
      await hidePanel();
      await openFile(TROUBLED);
      const hover = await languageStatus(/Product Team: off/);
      await shot('13-disabled');
      return hover.replace(/\s+/g, ' ').slice(0, 80);
    });
    await closeWidgets();

    // ---- 12. a user association that hides productteam files: one warning, a button that fixes it --
    // (In the folder's settings: code-server does not notice a user settings.json written behind its back.)
    const folderSettings = path.join(o.workspace, '.vscode', 'settings.json');
    await check('"*.yaml": "yaml" in the folder settings brings one warning whose button adds the productteam associations', async () => {
      const settings = JSON.parse(fs.readFileSync(folderSettings, 'utf8'));
      settings['files.associations'] = { '*.yaml': 'yaml' };
      fs.writeFileSync(folderSettings, JSON.stringify(settings, null, 2));
      const toast = page.locator('.notifications-toasts .notification-toast').filter({ hasText: 'files.associations' });
      await toast
        .first()
        .waitFor({ timeout: 20_000 })
        .catch(() => {
          throw new Expected('no warning about files.associations within 20 s');
        });
      const message = (await toast.first().innerText()).replace(/\s+/g, ' ');
      expect(/"\*\.yaml"/.test(message), `the warning does not name the association: ${message}`);
      await shot('14-association-warning');
      await toast.first().getByRole('button', { name: 'Add files.associations' }).click();
      const deadline = Date.now() + 15_000;
      let assoc = {};
      for (;;) {
        try {
          assoc = JSON.parse(fs.readFileSync(folderSettings, 'utf8'))['files.associations'] ?? {};
        } catch {
          assoc = {}; // caught mid-write
        }
        if (assoc['*.productteam.yaml'] === 'productteam') break;
        expect(Date.now() < deadline, `settings.json has files.associations ${JSON.stringify(assoc)}`);
        await page.waitForTimeout(200);
      }
      expect(
        assoc['*.yaml'] === 'yaml' && assoc['*.productteam.yml'] === 'productteam' && assoc['.productteam.yaml'] === 'productteam',
        `the user's own association or one of ours is missing: ${JSON.stringify(assoc)}`,
      );
      // And the open file is a Product Team file again.
      await languageMode('Product Team');
      return `${message.slice(0, 80)}…; now ${JSON.stringify(assoc)}`;
    });

    // ---- 3c. the extension's details page shows its images, from inside the extension ---
    await check("the extension's details page shows its screenshots (loaded, not broken)", async () => {
      await runCommand('Extensions: Show Enabled Extensions');
      const entry = page.locator('.extensions-viewlet .monaco-list-row').filter({ hasText: 'Product Team Config' }).first();
      await entry.waitFor({ timeout: 20_000 });
      await entry.click();
      // The README renders in a webview: nested iframes. Poll every frame for loaded <img>s: the
      // .vsix's readme.md carries the screenshots as data: URIs (scripts/inline-images.mjs).
      const deadline = Date.now() + 30_000;
      let images = [];
      while (Date.now() < deadline) {
        images = [];
        for (const frame of page.frames()) {
          const found = await frame
            .evaluate(() =>
              [...document.querySelectorAll('img')]
                .filter((i) => /docs\/images\/|^data:image\//.test(i.getAttribute('src') ?? '') || /docs\/images\//.test(i.src))
                .map((i) => ({ src: i.src, ok: i.complete && i.naturalWidth > 0 })),
            )
            .catch(() => []);
          images.push(...found);
        }
        if (images.length >= 3 && images.every((i) => i.ok)) break;
        await page.waitForTimeout(500);
      }
      await shot('03c-extension-details');
      expect(images.length >= 3, `the details page shows ${images.length} screenshots`);
      const broken = images.filter((i) => !i.ok);
      expect(broken.length === 0, `broken: ${broken.map((i) => i.src).join(', ')}`);
      expect(
        images.every((i) => !/^https?:\/\/(github\.com|raw\.githubusercontent)/.test(i.src)),
        `an image comes from the network: ${images.map((i) => i.src).join(', ')}`,
      );
      return `${images.length} images loaded, e.g. ${images[0].src.slice(0, 80)}`;
    });
    await closeWidgets();

    // ---- screenshots ------------------------------------------------------------------
    await check('screenshots of each step written to a temporary folder', () => {
      expect(shots.length >= 10, `only ${shots.length} screenshots`);
      return shots.map((p) => path.basename(p)).join(', ');
    });
    if (pageErrors.length) log(`page errors: ${pageErrors.join(' | ')}`);
  } catch (err) {
    await page.screenshot({ path: path.join(o.shots, '99-failure.png') }).catch(() => {});
    throw err;
  } finally {
    await browser.close();
  }
}

/** The bounding box of `word` on the cursor's line. */
async function cursorWordBox(editor, word) {
  const cursor = await editor.locator('.cursors-layer .cursor').first().boundingBox();
  const spans = editor.locator('.view-line span span').filter({ hasText: new RegExp(`^\\s*${word}$`) });
  const n = await spans.count();
  for (let i = 0; i < n; i++) {
    const b = await spans.nth(i).boundingBox();
    if (b && cursor && Math.abs(b.y + b.height / 2 - (cursor.y + cursor.height / 2)) < b.height / 2) return b;
  }
  throw new Expected(`no '${word}' on the cursor's line`);
}

function firstDiff(a, b) {
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return `  line ${i + 1}: got      ${JSON.stringify(la[i])}\n  line ${i + 1}: expected ${JSON.stringify(lb[i])}`;
  }
  return '  (identical)';
}

/** The text of the focused row of a quick-fix menu ('' when none is focused). */
async function focusedRow(widget) {
  return (
    await widget
      .locator('.monaco-list-row.focused')
      .innerText()
      .catch(() => '')
  ).trim();
}
