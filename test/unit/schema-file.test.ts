import { describe, expect, it } from 'vitest';
import { argmapJsonSchema } from '../../src/core/formats/argmap-json/schema.ts';
import { readText } from './helpers.ts';

describe('the shipped JSON Schema', () => {
  it('is the one generated from the zod schema (run `npm run schema` after changing it)', () => {
    expect(JSON.parse(readText('static/schema/argmap-1.schema.json'))).toEqual(argmapJsonSchema());
  });

  it('describes linked premises and keeps objects open for unknown keys', () => {
    const schema = argmapJsonSchema() as { properties: Record<string, { items?: { properties?: object } }> };
    expect(JSON.stringify(schema.properties.relations)).toContain('linked co-premises');
    expect(JSON.stringify(schema)).not.toContain('"additionalProperties":false');
  });
});
