/** What `observeForms` is given for each form: a binding to detach when the form leaves the page, or nothing. */
export type FormAttacher = (form: HTMLFormElement) => { detach(): void } | void;

/** Stops observing and detaches every binding `observeForms` made. */
export interface FormObserver {
  disconnect(): void;
}

/**
 * Calls `attach` for every form matching `selector` in `root`, now and whenever one
 * appears later: third-party embeds (HubSpot, Marketo, a consent manager) render
 * their form after the page has loaded, sometimes in several steps. A form that leaves
 * the page is detached, and attached again if it comes back (an embed that re-renders).
 *
 * @example
 * const observer = observeForms(document, 'form.demo-request', (form) => attachGate(form, gate, { endpoint: '/leads' }));
 * // later: observer.disconnect();
 */
export function observeForms(root: Document | Element, selector: string, attach: FormAttacher): FormObserver {
  const bindings = new Map<HTMLFormElement, { detach(): void } | undefined>();
  const document = (root as Document).nodeType === 9 ? (root as Document) : (root as Element).ownerDocument;
  const scan = () => {
    for (const [form, binding] of bindings) {
      if (!form.isConnected || !root.contains(form) || !form.matches(selector)) {
        bindings.delete(form);
        binding?.detach();
      }
    }
    for (const form of Array.from(root.querySelectorAll<HTMLFormElement>(selector))) {
      if (form.tagName !== 'FORM' || bindings.has(form)) continue;
      try {
        bindings.set(form, attach(form) ?? undefined);
      } catch (error) {
        // One broken form (a bad attribute) must not stop the others from binding.
        bindings.set(form, undefined);
        console.error(`leadgate: could not attach to form ${form.id ? `#${form.id}` : ''}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  scan();
  const Observer = document.defaultView?.MutationObserver ?? globalThis.MutationObserver;
  const observer = new Observer(scan);
  // Attributes too: an embed may add the selector's attribute after inserting the form.
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: attributeNames(selector) });
  return {
    disconnect() {
      observer.disconnect();
      for (const binding of bindings.values()) binding?.detach();
      bindings.clear();
    },
  };
}

/** Attribute names a selector mentions (`form[data-leadgate]` → `data-leadgate`), plus `class` and `id`. */
function attributeNames(selector: string): string[] {
  const names = new Set(['class', 'id']);
  for (const match of selector.matchAll(/\[\s*([\w-]+)/g)) names.add(match[1]!);
  return [...names];
}
