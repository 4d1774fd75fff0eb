import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { referencedPeople, renamed } from '../e2e/expectations';
import { activateExtension, closeCopies, openExampleCopy, pos } from './helpers';

describe('rename (vscode.executeDocumentRenameProvider)', () => {
  before(activateExtension);
  after(closeCopies);

  it('renaming a person at a reference edits the declaration and every reference, nothing else', async () => {
    const doc = await openExampleCopy('troubled');
    const person = referencedPeople(doc.getText())[0];
    assert.ok(person && person.occurrences >= 3, 'the troubled example should reference someone at least twice');
    const before = doc.getText();
    const to = `${person.id}-renamed`;
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      doc.uri,
      pos(person.line, person.column),
      to,
    );
    assert.ok(edit, 'no rename edit');
    assert.equal(edit.get(doc.uri).length, person.occurrences, 'number of edits');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(doc.getText(), renamed(before, person.id, to));
  });

  it('refuses a name that is not a valid id', async () => {
    const doc = await openExampleCopy('troubled');
    const person = referencedPeople(doc.getText())[0];
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', doc.uri, pos(person.line, person.column), 'not valid: id')),
    );
  });
});
