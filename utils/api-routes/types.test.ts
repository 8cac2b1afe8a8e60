import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildPath, type ApiRoute } from './types';

const route: ApiRoute = { method: 'PUT', path: '/v1/templates/:id', response: z.unknown() };

describe('buildPath', () => {
  it('fills parameters and query strings', () => {
    expect(buildPath(route, { id: 'abc-123' }, { includeArchived: 'true', empty: '' })).toEqual({
      ok: true,
      path: '/v1/templates/abc-123?includeArchived=true',
    });
  });
  it('refuses missing parameters and path tricks', () => {
    expect(buildPath(route, {})).toMatchObject({ ok: false });
    expect(buildPath(route, { id: '../agents' })).toMatchObject({ ok: false });
    expect(buildPath(route, { id: 'a/b' })).toMatchObject({ ok: false });
    expect(buildPath(route, { id: '..' })).toMatchObject({ ok: false });
  });
});
