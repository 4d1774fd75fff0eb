// Include paths without `path` (engine/host/paths.ts): relative entries,
// `..`, globs, and URIs whose segments are percent-encoded.
import * as assert from 'node:assert/strict';
import { folderOf, globToRegExp, resolveEntry } from '../../server/src/engine/host/paths';

describe('include paths', () => {
  it('resolves entries against the root folder, folding . and ..', () => {
    assert.equal(resolveEntry(folderOf('/w/org/root.productteam.yaml'), './people/../people.yaml'), '/w/org/people.yaml');
    assert.equal(resolveEntry('/w/org/', '../shared/x.yaml'), '/w/shared/x.yaml');
    assert.equal(resolveEntry('/w/', '../../x.yaml'), undefined);
    assert.equal(resolveEntry('/w/org/', 'people\\\\dir.yaml'), '/w/org/people/dir.yaml');
  });

  it('percent-encodes the segments of a URI as editors send them', () => {
    assert.equal(resolveEntry('file:///w/org/', 'my people.productteam.yaml'), 'file:///w/org/my%20people.productteam.yaml');
    assert.equal(resolveEntry('file:///w/org/', 'products/*.productteam.yaml'), 'file:///w/org/products/*.productteam.yaml');
  });

  it('matches * within a folder and ** across folders', () => {
    const one = globToRegExp('/w/products/*.productteam.yaml');
    assert.ok(one.test('/w/products/a.productteam.yaml'));
    assert.ok(!one.test('/w/products/x/a.productteam.yaml'));
    const deep = globToRegExp('/w/products/**/*.productteam.yaml');
    assert.ok(deep.test('/w/products/a.productteam.yaml'));
    assert.ok(deep.test('/w/products/x/y/a.productteam.yaml'));
    assert.ok(!deep.test('/w/other/a.productteam.yaml'));
  });
});
