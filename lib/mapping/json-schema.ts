/** mappings/schema.json is generated from the zod schema, so editors autocomplete what the loader accepts. */
import { z } from 'zod';
import { mappingSchema } from './schema';

export function mappingJsonSchema(): string {
  const schema = z.toJSONSchema(mappingSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return JSON.stringify({ ...schema, title: '一录通映射文件', $id: 'https://yiluotong.invalid/mapping.schema.json' }, null, 2) + '\n';
}
