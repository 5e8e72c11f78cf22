/**
 * mappings/schema.json and mappings/vocabulary.schema.json are generated from the zod schemas, so
 * editors autocomplete and check what the loader accepts.
 */
import { z } from 'zod';
import { mappingSchema } from './schema';
import { vocabularyFileSchema } from '../record/vocabulary';

export function mappingJsonSchema(): string {
  const schema = z.toJSONSchema(mappingSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return JSON.stringify({ ...schema, title: '一录通映射文件', $id: 'https://yiluotong.invalid/mapping.schema.json' }, null, 2) + '\n';
}

export function vocabularyJsonSchema(): string {
  const schema = z.toJSONSchema(vocabularyFileSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return JSON.stringify({ ...schema, title: '一录通词表', $id: 'https://yiluotong.invalid/vocabulary.schema.json' }, null, 2) + '\n';
}
