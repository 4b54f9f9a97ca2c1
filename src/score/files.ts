/**
 * Reads gold JSONL files and predicted per-document JSON files for scoring, and pairs them by
 * document id (the file's path relative to its folder, without extension).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ScoredRecord } from './align.js';

export class ScoreInputError extends Error {}

/** Every `*.jsonl` below `dir`, by document id. A bad line is an error naming file and line. */
export function readGold(dir: string): Map<string, ScoredRecord[]> {
  const gold = new Map<string, ScoredRecord[]>();
  for (const file of listFiles(dir, '.jsonl')) {
    const records: ScoredRecord[] = [];
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (line.trim() === '') return;
        try {
          records.push(checkRecord(JSON.parse(line)));
        } catch (error) {
          throw new ScoreInputError(`${file}:${index + 1}: ${(error as Error).message}`);
        }
      });
    gold.set(docId(dir, file, '.jsonl'), records);
  }
  return gold;
}

/** Every per-document `*.json` below `dir` (or below `dir/docs` when that exists), by document id. */
export function readPredicted(dir: string): Map<string, ScoredRecord[]> {
  const root = existsSync(join(dir, 'docs')) ? join(dir, 'docs') : dir;
  const predicted = new Map<string, ScoredRecord[]>();
  for (const file of listFiles(root, '.json')) {
    let parsed: { doc_id?: string; quantities?: unknown };
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ScoreInputError(`${file}: not valid JSON: ${(error as Error).message}`);
    }
    if (!Array.isArray(parsed.quantities)) throw new ScoreInputError(`${file}: has no "quantities" list`);
    const records = parsed.quantities.map((record, index) => {
      try {
        return checkRecord(record);
      } catch (error) {
        throw new ScoreInputError(`${file}: quantities[${index}]: ${(error as Error).message}`);
      }
    });
    predicted.set(parsed.doc_id ?? docId(root, file, '.json'), records);
  }
  return predicted;
}

function checkRecord(value: unknown): ScoredRecord {
  if (!value || typeof value !== 'object') throw new Error('a record must be a JSON object');
  const record = value as ScoredRecord;
  if (typeof record.value !== 'number' && typeof record.value !== 'string') throw new Error('"value" must be a number');
  if (typeof record.unit !== 'string') throw new Error('"unit" must be a string');
  if (record.value_max === undefined) record.value_max = null;
  return record;
}

function docId(root: string, file: string, extension: string): string {
  return relative(root, file).slice(0, -extension.length).split(sep).join('/');
}

function listFiles(dir: string, extension: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ScoreInputError(`${dir}: no such folder`);
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(extension)) files.push(path);
    }
  };
  walk(dir);
  return files;
}
