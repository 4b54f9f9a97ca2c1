/**
 * `liang run -`: one document from standard input, its JSON on standard output as one line (JSON
 * lines), no output folder. Decoding and the pipeline are the same as for files.
 */
import { defaultRulesDir } from '../rules/files.js';
import { loadRulesCached } from '../rules/cache.js';
import { docJson } from '../output/json.js';
import type { FailureInfo } from './manifest.js';
import { processBytes, type DecodeSettings } from './process.js';

/** The document id and `source.path` of standard input. */
export const STDIN_ID = 'stdin';

export async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Processes `bytes` as one document; returns the JSON line, or the failure. */
export async function runStdinBytes(
  bytes: Uint8Array,
  options: { rulesDir?: string; settings: DecodeSettings; rulesCache?: string | null },
): Promise<{ line: string; quantities: number } | { failure: FailureInfo }> {
  // decoding first: empty or binary input fails before the pipeline is built
  const decoded = processBytes(null, STDIN_ID, '-', bytes, options.settings);
  if ('failure' in decoded) return decoded;
  const { createPipeline } = await import('../pipeline.js');
  const pipeline = createPipeline(await loadRulesCached(options.rulesDir ?? defaultRulesDir, options.rulesCache ?? null));
  const result = processBytes(pipeline, STDIN_ID, '-', bytes, options.settings);
  if ('failure' in result) return result;
  return { line: JSON.stringify(docJson(result.doc)) + '\n', quantities: result.doc.quantities.length };
}
