import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { splitOwners } from '../e2e/expectations';
import { activateExtension, closeCopies, codeOf, openExampleCopy, pos, waitForDiagnostics } from './helpers';

describe('quick fixes (vscode.executeCodeActionProvider)', () => {
  before(activateExtension);
  after(closeCopies);

  it('split owner: one "Assign single owner" per candidate; applying one edits only that value', async () => {
    const doc = await openExampleCopy('troubled');
    const split = splitOwners(doc.getText())[0];
    assert.ok(split, 'the troubled example has no `owner: [a, b]` that single-owner flags');
    const line = split.line - 1;
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'single-owner' && d.range.start.line === line));

    const range = new vscode.Range(pos(split.line, split.column), pos(split.line, split.column));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = actions.map((a) => a.title);
    for (const id of split.ids) assert.ok(titles.includes(`Assign single owner: ${id}`), `no "Assign single owner: ${id}" among ${JSON.stringify(titles)}`);

    const choice = split.ids[split.ids.length - 1];
    const action = actions.find((a) => a.title === `Assign single owner: ${choice}`);
    assert.ok(action?.edit, 'the fix carries no edit');
    const before = doc.getText().split(/\r?\n/);
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    const after = doc.getText().split(/\r?\n/);
    assert.equal(after.length, before.length);
    for (let i = 0; i < before.length; i++) {
      if (i === line) assert.equal(after[i], before[i].replace(split.listText, choice), 'the fixed line');
      else assert.equal(after[i], before[i], `line ${i + 1} changed`);
    }
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeOf(d) === 'single-owner' && d.range.start.line === line));
  });
});
