// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { liveFixture, loadFixtureIntoDocument } from '../../tests/fixtures/load';
import { FIXTURES } from '../../tests/fixtures/manifest';
import { amazonAdapter } from './amazon';
import { insertIntoReplyBox } from './reply-box';
import type { ReplyTarget } from './types';

function plainTextarea(value: string, caret: [number, number]): HTMLTextAreaElement {
  document.body.innerHTML = '<textarea id="box"></textarea>';
  const box = document.getElementById('box') as HTMLTextAreaElement;
  box.value = value;
  box.setSelectionRange(caret[0], caret[1]);
  return box;
}

describe('insertIntoReplyBox: textarea', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  test('inserts at the caret, keeps what the agent typed, caret after the insertion', () => {
    const box = plainTextarea('Hello Max, thanks.', [10, 10]);
    expect(insertIntoReplyBox({ kind: 'textarea', element: box }, ' your parcel left today.')).toEqual({ ok: true });
    expect(box.value).toBe('Hello Max, your parcel left today. thanks.');
    expect(box.selectionStart).toBe(34);
  });

  test('replaces a selection', () => {
    const box = plainTextarea('Dear NAME,', [5, 9]);
    insertIntoReplyBox({ kind: 'textarea', element: box }, 'Max');
    expect(box.value).toBe('Dear Max,');
  });

  test('fires input (insertText, composed) and change events that bubble', () => {
    const box = plainTextarea('', [0, 0]);
    const seen: Event[] = [];
    document.body.addEventListener('input', (e) => seen.push(e));
    document.body.addEventListener('change', (e) => seen.push(e));
    insertIntoReplyBox({ kind: 'textarea', element: box }, 'Hi');
    expect(seen.map((e) => e.type)).toEqual(['input', 'change']);
    const input = seen[0] as InputEvent;
    expect([input.inputType, input.data, input.bubbles, input.composed]).toEqual(['insertText', 'Hi', true, true]);
  });

  test('markup-looking text stays text', () => {
    const box = plainTextarea('', [0, 0]);
    insertIntoReplyBox({ kind: 'textarea', element: box }, '<img src=x onerror=alert(1)>');
    expect(box.value).toBe('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });

  test('clear errors instead of throws', () => {
    const box = plainTextarea('x', [1, 1]);
    box.readOnly = true;
    expect(insertIntoReplyBox({ kind: 'textarea', element: box }, 'y')).toMatchObject({ ok: false });
    const detached = document.createElement('textarea');
    expect(insertIntoReplyBox({ kind: 'textarea', element: detached }, 'y')).toEqual({ ok: false, error: 'The reply box is no longer on the page.' });
    const limited = plainTextarea('', [0, 0]);
    limited.maxLength = 3;
    expect(insertIntoReplyBox({ kind: 'textarea', element: limited }, 'four')).toMatchObject({ ok: false });
    expect(limited.value).toBe('');
  });
});

describe('insertIntoReplyBox: contenteditable', () => {
  test('inserts a text node at the selection, never markup', () => {
    document.body.innerHTML = '<div id="ed" contenteditable="true">Hello world</div>';
    const editor = document.getElementById('ed')!;
    const range = document.createRange();
    range.setStart(editor.firstChild!, 5);
    range.collapse(true);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    let inputs = 0;
    editor.addEventListener('input', () => inputs++);
    expect(insertIntoReplyBox({ kind: 'contenteditable', element: editor }, ' <b>dear</b>')).toEqual({ ok: true });
    expect(editor.textContent).toBe('Hello <b>dear</b> world');
    expect(editor.querySelector('b')).toBeNull();
    expect(inputs).toBe(1);
  });

  test('without a caret inside, appends after what was typed', () => {
    document.body.innerHTML = '<div id="ed" contenteditable="true">Typed.</div><p id="other">x</p>';
    document.getSelection()!.removeAllRanges();
    const editor = document.getElementById('ed')!;
    insertIntoReplyBox({ kind: 'contenteditable', element: editor }, ' More.');
    expect(editor.textContent).toBe('Typed. More.');
  });
});

describe('kat-textarea reply boxes on the fixture pages', () => {
  for (const name of ['amazon-de-contact-buyer', 'amazon-uk-message']) {
    test(`${name}: finds the inner textarea and the page's framework enables Send`, () => {
      const doc = loadFixtureIntoDocument(name);
      const target = amazonAdapter.findReplyBox(doc) as Extract<ReplyTarget, { kind: 'textarea' }>;
      expect(target?.kind).toBe('textarea');
      expect(target.host?.tagName).toBe('KAT-TEXTAREA');
      expect(target.element.getRootNode()).toBe(target.host!.shadowRoot);
      const send = doc.querySelector('kat-button[id^="send"]')!;
      expect(send.hasAttribute('disabled')).toBe(true);
      expect(insertIntoReplyBox(target, 'Guten Tag, Ihr Paket ist unterwegs.')).toEqual({ ok: true });
      // The component read the inner value on `input`, like the real framework, and the page reacted.
      expect((target.host as HTMLElement & { value: string }).value).toBe('Guten Tag, Ihr Paket ist unterwegs.');
      expect(send.hasAttribute('disabled')).toBe(false);
      expect(target.host!.shadowRoot!.querySelector('.count')?.textContent).toBe('35 / 4000');
    });
  }

  test('a plain textarea reply page (A-to-z claim) is found too', () => {
    const doc = loadFixtureIntoDocument('amazon-fr-claim');
    const target = amazonAdapter.findReplyBox(doc);
    expect(target?.kind).toBe('textarea');
    expect((target!.element as HTMLTextAreaElement).name).toBe('response');
  });

  // The panel's host sits in the page with an open shadow root holding its note box.
  for (const fixture of FIXTURES.filter((f) => f.expected.replyBox && f.url.includes('sellercentral'))) {
    test(`${fixture.name}: the extension's own panel is never the reply box nor read as the page`, async () => {
      const doc = await liveFixture(fixture, (d) => amazonAdapter.isContentReady(fixture.expected.pageKind, d));
      const before = amazonAdapter.findReplyBox(doc);
      const panel = doc.createElement('caseside-panel');
      panel.attachShadow({ mode: 'open' }).innerHTML = '<p>Order 111-1111111-1111111</p><textarea placeholder="Add a note for the team"></textarea>';
      doc.body.prepend(panel);
      try {
        expect(amazonAdapter.findReplyBox(doc)?.element ?? null).toBe(before?.element ?? null);
        expect(amazonAdapter.extract(new URL(fixture.url), doc).orderId).toBe(fixture.expected.orderId);
      } finally {
        panel.remove();
      }
    });
  }
});
