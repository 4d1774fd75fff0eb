import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { firstKey, normalizeQuote, roleQuotes } from '../e2e/expectations';
import { activateExtension, closeCopies, hoverText, openExampleCopy, pos } from './helpers';

describe('hover (vscode.executeHoverProvider)', () => {
  before(activateExtension);
  after(closeCopies);

  for (const role of ['productOwner', 'productManager'] as const) {
    it(`${role}: explains the role with a verbatim expert quote`, async () => {
      const doc = await openExampleCopy('troubled');
      const at = firstKey(doc.getText(), role);
      assert.ok(at, `no ${role}: key in the troubled example`);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos(at.line, at.column + 2));
      const text = normalizeQuote(hoverText(hovers));
      const quotes = roleQuotes(role).map(normalizeQuote);
      assert.ok(quotes.length > 0);
      assert.ok(
        quotes.some((q) => text.includes(q)),
        `hover quotes none of the ${role} quotes verbatim:\n${text.slice(0, 600)}`,
      );
    });
  }
});
