import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dropFile } from './drop-file.ts';

const interview = readFileSync(new URL('../fixtures/speaker/interview.argmap.json', import.meta.url), 'utf8');

test('an implicit premise and the interviewer’s claim: marked on their boxes, in Details and in the source text', async ({
  page,
}) => {
  await page.goto('/');
  await page.locator('[data-node-id]').first().waitFor();
  await dropFile(page, 'interview.argmap.json', interview);

  const implicit = page.locator('g[data-node-id="no-agenda-no-answer"]');
  await expect(implicit).toHaveClass(/\bimplicit\b/);
  await expect(implicit.locator('text.label')).toHaveText('REBUTTAL · IMPLICIT');
  // Dashed, whatever its role draws.
  const dash = await implicit.locator('rect.box').evaluate((rect) => getComputedStyle(rect).strokeDasharray);
  expect(dash.replace(/px/g, '')).toMatch(/^9,? 5$/);

  await expect(implicit).toHaveAttribute('aria-label', /^rebuttal \(implicit\): What is not on the agenda/);

  const asked = page.locator('g[data-node-id="membership"]');
  await expect(asked).toHaveAttribute('aria-label', /deficit\. — Interviewer$/);
  await expect(asked.locator('text.speaker')).toHaveText('— Interviewer');
  await expect(page.locator('g[data-node-id="trust-first"] text.speaker')).toHaveCount(0);
  // The speaker's line is inside its box.
  const box = (await asked.locator('rect.box').boundingBox())!;
  const line = (await asked.locator('text.speaker').boundingBox())!;
  expect(line.y + line.height).toBeLessThanOrEqual(box.y + box.height);
  expect(line.x + line.width).toBeLessThanOrEqual(box.x + box.width);

  const details = page.getByRole('region', { name: 'Details' });
  await asked.click();
  await expect(details).toContainText('Speaker: Interviewer');
  await expect(details).not.toContainText('implicit');
  await implicit.click();
  await expect(details).toContainText('implicit — added by the reconstruction');
  await expect(details).toContainText('Speaker: Dmitri Trenin');

  // The source text sets the interviewer's questions apart, with the interviewer's name.
  const source = page.getByRole('region', { name: 'Source text' });
  const questions = source.locator('.question');
  await expect(questions).toHaveCount(2);
  await expect(questions.first()).toContainText('Valdai Club:');
  await expect(questions.first()).toContainText('Is NATO membership for Russia the answer');
  await expect(questions.first()).toHaveCSS('font-style', 'italic');
  await expect(source.locator('.question', { hasText: 'What Russia and NATO need first' })).toHaveCount(0);
  // A quoted question still selects its box.
  await questions.first().locator('[data-node-id-ref="membership"]').click();
  await expect(details).toContainText('NATO membership for Russia would answer the security deficit.');
});
