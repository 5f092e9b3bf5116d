import { h } from './dom';
import { fold } from './fold';
import type { OrdersReport } from './orders-report';

/** Consequences shown under an order before "and N more": the rest are in the log. */
const EFFECTS_SHOWN = 3;

/**
 * The "what happened to your orders" fold at the top of the decision dock: last turn's orders
 * with what came of each, the turn's results that name the side, and its support and costs.
 * Open until the player folds it (kept for the page's lifetime, like the setup folds). Text goes
 * in through `textContent` only.
 *
 * @example
 * const r = ordersReport(visibleLog(ctx.log, 'china', []), sc, 'china', ctx.state.turn);
 * if (r) dock.prepend(ordersReportView(r));
 */
export function ordersReportView(r: OrdersReport): HTMLElement {
  const f = fold('orders-report', `What happened to your orders in turn ${r.turn}`, {
    open: true,
  });
  f.el.classList.add('orders-report');
  const done = r.orders.filter((o) => o.done).length;
  f.setSummary(
    [
      r.orders.length === 0
        ? 'no orders'
        : `${r.orders.length} order${r.orders.length === 1 ? '' : 's'}${done < r.orders.length ? `, ${r.orders.length - done} not carried out` : ''}`,
      ...r.own,
    ].join(' · '),
  );
  const orders = h('ul', { class: 'report-orders', 'aria-label': 'Your orders' });
  if (r.orders.length === 0)
    orders.append(h('li', { class: 'muted', text: 'Every slot held: you gave no orders.' }));
  for (const o of r.orders) {
    const shown = o.effects.slice(0, EFFECTS_SHOWN);
    const more = o.effects.length - shown.length;
    orders.append(
      h(
        'li',
        { class: o.done ? 'done' : 'not-done', 'data-testid': 'report-order' },
        h('strong', { text: o.label }),
        h('span', { class: 'mark', text: o.done ? ' ✓ carried out' : ' ✗ not carried out' }),
        shown.length > 0 || more > 0
          ? h(
              'ul',
              {},
              ...shown.map((t) => h('li', { text: t })),
              more > 0 ? h('li', { class: 'muted', text: `and ${more} more in the log` }) : null,
            )
          : null,
      ),
    );
  }
  const cols = h('div', { class: 'report-cols' }, orders);
  if (r.results.length > 0)
    cols.append(
      h(
        'ul',
        {
          class: 'report-results',
          'aria-label': 'Results of the turn',
          'data-testid': 'report-results',
        },
        ...r.results.map((t) => h('li', { text: t })),
      ),
    );
  f.body.append(cols);
  return f.el;
}
