/**
 * The mappings shipped with the extension (mappings/*.json), validated at start-up. A broken file is
 * reported and skipped so one bad mapping never takes the others down; the meta-tests keep broken
 * files from being shipped in the first place.
 */
import { validateMapping, MappingError } from './load';
import type { Mapping } from './schema';

const files = import.meta.glob<unknown>(['/mappings/*.json', '!/mappings/schema.json', '!/mappings/vocabulary.json', '!/mappings/vocabulary.schema.json'], { eager: true, import: 'default' });

export function loadBundled(report: (e: MappingError) => void = (e) => console.error(e.message)): Mapping[] {
  const out: Mapping[] = [];
  for (const [path, json] of Object.entries(files)) {
    try {
      out.push(validateMapping(json, path.replace(/^\//, '')));
    } catch (e) {
      if (e instanceof MappingError) report(e);
      else throw e;
    }
  }
  return out;
}
