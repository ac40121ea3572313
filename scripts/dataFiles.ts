import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { validateBoundary, validateDistricts, validateNeighbourhoods } from '../src/data/areas.ts';
import { DATA_FILES } from '../src/data/files.ts';

export const DATA_DIR = path.resolve(import.meta.dirname, '../data');

export async function readDataFile(key: keyof typeof DATA_FILES, dir = DATA_DIR): Promise<unknown> {
  return JSON.parse(await readFile(path.join(dir, DATA_FILES[key]), 'utf8')) as unknown;
}

/** The boundary and area layers, validated exactly as the app validates them. */
export async function readAreas(dir = DATA_DIR) {
  return {
    boundary: validateBoundary(await readDataFile('boundary', dir)),
    districts: validateDistricts(await readDataFile('districts', dir)),
    neighbourhoods: validateNeighbourhoods(await readDataFile('neighbourhoods', dir)),
  };
}
