import type { Ctx } from './context';
import { scheduleForce } from './economy';
import { GROUND, strength } from './measures';
import { param } from './options/types';
import { clamp } from './state';

/**
 * Alliance responses. When Article 5 is invoked, how much help actually comes depends on NATO
 * cohesion and on the US answer (firm or hesitant, a lever); a firm US sends brigades to Europe
 * and pulls its pool away from the Pacific: the two-front dilemma in one roll.
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
  const firm = s.levers.usArticle5Response === 'firm';
  const modifiers = [
    { name: 'NATO cohesion', value: s.tracks.natoCohesion },
    { name: firm ? 'US response firm' : 'US response hesitant', value: firm ? 15 : -15 },
    {
      name: `cohesion below ${e.article5CohesionMin}`,
      value: s.tracks.natoCohesion < e.article5CohesionMin ? -20 : 0,
    },
  ];
  const chance = clamp(
    modifiers.reduce((t, m) => t + m.value, 0),
    5,
    95,
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
  const target =
    sc.roles.balticStates
      .filter((x) => s.regions[x]?.owner !== 'russia')
      .sort(
        (a, b) => strength(s, 'nato-europe', [a], GROUND) - strength(s, 'nato-europe', [b], GROUND),
      )[0] ?? sc.roles.balticStates[0]!;
  const allied = full ? 4 : 2;
  scheduleForce(
    ctx,
    'nato-europe',
    target,
    'ground',
    allied * e.brigadeStrength,
    2,
    `Allied Article 5 reinforcements (${allied} brigades)`,
  );
  if (!full) ctx.adjust('natoCohesion', -5, 'allies divided over the response', 'europe');
  if (firm) {
    scheduleForce(
      ctx,
      'usa',
      target,
      'ground',
      e.firmUsReinforceBrigades * e.heavyBrigadeStrength,
      3,
      `US Article 5 reinforcements (${e.firmUsReinforceBrigades} armoured brigades)`,
    );
    ctx.adjust(
      'usPacificTarget',
      -15,
      'US swings forces to Europe under Article 5 (the two-front dilemma)',
    );
    ctx.adjust('article5Credibility', 5, 'a firm US response', 'europe');
  } else {
    ctx.adjust('natoCohesion', -e.hesitantCohesionLoss, 'a hesitant US response', 'europe');
    ctx.adjust('article5Credibility', -10, 'a hesitant US response', 'europe');
  }
}

/**
 * The US pool shifts towards its target share, at most `maxShiftPerTurn` a turn.
 *
 * @example
 * shiftUsPool(ctx); // ctx.s.tracks.usPacificShare moves towards usPacificTarget
 */
export function shiftUsPool(ctx: Ctx): void {
  const t = ctx.s.tracks;
  const max = param(ctx.sc, 'usa.allocate-forces', 'maxShiftPerTurn');
  const delta = clamp(t.usPacificTarget - t.usPacificShare, -max, max);
  ctx.adjust(
    'usPacificShare',
    delta,
    `US forces redeploy towards the ${t.usPacificTarget}% target`,
  );
}
