/** `npm run schema`: regenerates mappings/schema.json and mappings/vocabulary.schema.json from the zod schemas. */
import { writeFileSync } from 'node:fs';
import { mappingJsonSchema, vocabularyJsonSchema } from '../lib/mapping/json-schema';

writeFileSync(new URL('../mappings/schema.json', import.meta.url), mappingJsonSchema());
writeFileSync(new URL('../mappings/vocabulary.schema.json', import.meta.url), vocabularyJsonSchema());
console.log('mappings/schema.json、mappings/vocabulary.schema.json 已更新');
