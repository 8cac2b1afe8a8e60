// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { WebSessionGate, type WebSession, type WebSessionTexts } from '../../server/web/pages/web-session';

/** The backend pages' one sign-in: the token checked through /v1/me, roles refused, a 401 signing out. */

const TEAM = { id: '00000000-0000-4000-8000-000000000001', name: 'Alpha' };
const agentOf = (role: 'agent' | 'lead' | 'receiver', name: string) => ({
  agent: { id: '00000000-0000-4000-8000-000000000002', teamId: TEAM.id, name, role, createdAt: '2026-12-01T00:00:00.000Z', active: true },
  team: TEAM,
});

const TEXTS: WebSessionTexts = {
  title: 'Inbox',
  token: 'Backend token',
  signIn: 'Open',
  signInFailed: 'Not accepted.',
  signOut: 'Forget token',
  signedInAs: (name) => `Signed in as ${name}`,
  roleRefused: 'Receivers use the hand-off page.',
};

/** The backend: tokens to the agent they belong to; every other path answers 401 unless `revoked` is empty. */
function backend(tokens: Record<string, ReturnType<typeof agentOf>>, revoked: Set<string>) {
  return vi.fn(async (path: string, init: RequestInit) => {
    const token = String((init.headers as Record<string, string>).authorization).replace('Bearer ', '');
    const me = tokens[token];
    if (!me || revoked.has(token)) return new Response(JSON.stringify({ error: { message: 'unauthorised' } }), { status: 401 });
    if (path === '/v1/me') return new Response(JSON.stringify(me), { status: 200 });
    return new Response(JSON.stringify({ path }), { status: 200 });
  });
}

let session: WebSession | null = null;
const gate = () =>
  render(
    <WebSessionGate texts={TEXTS} testIdPrefix="t" allowRole={(role) => role !== 'receiver'}>
      {(s) => {
        session = s;
        return <p data-testid="content">{s.agent.role}</p>;
      }}
    </WebSessionGate>,
  );
const signIn = (token: string) => {
  fireEvent.change(screen.getByLabelText('Backend token'), { target: { value: token } });
  fireEvent.click(screen.getByRole('button', { name: 'Open' }));
};

describe('WebSessionGate', () => {
  const revoked = new Set<string>();
  beforeEach(() => {
    sessionStorage.clear();
    revoked.clear();
    session = null;
    vi.stubGlobal(
      'fetch',
      backend(
        { 'agent-token': agentOf('agent', 'Alex Agent'), 'lead-token': agentOf('lead', 'Lena Lead'), 'receiver-token': agentOf('receiver', 'Rhea') },
        revoked,
      ),
    );
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('refuses a wrong token and a receiver, storing neither, then signs an agent in', async () => {
    gate();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Inbox');
    expect(screen.getByLabelText('Backend token').getAttribute('type')).toBe('password');
    signIn('nope');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Not accepted.'));
    signIn('receiver-token');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Receivers use the hand-off page.'));
    expect(sessionStorage.length).toBe(0);
    signIn('agent-token');
    await waitFor(() => expect(screen.getByTestId('t-signed-in').textContent).toBe('Signed in as Alex Agent'));
    expect(screen.getByTestId('content').textContent).toBe('agent');
    expect(sessionStorage.getItem('caseside.token')).toBe('agent-token');
  });

  it("checks a stored token on load and hands the page the lead's session; signing out forgets it", async () => {
    sessionStorage.setItem('caseside.token', 'lead-token');
    gate();
    await waitFor(() => expect(screen.getByTestId('content').textContent).toBe('lead'));
    expect(session!.agent).toMatchObject({ name: 'Lena Lead', role: 'lead' });
    fireEvent.click(screen.getByTestId('t-signout'));
    expect(screen.getByLabelText('Backend token')).toBeTruthy();
    expect(sessionStorage.length).toBe(0);
  });

  it("a stored receiver's token is dropped with the refusal shown", async () => {
    sessionStorage.setItem('caseside.token', 'receiver-token');
    gate();
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Receivers use the hand-off page.'));
    expect(sessionStorage.length).toBe(0);
  });

  it("answers the page's calls with the token, and a 401 signs the page out", async () => {
    sessionStorage.setItem('caseside.token', 'agent-token');
    gate();
    await waitFor(() => expect(screen.getByTestId('content')).toBeTruthy());
    const ok = await session!.call('GET', '/v1/disputes', z.object({ path: z.string() }));
    expect(ok).toEqual({ ok: true, status: 200, data: { path: '/v1/disputes' } });
    revoked.add('agent-token');
    const refused = await session!.call('GET', '/v1/disputes', z.object({ path: z.string() }));
    expect(refused).toMatchObject({ ok: false, status: 401 });
    await waitFor(() => expect(screen.getByLabelText('Backend token')).toBeTruthy());
    expect(screen.queryByTestId('content')).toBeNull();
    expect(sessionStorage.length).toBe(0);
  });
});
