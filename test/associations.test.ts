// files.associations that hide productteam files from the extension, and the
// entries the warning's button writes (client/src/associations.ts).
import * as assert from 'node:assert/strict';
import { associatedLanguage, globToRegExp, hidingAssociations, withOurAssociations } from '../client/src/associations';

describe('client: files.associations check', function () {
  it('matches globs as VS Code does: * within a name, ** across folders, {a,b}, ignoring case', function () {
    assert.ok(globToRegExp('*.yaml').test('team.productteam.yaml'));
    assert.ok(!globToRegExp('*.yaml').test('a/team.yaml'));
    assert.ok(globToRegExp('**/*.yaml').test('/w/config/team.YAML'));
    assert.ok(globToRegExp('*.{yml,yaml}').test('x.yml'));
    assert.ok(!globToRegExp('*.{yml,yaml}').test('x.json'));
    assert.ok(globToRegExp('team?.yaml').test('team1.yaml'));
  });

  it('finds the association that hides *.productteam.yaml files', function () {
    assert.deepEqual(hidingAssociations({ '*.yaml': 'yaml' }), ['*.yaml']);
    assert.deepEqual(hidingAssociations({ '*.yml': 'yaml', '*.json': 'jsonc' }), ['*.yml']);
    assert.deepEqual(hidingAssociations({ '**/*.yaml': 'yaml' }), ['**/*.yaml']);
    assert.deepEqual(hidingAssociations({ '.productteam.yaml': 'yaml' }), ['.productteam.yaml']);
  });

  it('stays quiet when nothing is hidden or ours out-rank the others', function () {
    assert.deepEqual(hidingAssociations(undefined), []);
    assert.deepEqual(hidingAssociations({}), []);
    assert.deepEqual(hidingAssociations({ '*.json': 'jsonc', 'team.yaml': 'productteam' }), []);
    assert.deepEqual(hidingAssociations(withOurAssociations({ '*.yaml': 'yaml', '*.yml': 'yaml' })), []);
  });

  it("the button adds the three patterns and keeps the user's own", function () {
    const fixed = withOurAssociations({ '*.yaml': 'yaml' });
    assert.deepEqual(fixed, { '*.yaml': 'yaml', '*.productteam.yaml': 'productteam', '*.productteam.yml': 'productteam', '.productteam.yaml': 'productteam' });
    assert.equal(associatedLanguage(fixed, '/w/team.productteam.yaml'), 'productteam', 'the longer pattern wins');
    assert.equal(associatedLanguage(fixed, '/w/other.yaml'), 'yaml');
  });
});
