import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { personIds, scalarPersonRef } from '../e2e/expectations';
import { activateExtension, closeCopies, openExampleCopy, pos } from './helpers';

describe('completion (vscode.executeCompletionItemProvider)', () => {
  before(activateExtension);
  after(closeCopies);

  it('offers every person id where a person reference goes', async () => {
    const doc = await openExampleCopy('troubled');
    const ref = scalarPersonRef(doc.getText());
    assert.ok(ref, 'the troubled example has no `role: person` line');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos(ref.line, ref.column));
    const labels = new Set(list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)));
    const missing = personIds(doc.getText()).filter((id) => !labels.has(id));
    assert.deepEqual(missing, [], `completion lacks person ids; it offers ${JSON.stringify([...labels].slice(0, 20))}`);
  });
});
