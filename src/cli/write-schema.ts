/** Writes static/schema/argmap-1.schema.json from the zod schema (`npm run schema`); a test keeps them equal. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { argmapJsonSchema } from '../core/formats/argmap-json/schema.ts';

const target = new URL('../../static/schema/argmap-1.schema.json', import.meta.url);
mkdirSync(new URL('.', target), { recursive: true });
writeFileSync(target, JSON.stringify(argmapJsonSchema(), null, 2) + '\n');
process.stdout.write(`wrote ${target.pathname}\n`);
