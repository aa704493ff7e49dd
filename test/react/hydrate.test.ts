// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { expect, it, vi } from 'vitest';
import { inboundGate } from '../dom/harness.js';
import { codesFor, fill, UncontrolledForm } from './forms.js';

it('hydrates server HTML without a mismatch, then adds the honeypot and checks fields', async () => {
  const gate = inboundGate();
  const element = createElement(UncontrolledForm, { gate, options: { endpoint: '/leads', formToken: false } });
  const container = document.createElement('div');
  container.innerHTML = renderToString(element);
  document.body.append(container);
  expect(container.querySelector('input[name="lg_hp"]')).toBeNull();
  const recoverable = vi.fn();
  const errors = vi.spyOn(console, 'error');
  let root: ReturnType<typeof hydrateRoot> | undefined;
  await act(async () => {
    root = hydrateRoot(container, element, { onRecoverableError: recoverable });
  });
  expect(recoverable).not.toHaveBeenCalled();
  expect(errors).not.toHaveBeenCalled();
  expect(container.querySelectorAll('input[name="lg_hp"]')).toHaveLength(1);
  await fill({ email: 'maria@mailinator.com' });
  expect(codesFor('email')).toEqual(['EMAIL_DISPOSABLE']);
  await act(async () => root!.unmount());
  errors.mockRestore();
});
