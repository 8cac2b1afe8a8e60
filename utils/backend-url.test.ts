import { describe, expect, it } from 'vitest';
import { parseBackendUrl } from './backend-url';

describe('parseBackendUrl', () => {
  it('accepts https team backends and trims trailing slashes', () => {
    expect(parseBackendUrl(' https://cs.example.com/ ')).toEqual({ ok: true, origin: 'https://cs.example.com' });
    expect(parseBackendUrl('https://cs.example.com/api/')).toEqual({ ok: true, origin: 'https://cs.example.com/api' });
  });
  it('accepts plain http only on this machine', () => {
    expect(parseBackendUrl('http://127.0.0.1:8787')).toEqual({ ok: true, origin: 'http://127.0.0.1:8787' });
    expect(parseBackendUrl('http://localhost:8787')).toMatchObject({ ok: true });
    expect(parseBackendUrl('http://cs.example.com')).toMatchObject({ ok: false, message: expect.stringContaining('https') });
  });
  it('refuses what is not an address, other schemes and credentials in the URL', () => {
    expect(parseBackendUrl('caseside')).toMatchObject({ ok: false });
    expect(parseBackendUrl('ftp://x.example')).toMatchObject({ ok: false });
    expect(parseBackendUrl('https://u:p@x.example')).toMatchObject({ ok: false, message: expect.stringContaining('token') });
  });
});
