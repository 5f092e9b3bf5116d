import { menu, type MenuItem } from '../sim/decisions';
import { DECISION_SLOTS, type DecisionSlot, type PlayableActorId } from '../sim/ids';
import type { Scenario } from '../sim/scenario/schema';
import type { Decision, GameState } from '../sim/state';
import { ACTOR_STYLE } from '../view/palette';
import { clear, h, humanize } from './dom';
import type { OrdersReport } from './orders-report';
import { ordersReportView } from './orders-report-view';

/**
 * The decision dock for a human seat: the actor's whole menu in its four slots (one choice per
 * slot, or hold). Legal options show their cost and expected effects; illegal ones are shown
 * disabled with the reason. It is a real form: arrow keys move within a slot, Tab between slots,
 * Enter (or Ctrl+Enter anywhere in it) submits.
 */

export interface DecisionPanel {
  readonly el: HTMLElement;
  /**
   * Show a seat's menu; `draft` re-checks orders chosen before a reload (illegal ones are
   * dropped); `report` says what came of the seat's orders of the turn before.
   */
  show(
    state: GameState,
    sc: Scenario,
    actor: PlayableActorId,
    draft?: readonly Decision[],
    report?: OrdersReport | null,
  ): void;
  /** The engine refused the submission: say why, keep the choices. */
  reject(reason: string): void;
  hide(): void;
}

const SLOT_LABEL: Record<DecisionSlot, string> = {
  military: 'Military',
  diplomatic: 'Diplomatic',
  information: 'Information',
  economic: 'Economic',
};

export function decisionPanel(
  onSubmit: (actor: PlayableActorId, d: Decision[]) => void,
  /** Orders chosen but not yet submitted, as they change (saved, so a reload keeps them). */
  onDraft?: (actor: PlayableActorId, d: Decision[]) => void,
): DecisionPanel {
  const el = h('section', {
    class: 'decision-dock',
    'aria-label': 'Decisions',
    'data-testid': 'decision-panel',
    hidden: true,
  });
  let actor: PlayableActorId | null = null;

  function show(
    state: GameState,
    sc: Scenario,
    who: PlayableActorId,
    draft: readonly Decision[] = [],
    report: OrdersReport | null = null,
  ): void {
    actor = who;
    clear(el);
    el.hidden = false;
    const items = menu(state, sc, who);
    const st = ACTOR_STYLE[who];
    const form = h('form', { class: 'decision-form', novalidate: true });
    const error = h('p', { class: 'error', role: 'alert', 'data-testid': 'decision-error' });
    const cols = h('div', { class: 'slots' });
    for (const slot of DECISION_SLOTS) {
      const slotItems = items.filter((m) => m.slot === slot);
      if (slotItems.length === 0) continue;
      cols.append(slotColumn(sc, slot, slotItems));
    }
    const submit = h(
      'button',
      { type: 'submit', class: 'primary', 'data-testid': 'submit-decisions' },
      'Submit decisions',
    );
    const summary = h('p', {
      class: 'hint',
      'aria-live': 'polite',
      'data-testid': 'decision-summary',
    });
    const updateSummary = (): void => {
      const n = collect(form, items).length;
      summary.textContent =
        n === 0 ? 'No orders: every slot holds.' : `${n} order${n === 1 ? '' : 's'} chosen.`;
    };
    form.addEventListener('change', () => {
      updateSummary();
      onDraft?.(who, collect(form, items));
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (actor) onSubmit(actor, collect(form, items));
    });
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        form.requestSubmit();
      }
    });
    const fold = h(
      'button',
      {
        type: 'button',
        class: 'ghost small',
        'aria-expanded': String(!el.classList.contains('folded')),
        'data-testid': 'fold-decisions',
      },
      el.classList.contains('folded') ? 'Show orders' : 'Hide orders',
    );
    fold.addEventListener('click', () => {
      const folded = el.classList.toggle('folded');
      fold.textContent = folded ? 'Show orders' : 'Hide orders';
      fold.setAttribute('aria-expanded', String(!folded));
    });
    form.append(
      h(
        'header',
        { class: 'dock-head' },
        h('span', { class: 'code', style: `background:${st.css};color:${st.ink}`, text: st.code }),
        h('h2', { text: `${sc.actors[who]?.name ?? who}: turn ${state.turn} orders` }),
        summary,
        fold,
        submit,
      ),
      error,
      ...(report ? [ordersReportView(report)] : []),
      cols,
    );
    el.append(form);
    restore(form, draft);
    updateSummary();
    // The first order takes the focus without scrolling the dock: its top (the report of the
    // turn before, then the slots) is what the player reads first.
    const first = form.querySelector<HTMLInputElement>('.slots input:not([disabled])');
    first?.focus({ preventScroll: true });
    el.scrollTop = 0;
  }

  function reject(reason: string): void {
    const e = el.querySelector('[data-testid="decision-error"]');
    if (e) e.textContent = `Not accepted: ${reason}`;
  }

  function hide(): void {
    actor = null;
    el.hidden = true;
    clear(el);
  }

  return { el, show, reject, hide };
}

function slotColumn(sc: Scenario, slot: DecisionSlot, items: MenuItem[]): HTMLElement {
  const name = `slot-${slot}`;
  const fs = h('fieldset', { class: 'slot', 'data-testid': `slot-${slot}` });
  fs.append(h('legend', { text: SLOT_LABEL[slot] }));
  const hold = h('input', { type: 'radio', name, value: '', id: `${name}-hold`, checked: true });
  fs.append(
    h(
      'div',
      { class: 'option hold' },
      hold,
      h(
        'label',
        { for: `${name}-hold` },
        h('strong', { text: 'Hold' }),
        h('span', { class: 'effects', text: 'No order in this slot.' }),
      ),
    ),
  );
  for (const m of items) fs.append(optionRow(sc, name, m));
  return fs;
}

function optionRow(sc: Scenario, name: string, m: MenuItem): HTMLElement {
  const id = `opt-${m.option.replace(/\./g, '-')}`;
  const disabled = m.illegal !== null;
  const input = h('input', {
    type: 'radio',
    name,
    value: m.option,
    id,
    disabled,
    'aria-describedby': `${id}-desc`,
    'data-testid': `option-${m.option}`,
  });
  const costs: string[] = [];
  if (m.cost.support) costs.push(`support −${m.cost.support}`);
  if (m.cost.economic) costs.push(`cost +${m.cost.economic}`);
  const desc = h(
    'span',
    { class: 'desc', id: `${id}-desc` },
    h('span', { class: 'summary', text: m.summary }),
    costs.length > 0 ? h('span', { class: 'cost', text: `Costs: ${costs.join(', ')}` }) : null,
    effects(sc, m),
    disabled ? h('span', { class: 'reason', text: `Not available: ${m.illegal}` }) : null,
  );
  const row = h(
    'div',
    { class: `option${disabled ? ' illegal' : ''}`, 'data-option': m.option },
    input,
    h('label', { for: id }, h('strong', { text: m.label }), desc),
  );
  if (!disabled && (m.needs === 'region' || m.needs === 'actor')) {
    const sel = h('select', {
      class: 'target',
      'aria-label': `${m.label}: target`,
      'data-testid': `target-${m.option}`,
    });
    for (const t of m.targets) sel.append(h('option', { value: t, text: humanize(t) }));
    sel.addEventListener('focus', () => {
      input.checked = true;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    row.append(sel);
  }
  if (!disabled && m.needs === 'amount') {
    const num = h('input', {
      type: 'number',
      class: 'amount',
      min: 0,
      max: 100,
      step: 5,
      value: 50,
      'aria-label': `${m.label}: Indo-Pacific share (%)`,
      'data-testid': `amount-${m.option}`,
    });
    row.append(num);
  }
  return row;
}

/** Check the options of a saved draft again (those still legal), with their targets and amounts. */
function restore(form: HTMLFormElement, draft: readonly Decision[]): void {
  for (const d of draft) {
    const input = Array.from(form.querySelectorAll<HTMLInputElement>('input[type="radio"]')).find(
      (i) => i.value === d.type && !i.disabled,
    );
    if (!input) continue;
    input.checked = true;
    const row = input.closest('.option');
    const sel = row?.querySelector<HTMLSelectElement>('select.target');
    if (sel && d.target !== undefined && Array.from(sel.options).some((o) => o.value === d.target))
      sel.value = d.target;
    const num = row?.querySelector<HTMLInputElement>('input.amount');
    if (num && d.amount !== undefined) num.value = String(d.amount);
  }
}

/** The decisions the form now holds, one per slot, in slot order. */
function collect(form: HTMLFormElement, items: readonly MenuItem[]): Decision[] {
  const out: Decision[] = [];
  for (const slot of DECISION_SLOTS) {
    const checked = form.querySelector<HTMLInputElement>(`input[name="slot-${slot}"]:checked`);
    if (!checked || checked.value === '') continue;
    const item = items.find((m) => m.option === checked.value);
    if (!item) continue;
    const row = checked.closest('.option');
    const target = row?.querySelector<HTMLSelectElement>('select.target')?.value;
    const amount = row?.querySelector<HTMLInputElement>('input.amount')?.value;
    out.push({
      type: item.option,
      ...(item.needs === 'region' || item.needs === 'actor' ? { target: target ?? '' } : {}),
      ...(item.needs === 'amount' ? { amount: Math.round(Number(amount ?? 0)) } : {}),
    });
  }
  return out;
}

/** The option's scenario parameters, read as its expected effects ("Miscalc rise 3"). */
function effects(sc: Scenario, m: MenuItem): HTMLElement | null {
  const params = sc.options[m.option]?.params ?? {};
  const parts = Object.entries(params).map(([k, v]) => `${humanize(k)} ${String(v)}`);
  return parts.length > 0
    ? h('span', { class: 'effects', text: `Effects: ${parts.join('; ')}` })
    : null;
}
