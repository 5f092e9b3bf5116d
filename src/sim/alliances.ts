import { balticIndex, sendMove } from './campaigns/baltic-moves';
import { pressedAxis } from './campaigns/europe';
import type { Ctx } from './context';
import { clamp } from './state';
import { rebalanceUsForces, reinforceTheater } from './us-forces';

/**
 * Alliance responses. When Article 5 is invoked, how much help actually comes depends on NATO
 * cohesion and on the US answer (firm or hesitant, a lever). Allied brigades set off for the Baltic
 * axis under most pressure and arrive after `baltic.alliedTransitHours`; a firm US sends armoured
 * brigades from the pool (the fastest it has: units already in Europe, then from home, each after
 * its own transit) and moves its allocation target towards Europe: the two-front dilemma in one
 * roll. Every figure is in `rules.baltic` and `rules.europe`.
 *
 * @example
 * const ctx = new Ctx(state, scenario, 'events');
 * allianceResponse(ctx); // no-op until Article 5 is invoked; fires once per game
 */
export function allianceResponse(ctx: Ctx): void {
  const s = ctx.s;
  const sc = ctx.sc;
  if (!s.flags.article5Invoked || s.fired.includes('alliance-response')) return;
  s.fired.push('alliance-response');
  const e = sc.rules.europe;
  const b = sc.rules.baltic;
  const firm = s.levers.usArticle5Response === 'firm';
  const modifiers = [
    { name: 'NATO cohesion', value: s.tracks.natoCohesion },
    {
      name: firm ? 'US response firm' : 'US response hesitant',
      value: firm ? b.responseFirmPct : -b.responseHesitantPct,
    },
    {
      name: `cohesion below ${e.article5CohesionMin}`,
      value: s.tracks.natoCohesion < e.article5CohesionMin ? -b.responseLowCohesionPct : 0,
    },
  ];
  const chance = clamp(
    modifiers.reduce((t, m) => t + m.value, 0),
    b.responseMinPct,
    b.responseMaxPct,
  );
  const full = ctx.chanceRoll({
    purpose: 'alliance:article5',
    chance,
    kind: 'alliance-response',
    theater: 'europe',
    actors: ['nato-europe', 'usa'],
    inputs: {
      natoCohesion: s.tracks.natoCohesion,
      usArticle5Response: s.levers.usArticle5Response,
    },
    modifiers,
    result: ['full response', 'partial response'],
    text: (roll, ok) =>
      `Article 5 response: chance ${chance}% (cohesion ${s.tracks.natoCohesion}, US ${s.levers.usArticle5Response}); roll ${roll} → ${ok ? 'allies respond in full' : 'some allies hold back'}.`,
  });
  const axis = pressedAxis(s, sc);
  const brigades = full ? b.alliedFullBrigades : b.alliedPartialBrigades;
  sendMove(ctx, {
    actor: 'nato-europe',
    strength: brigades * e.brigadeStrength,
    readiness: b.alliedReadiness,
    axis,
    arrives: ctx.hour + b.alliedTransitHours,
    label: full
      ? 'Allied Article 5 brigades (full response)'
      : 'Allied Article 5 brigades (partial)',
  });
  if (!full)
    ctx.adjust(
      'natoCohesion',
      -b.partialCohesionLoss,
      'allies divided over the response',
      'europe',
    );
  if (firm) {
    const region = balticIndex(sc).axes.get(axis)!.objective;
    const sent = reinforceTheater(
      ctx,
      'europe',
      ['ground'],
      e.firmUsReinforceBrigades,
      region,
      sc.roles.balticStates,
    );
    if (sent.length === 0)
      ctx.note('europe', ['usa'], 'The US has no ground units left to send to the Baltic states.');
    ctx.adjust(
      'usPacificTarget',
      -b.firmPacificPull,
      'US swings forces to Europe under Article 5 (the two-front dilemma)',
    );
    ctx.adjust('article5Credibility', b.firmCredibilityGain, 'a firm US response', 'europe');
  } else {
    ctx.adjust('natoCohesion', -e.hesitantCohesionLoss, 'a hesitant US response', 'europe');
    ctx.adjust(
      'article5Credibility',
      -b.hesitantCredibilityLoss,
      'a hesitant US response',
      'europe',
    );
  }
}

/**
 * Once a turn the US moves units towards its allocation target (`us-forces.ts`); the
 * `usPacificShare` track follows as they arrive.
 *
 * @example
 * shiftUsPool(ctx); // units sail towards usPacificTarget; the share moves when they arrive
 */
export function shiftUsPool(ctx: Ctx): void {
  rebalanceUsForces(ctx);
}
