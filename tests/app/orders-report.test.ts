import { describe, expect, it } from 'vitest';
import { visibleLog } from '../../src/app/fog';
import { ordersReport } from '../../src/app/orders-report';
import type { LogEntry } from '../../src/sim/log';
import { NOT_CARRIED_OUT } from '../../src/sim/phases';
import { game } from '../helpers/game';

/**
 * "What happened to your orders", read off a real game's log: each order with what followed it
 * in human words, the turn's results that name the side (summed up, not step by step), its own
 * support and costs, and nothing the side's fog hides.
 */

// China invades on turn 4 (forced by lever) and Russia crosses into Estonia on turn 1.
const g = game('two-front')
  .seed('s1')
  .set('chinaCourse', 'invasion')
  .set('russiaCourse', 'limited-incursion')
  .turns(6)
  .play();
const report = (actor: Parameters<typeof ordersReport>[2], turn: number) =>
  ordersReport(visibleLog(g.log, actor, []), g.sc, actor, turn)!;

describe('ordersReport', () => {
  it('has nothing to say on the first turn', () => {
    expect(ordersReport(visibleLog(g.log, 'china', []), g.sc, 'china', 1)).toBeNull();
  });

  it('lists each order of the turn before with its consequences in human words', () => {
    const r = report('china', 2);
    expect(r.turn).toBe(1);
    expect(r.orders.map((o) => o.label)).toEqual(
      g.log
        .filter((e) => e.turn === 1 && e.type === 'decision' && e.actor === 'china')
        .map((e) => e.text.replace(/^[^:]*: /, '').replace(/\.$/, '')),
    );
    const mobilise = r.orders.find((o) => o.label === 'Mobilise the Eastern Theater')!;
    expect(mobilise.done).toBe(true);
    expect(mobilise.effects[0]).toMatch(/^China’s domestic support 70 → 68 \(−2\)/);
    expect(mobilise.effects.some((t) => t.startsWith('Indo-Pacific escalation'))).toBe(true);
    for (const o of r.orders)
      for (const t of o.effects) expect(t).not.toMatch(/support\.china|economicCost|miscalcRisk/);
    expect(g.log[mobilise.index]?.type).toBe('decision');
  });

  it('sums up a turn of battles by result, and running figures by their last value', () => {
    const r = report('china', 5);
    expect(r.orders.map((o) => o.label)).toContain('Amphibious invasion');
    const battles = r.results.find((t) => / battles in Taiwan: /.test(t));
    const combats = g.log.filter(
      (e) => e.turn === 4 && e.type === 'adjudication' && e.kind === 'combat',
    );
    expect(battles).toMatch(new RegExp(`^${combats.length} battles in Taiwan: `));
    const counted = [...battles!.matchAll(/(\d+) (repulsed|stalemate|breakthrough|advance)/g)];
    expect(counted.reduce((a, m) => a + Number(m[1]), 0)).toBe(combats.length);
    const airSea = r.results.find((t) => t.startsWith('Air and sea war in Taiwan Strait'))!;
    const lastAirSea = g.log.filter(
      (e): e is Extract<LogEntry, { type: 'adjudication' }> =>
        e.turn === 4 && e.type === 'adjudication' && e.kind === 'air-sea',
    );
    expect(airSea).toBe(
      `Air and sea war in Taiwan Strait (${lastAirSea.length} steps): ${lastAirSea.at(-1)!.result}`,
    );
    expect(r.results).toContain('The invasion fleet sails.');
    // Seven steps of battle are a handful of lines, not dozens.
    expect(r.results.length).toBeLessThan(10);
  });

  it('gives the side its own support and cost over the turn', () => {
    const r = report('china', 5);
    const changes = g.log
      .filter((e) => e.turn === 4 && e.type === 'change')
      .flatMap((e) => (e.type === 'change' ? e.changes : []))
      .filter((c) => c.track === 'support.china');
    expect(r.own[0]).toBe(`Domestic support ${changes[0]!.from} → ${changes.at(-1)!.to}`);
  });

  it('a side with no orders hears the results that name it: NATO on the incursion', () => {
    const r = report('nato-europe', 2);
    expect(r.results).toContain('Russian forces cross into NATO territory.');
    expect(r.results.some((t) => t.startsWith('Battle in Narva'))).toBe(true);
  });

  it('shows only what the side may see: another side’s secret order stays out', () => {
    const secret = g.log.find(
      (e) => e.type === 'decision' && e.actor === 'china' && e.visibleTo !== 'all',
    );
    expect(secret, 'the game has a secret Chinese order').toBeDefined();
    const forUs = ordersReport(visibleLog(g.log, 'usa', []), g.sc, 'usa', secret!.turn + 1)!;
    const all = [...forUs.results, ...forUs.orders.flatMap((o) => [o.label, ...o.effects])];
    expect(all.join('\n')).not.toContain(secret!.text.replace(/^[^:]*: /, '').replace(/\.$/, ''));
  });

  it('names an order the state no longer allowed, and why', () => {
    const base = g.log.find((e) => e.type === 'decision' && e.actor === 'usa' && e.turn === 1)!;
    const refused: LogEntry = {
      ...base,
      text: `United States: Sanctions (China) ${NOT_CARRIED_OUT} (China is already under sanctions).`,
    };
    const shown = [
      { index: 0, entry: { ...base, type: 'phase', phase: 'adjudication', text: 'x' } as LogEntry },
      { index: 1, entry: refused },
    ];
    const r = ordersReport(shown, g.sc, 'usa', 2)!;
    expect(r.orders).toEqual([
      {
        label: 'Sanctions (China)',
        done: false,
        effects: ['Not carried out: China is already under sanctions.'],
        index: 1,
      },
    ]);
  });
});
