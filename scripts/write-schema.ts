/** `npm run schema`: regenerates mappings/schema.json from lib/mapping/schema.ts. */
import { writeFileSync } from 'node:fs';
import { mappingJsonSchema } from '../lib/mapping/json-schema';

writeFileSync(new URL('../mappings/schema.json', import.meta.url), mappingJsonSchema());
console.log('mappings/schema.json 已更新');
