/** Loads the shipped mapping files from disk through the same validation the extension uses. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseMapping } from '../../lib/mapping/load';
import type { Mapping } from '../../lib/mapping/schema';
import { isMappingFile } from '../../lib/mapping/match';

export const MAPPINGS_DIR = fileURLToPath(new URL('../../mappings/', import.meta.url));

export function mappingFiles(): string[] {
  return readdirSync(MAPPINGS_DIR).filter(isMappingFile).sort();
}

export function loadMapping(file: string): Mapping {
  return parseMapping(readFileSync(MAPPINGS_DIR + file, 'utf8'), `mappings/${file}`);
}

export const MAPPING_A = 'zj-zzd-xfjc.json';
export const MAPPING_B = 'zj-jczz-sjsb.json';
export const MAPPING_C = 'zj-xfjd-jxcs.json';
