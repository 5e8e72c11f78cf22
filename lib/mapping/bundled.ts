/**
 * The mappings shipped with the extension (mappings/*.json), validated at start-up. A broken file is
 * reported and skipped so one bad mapping never takes the others down; the meta-tests keep broken
 * files from being shipped in the first place.
 */
import { validateMapping, MappingError } from './load';
import type { Mapping } from './schema';

const files = import.meta.glob<unknown>(['/mappings/*.json', '!/mappings/schema.json', '!/mappings/vocabulary.json', '!/mappings/vocabulary.schema.json'], { eager: true, import: 'default' });

/**
 * Test builds only (`WXT_TEST_MAPPINGS=1 npx wxt build`): the galleries' mappings in
 * tests/fixtures/mappings/, for end-to-end tests on gallery pages no shipped mapping names. In any
 * other build the condition is the constant false and none of them is bundled.
 */
const testFiles = import.meta.env.WXT_TEST_MAPPINGS === '1'
  ? import.meta.glob<unknown>('/tests/fixtures/mappings/*.json', { eager: true, import: 'default' })
  : {};

export function loadBundled(report: (e: MappingError) => void = (e) => console.error(e.message)): Mapping[] {
  const out: Mapping[] = [];
  for (const [path, json] of Object.entries({ ...files, ...testFiles })) {
    try {
      out.push(validateMapping(json, path.replace(/^\//, '')));
    } catch (e) {
      if (e instanceof MappingError) report(e);
      else throw e;
    }
  }
  return out;
}
